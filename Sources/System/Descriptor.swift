import Glibc

/// A file descriptor with one owner, closed exactly once: when its owner ends, or when `close()` is called.
/// Being non-copyable, it cannot be closed twice through two copies, nor used after its number was handed to
/// another file.
public struct Descriptor: ~Copyable, Sendable {
    public let rawValue: Int32

    /// Takes ownership of `rawValue`, which must be open.
    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// Takes ownership of what a call returned, or throws the call's error when it returned -1.
    public init(returnedBy call: String, _ result: Int32) throws(SystemError) {
        guard result >= 0 else { throw .last(call) }
        rawValue = result
    }

    /// Closes it now.
    public consuming func close() {
        // deinit closes.
    }

    /// Gives up ownership without closing: the caller takes the number over.
    public consuming func release() -> Int32 {
        let value = rawValue
        discard self
        return value
    }

    deinit {
        _ = Glibc.close(rawValue)
    }
}
