/// The request line: `method SP request-target SP HTTP-version` (RFC 9112 §3).
extension RequestParser {
    /// What a whole request line, or the part of one received so far, amounts to.
    enum RequestLineScan {
        /// A valid prefix of a request line; more bytes are needed.
        case needMore
        case line(RequestLine)
        case failure(HTTPParseError)
    }

    /// The parts of a valid request line, as byte ranges into the buffer.
    struct RequestLine {
        var method: Range<Int>
        var target: Range<Int>
        var version: HTTPVersion
        /// The path inside the target; nil when an absolute-form target has an empty path, which means `/`.
        var path: Range<Int>?
        var query: Range<Int>?

        /// Builds the head; the only place request-line strings are made.
        func makeHead(_ bytes: UnsafeRawBufferPointer, headers: HTTPHeaders) -> RequestHead {
            let targetString = RequestParser.string(bytes, target)
            let pathString: String
            if let path {
                pathString = path == target ? targetString : RequestParser.string(bytes, path)
            } else {
                pathString = "/"
            }
            return RequestHead(
                method: RequestParser.methodString(bytes, method), target: targetString, path: pathString,
                query: query.map { RequestParser.string(bytes, $0) }, version: version, headers: headers)
        }
    }

    /// Scans `bytes[start..<end]`. With `complete` false the line's end has not arrived yet, and
    /// running out of bytes is `.needMore` rather than an error, so each failure is reported as
    /// soon as the offending byte is seen; the target's length is checked the same way (414
    /// without waiting for the line to end).
    static func scanRequestLine(
        _ bytes: UnsafeRawBufferPointer, start: Int, end: Int, complete: Bool, limits: ParserLimits
    ) -> RequestLineScan {
        guard start >= 0, start <= end, end <= bytes.count else {
            return .failure(.badRequest("The request line is malformed."))
        }
        // RFC 9110 §9.1 / §5.6.2: the method is a token, followed by exactly one SP (RFC 9112 §3).
        var index = start
        while index < end, isTchar(bytes[index]) { index += 1 }
        if index == end {
            return complete ? .failure(.badRequest("The request line has no request-target.")) : .needMore
        }
        guard bytes[index] == space else {
            return .failure(unexpected(bytes[index], "The method contains a character that is not a token character."))
        }
        guard index > start else { return .failure(.badRequest("The request line starts with a space.")) }
        let method = start..<index

        // RFC 9112 §3.2: the target holds no whitespace, controls or raw non-ASCII bytes.
        let targetStart = index + 1
        index = firstNonVisible(bytes, from: targetStart, to: end)
        // Checked before what stopped the scan, so an overlong target is a 414 however it ends.
        if index - targetStart > limits.maxTargetBytes { return .failure(.uriTooLong) }
        if index == end {
            return complete ? .failure(.badRequest("The request line has no HTTP version.")) : .needMore
        }
        guard bytes[index] == space else {
            return .failure(unexpected(bytes[index], "The request-target contains a byte that is not visible ASCII."))
        }
        guard index > targetStart else {
            return .failure(.badRequest("The request line has an empty request-target or a doubled space."))
        }
        let target = targetStart..<index

        // RFC 9112 §2.3: HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive, and the line ends there.
        let versionStart = index + 1
        let available = end - versionStart
        // Fast path: the whole version read as one word and compared with the two served ones.
        if complete, available == 8, let base = bytes.baseAddress {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: versionStart, as: UInt64.self))
            if word == http11Word || word == http10Word {
                let version = word == http11Word ? HTTPVersion.http1_1 : HTTPVersion.http1_0
                return classifyTarget(bytes, method: method, target: target, version: version)
            }
        }
        let pattern: StaticString = "HTTP/0.0"
        let notAVersion = "The HTTP version is not of the form HTTP/DIGIT.DIGIT."
        for offset in 0..<min(available, 8) {
            let byte = bytes[versionStart + offset]
            let matches = offset == 5 || offset == 7 ? isDigit(byte) : byte == pattern.utf8Start[offset]
            guard matches else { return .failure(unexpected(byte, notAVersion)) }
        }
        guard available <= 8 else { return .failure(unexpected(bytes[versionStart + 8], notAVersion)) }
        guard complete else { return .needMore }
        guard available == 8 else { return .failure(.badRequest(notAVersion)) }
        let major = Int(bytes[versionStart + 5] &- 0x30)
        let minor = Int(bytes[versionStart + 7] &- 0x30)
        // RFC 9110 §15.6.6: a major version (or 1.x minor) the server does not speak is a 505.
        guard major == 1, minor <= 1 else { return .failure(.versionNotSupported) }
        return classifyTarget(bytes, method: method, target: target, version: HTTPVersion(major: major, minor: minor))
    }

    /// Sorts the target into its form (RFC 9112 §3.2) and finds its path and query.
    static func classifyTarget(
        _ bytes: UnsafeRawBufferPointer, method: Range<Int>, target: Range<Int>, version: HTTPVersion
    ) -> RequestLineScan {
        // Tunnels are out of scope; RFC 9110 §15.6.2 makes 501 the answer to a method not supported.
        if Self.bytes(bytes, method, equal: "CONNECT") {
            return .failure(.notImplemented("The CONNECT method is not supported."))
        }
        let first = bytes[target.lowerBound]
        if first == slash {
            // origin-form = absolute-path [ "?" query ] (RFC 9112 §3.2.1).
            let queryMark = firstQuestionMark(bytes, in: target)
            return .line(
                RequestLine(
                    method: method, target: target, version: version,
                    path: target.lowerBound..<(queryMark ?? target.upperBound),
                    query: queryMark.map { ($0 + 1)..<target.upperBound }))
        }
        if first == asterisk {
            // asterisk-form is "*" alone, and only OPTIONS may use it (RFC 9112 §3.2.4).
            guard target.count == 1 else {
                return .failure(.badRequest("The request-target is not in origin, absolute or asterisk form."))
            }
            guard Self.bytes(bytes, method, equal: "OPTIONS") else {
                return .failure(.badRequest("The asterisk-form target is only allowed with OPTIONS."))
            }
            return .line(RequestLine(method: method, target: target, version: version, path: target, query: nil))
        }
        // absolute-form (RFC 9112 §3.2.2): an http(s) URI; the server takes the path and query from it.
        let authorityStart: Int
        if Self.bytes(bytes, at: target.lowerBound, end: target.upperBound, startWithLowercase: "http://") {
            authorityStart = target.lowerBound + 7
        } else if Self.bytes(bytes, at: target.lowerBound, end: target.upperBound, startWithLowercase: "https://") {
            authorityStart = target.lowerBound + 8
        } else {
            return .failure(.badRequest("The request-target is not in origin, absolute or asterisk form."))
        }
        var index = authorityStart
        while index < target.upperBound, bytes[index] != slash, bytes[index] != question { index += 1 }
        // RFC 9110 §4.2.1: an http URI with an empty host is invalid.
        guard index > authorityStart else {
            return .failure(.badRequest("The absolute-form request-target has an empty authority."))
        }
        let rest = index..<target.upperBound
        let queryMark = firstQuestionMark(bytes, in: rest)
        let pathEnd = queryMark ?? target.upperBound
        return .line(
            RequestLine(
                method: method, target: target, version: version,
                path: index < pathEnd ? index..<pathEnd : nil,
                query: queryMark.map { ($0 + 1)..<target.upperBound }))
    }

    /// "HTTP/1.1" and "HTTP/1.0" as little-endian words.
    static let http11Word: UInt64 = 0x312E_312F_5054_5448
    static let http10Word: UInt64 = 0x302E_312F_5054_5448

    /// The method as a String; the common ones come from literals, with no decoding.
    static func methodString(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        switch range.count {
        case 3:
            if Self.bytes(bytes, range, equal: "GET") { return "GET" }
            if Self.bytes(bytes, range, equal: "PUT") { return "PUT" }
        case 4:
            if Self.bytes(bytes, range, equal: "POST") { return "POST" }
            if Self.bytes(bytes, range, equal: "HEAD") { return "HEAD" }
        case 5:
            if Self.bytes(bytes, range, equal: "PATCH") { return "PATCH" }
        case 6:
            if Self.bytes(bytes, range, equal: "DELETE") { return "DELETE" }
        case 7:
            if Self.bytes(bytes, range, equal: "OPTIONS") { return "OPTIONS" }
        default:
            break
        }
        return string(bytes, range)
    }

    /// A stray CR inside a line is reported as what it is, whatever else was expected there.
    static func unexpected(_ byte: UInt8, _ reason: String) -> HTTPParseError {
        .badRequest(byte == cr ? "A bare CR appeared; lines end in CRLF." : reason)
    }

    static func firstQuestionMark(_ bytes: UnsafeRawBufferPointer, in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if bytes[index] == question { return index }
            index += 1
        }
        return nil
    }
}
