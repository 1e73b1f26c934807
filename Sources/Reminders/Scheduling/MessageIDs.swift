import Crypto

/// The ids messages are sent under: a webhook's `webhook-id`, the same on every attempt, so that a receiver can
/// drop a message sent again after a commit was lost.
public enum MessageIDs {
    /// `msg_` and 24 base64url characters: 18 bytes (144 bits) from the system's cryptographic random source,
    /// so that two messages never share an id.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return "msg_" + Base64.encodeURL((0..<18).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}
