/// The checks made on a complete head: Host, body framing, Expect and persistence.
extension RequestParser {
    /// The semantic checks made once the head is complete: Host, framing, Expect, persistence.
    public static func messageInfo(for head: RequestHead, limits: ParserLimits) -> Result<MessageInfo, HTTPParseError> {
        let modern = head.version.major > 1 || (head.version.major == 1 && head.version.minor >= 1)
        var fields = FramingFields()
        for field in head.headers {
            switch field.name.utf8.count {
            case 4 where HTTPHeaders.equalFold(field.name, "Host"): fields.addHost(field.value)
            case 6 where HTTPHeaders.equalFold(field.name, "Expect"): fields.addExpect(field.value)
            case 10 where HTTPHeaders.equalFold(field.name, "Connection"): fields.addConnection(field.value)
            case 14 where HTTPHeaders.equalFold(field.name, "Content-Length"): fields.addContentLength(field.value)
            case 17 where HTTPHeaders.equalFold(field.name, "Transfer-Encoding"):
                fields.addTransferEncoding(field.value)
            default: break
            }
        }
        // RFC 9112 §3.2 / RFC 9110 §7.2: HTTP/1.1 needs exactly one valid Host; no version may send two.
        if modern && fields.hostCount == 0 {
            return .failure(.badRequest("An HTTP/1.1 request must carry a Host header field."))
        }
        if fields.hostCount > 1 { return .failure(.badRequest("The request carries more than one Host header field.")) }
        if fields.hostInvalid { return .failure(.badRequest("The Host header field value is not a valid host.")) }

        let framing: BodyFraming
        switch fields.framing(modern: modern, limits: limits) {
        case .success(let found): framing = found
        case .failure(let error): return .failure(error)
        }

        // RFC 9110 §10.1.1: 100-continue is the only expectation defined; others may be refused
        // with 417, and a 100-continue from an HTTP/1.0 client must be ignored.
        if fields.unknownExpectation { return .failure(.expectationFailed) }
        let hasBody: Bool
        switch framing {
        case .none: hasBody = false
        case .contentLength(let length): hasBody = length > 0
        case .chunked: hasBody = true
        }
        let expectsContinue = modern && fields.expectsContinue && hasBody

        // RFC 9112 §9.3: "close" always ends the connection; HTTP/1.0 persists only on request.
        let keepAlive = !fields.connectionClose && (modern || fields.connectionKeepAlive)
        return .success(MessageInfo(framing: framing, expectsContinue: expectsContinue, keepAlive: keepAlive))
    }

    /// Calls `body` with each element of a comma-separated list (RFC 9110 §5.6.1), without the
    /// OWS around it. Empty elements are passed too; each caller decides what they mean.
    static func forEachListElement(_ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            while true {
                var end = start
                while end < utf8.count, utf8[end] != comma { end += 1 }
                var low = start
                var high = end
                while low < high, isWhitespace(utf8[low]) { low += 1 }
                while high > low, isWhitespace(utf8[high - 1]) { high -= 1 }
                body(UnsafeBufferPointer(rebasing: utf8[low..<high]))
                guard end < utf8.count else { return }
                start = end + 1
            }
        }
    }

    /// Whether the bytes equal the lowercase ASCII literal, ignoring the case of letters.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for offset in 0..<bytes.count {
            let byte = bytes[offset]
            let wanted = expected[offset]
            guard byte == wanted || (byte | 0x20 == wanted && wanted &- 0x61 < 26) else { return false }
        }
        return true
    }
}
