/// Why a delivery could not be made into a request. None of these goes away by trying again: the sender gives the
/// delivery up with the error's text as its `last_error`.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stored `data` is not the JSON the scheduler writes, or lacks a member a message needs.
    case invalidData(String)
    /// The channel's URL is not an absolute `http` or `https` URL of the shape its kind needs.
    case invalidURL(String)
    /// A webhook channel without a valid `whsec_` secret.
    case invalidSecret
    /// A gotify channel without its application token.
    case missingToken

    public var description: String {
        switch self {
        case .invalidData(let detail): return "the stored message cannot be sent: \(detail)"
        case .invalidURL(let detail): return "the channel's url cannot be used: \(detail)"
        case .invalidSecret: return "the webhook channel has no valid whsec_ secret"
        case .missingToken: return "the gotify channel has no application token"
        }
    }
}
