import Glibc
import JSON

/// One line per request on stderr, buffered per event loop and written once per loop turn, so
/// that logging costs one system call per batch instead of one per request. Paths are logged
/// without their query, which may hold a token.
struct AccessLog {
    let format: AccessLogFormat
    /// Where lines go: standard error, or another descriptor in tests.
    let fd: Int32
    private var buffer: [UInt8] = []

    init(format: AccessLogFormat, fd: Int32 = 2) {
        self.format = format
        self.fd = fd
        if format != .off { buffer.reserveCapacity(16 * 1024) }
    }

    mutating func record(time: String, method: String, path: String, status: Int, bytes: Int, micros: Int64) {
        switch format {
        case .off:
            return
        case .text:
            buffer.append(contentsOf: "\(time) \(method) \(path) \(status) \(bytes) \(micros)us\n".utf8)
        case .json:
            buffer.append(contentsOf: "{\"time\":\"\(time)\",\"method\":".utf8)
            JSON.writeString(method, into: &buffer)
            buffer.append(contentsOf: ",\"path\":".utf8)
            JSON.writeString(path, into: &buffer)
            buffer.append(contentsOf: ",\"status\":\(status),\"bytes\":\(bytes),\"us\":\(micros)}\n".utf8)
        }
        if buffer.count > 64 * 1024 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
