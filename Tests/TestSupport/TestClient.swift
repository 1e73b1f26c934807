import Foundation
import Glibc

/// A blocking loopback TCP client for end-to-end tests: sends raw bytes and reads raw responses,
/// every wait bounded by a receive timeout so that a broken server fails the test instead of
/// hanging it.
public final class TestClient {
    public let fd: Int32
    private var buffer: [UInt8] = []

    public struct ClientError: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public init(port: Int, timeoutSeconds: Double = 5) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw ClientError(description: "connect: \(code)")
        }
        setTimeout(timeoutSeconds)
    }

    deinit { close(fd) }

    public func setTimeout(_ seconds: Double) {
        var tv = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw ClientError(description: "send: \(errno)") }
            offset += n
        }
    }

    /// Reads more bytes into the buffer; false on end of stream, throws on timeout or error.
    @discardableResult
    public func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            buffer.append(contentsOf: chunk[0..<n])
            return true
        }
        if n == 0 { return false }
        throw ClientError(description: errno == EAGAIN ? "timed out waiting for the server" : "recv: \(errno)")
    }

    /// Reads one complete response (Content-Length framed, or until close).
    public func readResponse(head isHead: Bool = false) throws -> RawResponse {
        while true {
            if let (response, used) = RawResponse.parse(buffer, isHeadRequest: isHead) {
                buffer.removeFirst(used)
                return response
            }
            guard try fill() else {
                if let response = RawResponse.parseUntilClose(buffer) {
                    buffer.removeAll()
                    return response
                }
                throw ClientError(description: "connection closed before a full response; had \(buffer.count) bytes")
            }
        }
    }

    /// True when the server closes the connection (end of stream or reset) with no more bytes.
    public func readsEndOfStream() -> Bool {
        do {
            while try fill() {}
            return true
        } catch {
            return (error as? ClientError)?.description.hasPrefix("recv") ?? false
        }
    }

    /// Everything received until the server closes, or the timeout.
    public func readAll() -> [UInt8] {
        while (try? fill()) == true {}
        defer { buffer.removeAll() }
        return buffer
    }
}

/// A response as it came off the wire.
public struct RawResponse {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    static func parse(_ bytes: [UInt8], isHeadRequest: Bool) -> (RawResponse, Int)? {
        guard let (status, headers, headEnd) = parseHead(bytes) else { return nil }
        let noBody = isHeadRequest || status < 200 || status == 204 || status == 304
        if noBody { return (RawResponse(status: status, headers: headers, body: []), headEnd) }
        guard let lengthText = headers.first(where: { $0.name.lowercased() == "content-length" })?.value,
            let length = Int(lengthText)
        else { return nil }
        guard bytes.count >= headEnd + length else { return nil }
        return (
            RawResponse(status: status, headers: headers, body: Array(bytes[headEnd..<headEnd + length])),
            headEnd + length
        )
    }

    static func parseUntilClose(_ bytes: [UInt8]) -> RawResponse? {
        guard let (status, headers, headEnd) = parseHead(bytes) else { return nil }
        return RawResponse(status: status, headers: headers, body: Array(bytes[headEnd...]))
    }

    static func parseHead(_ bytes: [UInt8]) -> (Int, [(name: String, value: String)], Int)? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4 else { return nil }
        var end: Int?
        for i in 0...(bytes.count - 4) where Array(bytes[i..<i + 4]) == terminator {
            end = i
            break
        }
        guard let end else { return nil }
        let text = String(decoding: bytes[0..<end], as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        let headers = lines.map { line -> (name: String, value: String) in
            let parts = line.split(separator: ":", maxSplits: 1)
            return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
        }
        return (status, headers, end + 4)
    }
}
