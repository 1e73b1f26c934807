import Glibc

/// A failed socket call, with the call's name and errno.
public enum SocketError: Error, Sendable, CustomStringConvertible {
    case failed(String, Int32)
    case badAddress(String)

    public var description: String {
        switch self {
        case .failed(let call, let code): "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .badAddress(let host): "cannot resolve listen address '\(host)'"
        }
    }
}
