/// Gathers what the Host, Expect, Connection, Content-Length and Transfer-Encoding fields of a
/// head say, in one pass over the fields, then judges the body framing from it.
extension RequestParser {
    struct FramingFields {
        var hostCount = 0
        var hostInvalid = false
        var expectsContinue = false
        var unknownExpectation = false
        var connectionClose = false
        var connectionKeepAlive = false
        var transferEncodingSeen = false
        var chunkedCount = 0
        var chunkedHasParameters = false
        var codingMalformed = false
        var unknownCoding: String?
        var contentLengthSeen = false
        var contentLengthMalformed = false
        var contentLengthConflict = false
        var contentLength: Int?

        /// Host = uri-host [ ":" port ] (RFC 9110 §7.2); empty is allowed when the target has no authority.
        mutating func addHost(_ value: String) {
            hostCount += 1
            var value = value
            let valid = value.withUTF8 { utf8 in utf8.allSatisfy(RequestParser.isHostByte) }
            if !valid { hostInvalid = true }
        }

        /// Expect = #expectation (RFC 9110 §10.1.1); empty list elements are skipped (§5.6.1.2).
        mutating func addExpect(_ value: String) {
            RequestParser.forEachListElement(value) { element in
                guard !element.isEmpty else { return }
                if RequestParser.equalsIgnoringCase(element, "100-continue") {
                    expectsContinue = true
                } else {
                    unknownExpectation = true
                }
            }
        }

        /// Connection = #connection-option, compared case-insensitively (RFC 9110 §7.6.1).
        mutating func addConnection(_ value: String) {
            RequestParser.forEachListElement(value) { element in
                if RequestParser.equalsIgnoringCase(element, "close") {
                    connectionClose = true
                } else if RequestParser.equalsIgnoringCase(element, "keep-alive") {
                    connectionKeepAlive = true
                }
            }
        }

        /// Transfer-Encoding = #transfer-coding (RFC 9112 §6.1). Unlike other lists, an empty
        /// element is refused: framing is where a lenient reading lets two parsers disagree.
        mutating func addTransferEncoding(_ value: String) {
            transferEncodingSeen = true
            RequestParser.forEachListElement(value) { element in
                var nameEnd = 0
                while nameEnd < element.count, RequestParser.isTchar(element[nameEnd]) { nameEnd += 1 }
                guard nameEnd > 0 else {
                    codingMalformed = true
                    return
                }
                var rest = nameEnd
                while rest < element.count, RequestParser.isWhitespace(element[rest]) { rest += 1 }
                let hasParameters = rest < element.count
                if hasParameters && element[rest] != RequestParser.semicolon {
                    codingMalformed = true
                    return
                }
                let name = UnsafeBufferPointer(rebasing: element[0..<nameEnd])
                if RequestParser.equalsIgnoringCase(name, "chunked") {
                    chunkedCount += 1
                    if hasParameters { chunkedHasParameters = true }
                } else if unknownCoding == nil {
                    unknownCoding = String(decoding: name, as: UTF8.self)
                }
            }
        }

        /// Content-Length = 1*DIGIT (RFC 9110 §8.6); a list, or repeated fields, are accepted
        /// only when every value is the same number.
        mutating func addContentLength(_ value: String) {
            contentLengthSeen = true
            RequestParser.forEachListElement(value) { element in
                guard !element.isEmpty else {
                    contentLengthMalformed = true
                    return
                }
                var length = 0
                for byte in element {
                    guard RequestParser.isDigit(byte) else {
                        contentLengthMalformed = true
                        return
                    }
                    let (shifted, overflowed) = length.multipliedReportingOverflow(by: 10)
                    let (sum, carried) = shifted.addingReportingOverflow(Int(byte &- 0x30))
                    guard !overflowed, !carried else {
                        contentLengthMalformed = true
                        return
                    }
                    length = sum
                }
                if let contentLength {
                    if contentLength != length { contentLengthConflict = true }
                } else {
                    contentLength = length
                }
            }
        }

        /// The body framing the fields describe (RFC 9112 §6.3), or why it cannot be trusted.
        func framing(modern: Bool, limits: ParserLimits) -> Result<BodyFraming, HTTPParseError> {
            if transferEncodingSeen {
                // RFC 9112 §6.1: HTTP/1.0 knows no transfer codings, so its framing would be faulty.
                guard modern else {
                    return .failure(.badRequest("Transfer-Encoding is not allowed in an HTTP/1.0 request."))
                }
                // RFC 9112 §6.1: both at once is the classic request-smuggling shape; refuse it.
                guard !contentLengthSeen else {
                    return .failure(.badRequest("Transfer-Encoding and Content-Length must not both be sent."))
                }
                guard !codingMalformed else {
                    return .failure(.badRequest("The Transfer-Encoding header field is malformed."))
                }
                // RFC 9112 §6.1: a coding the server does not implement is a 501.
                if let unknownCoding {
                    return .failure(.notImplemented("The transfer coding \"\(unknownCoding)\" is not supported."))
                }
                // RFC 9112 §7.1: chunked is applied exactly once; it defines no parameters.
                guard chunkedCount == 1 else {
                    return .failure(.badRequest("The chunked transfer coding is applied more than once."))
                }
                guard !chunkedHasParameters else {
                    return .failure(.badRequest("The chunked transfer coding takes no parameters."))
                }
                return .success(.chunked)
            }
            if contentLengthSeen {
                guard !contentLengthMalformed, let contentLength else {
                    return .failure(.badRequest("The Content-Length value is not a decimal number."))
                }
                guard !contentLengthConflict else {
                    return .failure(.badRequest("The Content-Length values disagree."))
                }
                guard contentLength <= limits.maxBodyBytes else { return .failure(.contentTooLarge) }
                return .success(.contentLength(contentLength))
            }
            return .success(.none)
        }
    }
}
