import CLinux
import Glibc

/// Reads `HelperWire` frames from a blocking stream socket: what one read brings may hold part of a frame or
/// several, and a frame is handed over only whole. Holds at most one frame's worth beyond what it was given.
public struct FrameReader: ~Copyable {
    private let socket: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    /// A reader of `socket`, which it does not own: the caller closes it.
    public init(socket: Int32) {
        self.socket = socket
    }

    /// The next whole frame already read, or nil when none is.
    public mutating func buffered() throws(HelperWireError) -> ArraySlice<UInt8>? {
        let available = buffer.count - start
        guard available >= 4 else { return nil }
        let length = Int(HelperWire.bigEndian(buffer[start..<start + 4]))
        guard length <= HelperWire.frameLimit else {
            throw HelperWireError("a frame of \(length) bytes is longer than \(HelperWire.frameLimit)")
        }
        guard available >= 4 + length else { return nil }
        defer { start += 4 + length }
        return buffer[start + 4..<start + 4 + length]
    }

    /// Reads what the socket has (waiting for at least a byte), behind what is buffered. False at the end of the
    /// stream; throws when it ends inside a frame, or when the read fails.
    public mutating func fill() throws(HelperWireError) -> Bool {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            start = 0
        }
        let chunk = 64 * 1024
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        while true {
            let count = buffer[old...].withUnsafeMutableBytes { read(socket, $0.baseAddress, chunk) }
            if count < 0 && errno == EINTR { continue }
            buffer.removeSubrange((old + max(0, count))...)
            if count > 0 { return true }
            if count == 0 {
                guard buffer.isEmpty else { throw HelperWireError("the stream ended inside a frame") }
                return false
            }
            throw HelperWireError("reading the stream failed (errno \(errno))")
        }
    }
}

extension HelperWire {
    /// Writes a whole frame to the blocking stream socket `socket`. False when the other side is gone (the
    /// write fails rather than raising SIGPIPE).
    public static func write(_ frame: [UInt8], to socket: Int32) -> Bool {
        var sent = 0
        while sent < frame.count {
            let count = frame[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, clinux_msg_nosignal) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }
}
