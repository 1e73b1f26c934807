/// Writes a response's status line and header section (RFC 9112 §4, §5) straight into a
/// connection's output buffer.
enum ResponseEncoder {
    /// How the response speaks of the connection's persistence (RFC 9112 §9.3).
    enum ConnectionField {
        /// HTTP/1.1 default: persistent, nothing to say.
        case implicit
        /// HTTP/1.0 keep-alive must be confirmed, or the client closes.
        case keepAlive
        case close
    }

    /// Status lines for 100–599, indexed by code, built once.
    private static let statusLines: [[UInt8]] = (0..<600).map { code in
        code < 100 ? [] : Array("HTTP/1.1 \(code) \(HTTPStatus.reasonPhrase(code))\r\n".utf8)
    }

    private static let dateName = Array("Date: ".utf8)
    private static let serverName = Array("\r\nServer: ".utf8)
    private static let contentLengthName = Array("\r\nContent-Length: ".utf8)
    private static let closeField = Array("\r\nConnection: close".utf8)
    private static let keepAliveField = Array("\r\nConnection: keep-alive".utf8)
    private static let crlf: [UInt8] = [13, 10]
    private static let colonSpace: [UInt8] = [58, 32]

    static func encode(
        _ response: Response, into out: inout [UInt8], date: [UInt8], server: [UInt8], omitBody: Bool,
        connection: ConnectionField
    ) {
        // Room for the head and the whole body at once: a large body then costs one block, not a doubling run.
        if !omitBody && response.body.count > 4096 {
            out.reserveCapacity(out.count + 1024 + response.body.count)
        }
        if response.status >= 100 && response.status < 600 {
            out.append(contentsOf: statusLines[response.status])
        } else {
            out.append(contentsOf: "HTTP/1.1 \(response.status) \(HTTPStatus.reasonPhrase(response.status))\r\n".utf8)
        }
        out.append(contentsOf: dateName)
        out.append(contentsOf: date)
        out.append(contentsOf: serverName)
        out.append(contentsOf: server)
        // RFC 9110 §8.6: no Content-Length on 1xx and 204; on 304 it would have to describe the
        // representation the client already has, so it is left out there too.
        if !response.forbidsContent {
            out.append(contentsOf: contentLengthName)
            appendDecimal(response.body.count, to: &out)
        }
        switch connection {
        case .implicit: break
        case .keepAlive: out.append(contentsOf: keepAliveField)
        case .close: out.append(contentsOf: closeField)
        }
        for field in response.headers {
            out.append(contentsOf: crlf)
            out.append(contentsOf: field.name.utf8)
            out.append(contentsOf: colonSpace)
            appendFieldValue(field.value, to: &out)
        }
        out.append(contentsOf: crlf)
        out.append(contentsOf: crlf)
        if !omitBody && !response.forbidsContent {
            out.append(contentsOf: response.body)
        }
    }

    /// Handlers build field values from data; a CR or LF in one would split the response, so
    /// control characters are replaced (RFC 9110 §5.5).
    private static func appendFieldValue(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            if bytes.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) {
                out.append(contentsOf: bytes)
            } else {
                for byte in bytes { out.append(byte < 0x20 && byte != 0x09 || byte == 0x7F ? 0x20 : byte) }
            }
        }
    }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(48 + value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            while n > 0 && count < buf.count {
                buf[count] = UInt8(48 + n % 10)
                n /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buf[i]) }
        }
    }
}
