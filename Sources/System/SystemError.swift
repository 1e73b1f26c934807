import Glibc

/// A failed system call, named, with the `errno` it set (or the error number a pthread call returned).
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call that failed (`accept4`, `epoll_wait`, `pthread_create`, …).
    public let call: String
    public let code: Int32

    public init(_ call: String, _ code: Int32) {
        self.call = call
        self.code = code
    }

    /// The error of `call`, which just failed, from `errno`.
    public static func last(_ call: String) -> SystemError {
        SystemError(call, errno)
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
