/// A listen address that names nothing to bind. A failed system call is a `SystemError`.
public enum SocketError: Error, Sendable, CustomStringConvertible {
    case badAddress(String)

    public var description: String {
        switch self {
        case .badAddress(let host): "cannot resolve listen address '\(host)'"
        }
    }
}
