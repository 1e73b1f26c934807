import Testing

@testable import HTTP

@Suite("Request head parser (RFC 9112 §2–§5)")
struct RequestParserTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        let name: String
        /// The head, then whatever follows it (a body or the next request), which is not consumed.
        let raw: [UInt8]
        let consumed: Int
        let method: String
        let target: String
        let path: String
        let query: String?
        let version: HTTPVersion
        let headers: [Field]
        var testDescription: String { name }

        init(
            name: String, head: [UInt8], after: [UInt8] = [], method: String, target: String, path: String,
            query: String?, version: HTTPVersion, headers: [Field]
        ) {
            self.name = name
            self.raw = head + after
            self.consumed = head.count
            self.method = method
            self.target = target
            self.path = path
            self.query = query
            self.version = version
            self.headers = headers
        }
    }

    typealias Field = ParserTestRows.Field
    typealias Malformed = ParserTestRows.Malformed

    static func bytes(_ text: String) -> [UInt8] { ParserTestRows.bytes(text) }

    static func parse(_ raw: [UInt8], _ limits: ParserLimits = ParserLimits()) -> HeadParseResult {
        RequestParser.parseHead(raw, limits: limits)
    }

    static func status(_ result: HeadParseResult) -> Int? {
        if case .failure(let error) = result { return error.status }
        return nil
    }

    static let health = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"
    static let pipelinedNext = "GET /next HTTP/1.1\r\nHost: a\r\n\r\n"

    static let valid: [Valid] = [
        Valid(
            name: "§3.2.1 origin-form without query", head: bytes(health), method: "GET", target: "/healthz",
            path: "/healthz", query: nil, version: .http1_1, headers: [Field("Host", "127.0.0.1:8080")]),
        Valid(
            name: "§3.2.1 origin-form with query",
            head: bytes("GET /v1/applications?status=open&limit=10 HTTP/1.1\r\nHost: a\r\n\r\n"), method: "GET",
            target: "/v1/applications?status=open&limit=10", path: "/v1/applications",
            query: "status=open&limit=10", version: .http1_1, headers: [Field("Host", "a")]),
        Valid(
            name: "§3.2.1 origin-form with an empty query", head: bytes("GET /a? HTTP/1.1\r\nHost: a\r\n\r\n"),
            method: "GET", target: "/a?", path: "/a", query: "", version: .http1_1,
            headers: [Field("Host", "a")]),
        Valid(
            name: "§3.2.1 origin-form keeps visible punctuation and percent-escapes",
            head: bytes("DELETE /a/b%20c;p=1?x=[1]&y=| HTTP/1.1\r\nHost: a\r\n\r\n"), method: "DELETE",
            target: "/a/b%20c;p=1?x=[1]&y=|", path: "/a/b%20c;p=1", query: "x=[1]&y=|", version: .http1_1,
            headers: [Field("Host", "a")]),
        Valid(
            name: "§3.2.2 absolute-form with port, path and query",
            head: bytes("GET http://example.com:8080/v1/x?y=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n"),
            method: "GET", target: "http://example.com:8080/v1/x?y=1", path: "/v1/x", query: "y=1",
            version: .http1_1, headers: [Field("Host", "example.com:8080")]),
        Valid(
            name: "§3.2.2 absolute-form with an empty path means /",
            head: bytes("GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n"), method: "GET",
            target: "http://example.com", path: "/", query: nil, version: .http1_1,
            headers: [Field("Host", "example.com")]),
        Valid(
            name: "§3.2.2 absolute-form, scheme case-insensitive, query without path",
            head: bytes("HEAD HTTPS://example.com?q HTTP/1.1\r\nHost: example.com\r\n\r\n"), method: "HEAD",
            target: "HTTPS://example.com?q", path: "/", query: "q", version: .http1_1,
            headers: [Field("Host", "example.com")]),
        Valid(
            name: "§3.2.4 asterisk-form with OPTIONS", head: bytes("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"),
            method: "OPTIONS", target: "*", path: "*", query: nil, version: .http1_1,
            headers: [Field("Host", "a")]),
        Valid(
            name: "§2.3 HTTP/1.0 with no header fields", head: bytes("GET / HTTP/1.0\r\n\r\n"), method: "GET",
            target: "/", path: "/", query: nil, version: .http1_0, headers: []),
        Valid(
            name: "§5 several fields, duplicates kept in order",
            head: bytes("POST /v1/contacts HTTP/1.1\r\nHost: a\r\nX-Tag: one\r\nAccept: */*\r\nX-Tag: two\r\n\r\n"),
            method: "POST", target: "/v1/contacts", path: "/v1/contacts", query: nil, version: .http1_1,
            headers: [Field("Host", "a"), Field("X-Tag", "one"), Field("Accept", "*/*"), Field("X-Tag", "two")]),
        Valid(
            name: "§5.1 field names keep the case they were sent in",
            head: bytes("GET / HTTP/1.1\r\nhOsT: a\r\nCONTENT-TYPE: application/json\r\n\r\n"), method: "GET",
            target: "/", path: "/", query: nil, version: .http1_1,
            headers: [Field("hOsT", "a"), Field("CONTENT-TYPE", "application/json")]),
        Valid(
            name: "§5 OWS around the value is trimmed, inner whitespace kept",
            head: bytes("GET / HTTP/1.1\r\nHost:a\r\nX-A: \t padded \t \r\nX-B:inner  space\tkept\r\n\r\n"),
            method: "GET", target: "/", path: "/", query: nil, version: .http1_1,
            headers: [Field("Host", "a"), Field("X-A", "padded"), Field("X-B", "inner  space\tkept")]),
        Valid(
            name: "§5 empty and all-whitespace values are empty strings",
            head: bytes("GET / HTTP/1.1\r\nHost: a\r\nX-Empty:\r\nX-Blank:  \t \r\n\r\n"), method: "GET",
            target: "/", path: "/", query: nil, version: .http1_1,
            headers: [Field("Host", "a"), Field("X-Empty", ""), Field("X-Blank", "")]),
        Valid(
            name: "RFC 9110 §5.5 obs-text: UTF-8 decoded, ill-formed bytes repaired",
            head: bytes("GET / HTTP/1.1\r\nHost: a\r\nX-Name: caf\u{E9}\r\nX-Raw: a") + [0xFF] + bytes("b\r\n\r\n"),
            method: "GET", target: "/", path: "/", query: nil, version: .http1_1,
            headers: [Field("Host", "a"), Field("X-Name", "caf\u{E9}"), Field("X-Raw", "a\u{FFFD}b")]),
        Valid(
            name: "§2.2 leading empty lines are skipped and counted in consumed",
            head: bytes("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"), method: "GET", target: "/", path: "/",
            query: nil, version: .http1_1, headers: [Field("Host", "a")]),
        Valid(
            name: "§2.1 a pipelined request after the head is not consumed",
            head: bytes(health), after: bytes(pipelinedNext), method: "GET", target: "/healthz", path: "/healthz",
            query: nil,
            version: .http1_1, headers: [Field("Host", "127.0.0.1:8080")]),
        Valid(
            name: "§6 body bytes after the head are not consumed",
            head: bytes("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n"), after: bytes("hello"),
            method: "POST",
            target: "/x", path: "/x", query: nil, version: .http1_1,
            headers: [Field("Host", "a"), Field("Content-Length", "5")]),
        Valid(
            name: "RFC 9110 §9.1 any token is a method, case kept",
            head: bytes("m-Search.~! /x HTTP/1.1\r\nHost: a\r\n\r\n"), method: "m-Search.~!", target: "/x",
            path: "/x", query: nil, version: .http1_1, headers: [Field("Host", "a")]),
    ]

    @Test("valid heads parse into every field", arguments: valid)
    func parsesValidHead(_ row: Valid) {
        guard case .complete(let head, let consumed) = Self.parse(row.raw) else {
            Issue.record("expected a complete head, got \(Self.parse(row.raw))")
            return
        }
        #expect(head.method == row.method)
        #expect(head.target == row.target)
        #expect(head.path == row.path)
        #expect(head.query == row.query)
        #expect(head.version == row.version)
        #expect(head.headers.fields.map { Field($0.name, $0.value) } == row.headers)
        #expect(consumed == row.consumed)
    }

    @Test("§2.2 every strict prefix of a valid head is incomplete", arguments: valid)
    func everyPrefixIsIncomplete(_ row: Valid) {
        for length in 0..<row.consumed {
            let result = Self.parse(Array(row.raw[0..<length]))
            #expect(result == .incomplete, "prefix of \(length) bytes gave \(result)")
        }
    }

    @Test("incremental parsing: any split gives the same head as one call", arguments: valid)
    func everySplitPointGivesTheSameHead(_ row: Valid) {
        let whole = Self.parse(row.raw)
        for split in 0...row.raw.count {
            let first = Self.parse(Array(row.raw[0..<split]))
            if split < row.consumed {
                #expect(first == .incomplete, "split at \(split)")
            } else {
                #expect(first == whole, "split at \(split)")
            }
            #expect(Self.parse(row.raw) == whole)
        }
    }

    @Test("incremental parsing: byte by byte completes exactly at the head's end", arguments: valid)
    func byteByByte(_ row: Valid) {
        var buffer: [UInt8] = []
        var result = HeadParseResult.incomplete
        for byte in row.raw {
            buffer.append(byte)
            result = Self.parse(buffer)
            if result != .incomplete { break }
        }
        #expect(buffer.count == row.consumed)
        #expect(result == Self.parse(row.raw))
    }

    static func head(_ requestLine: String, _ fields: String = "Host: a\r\n") -> [UInt8] {
        bytes(requestLine + "\r\n" + fields + "\r\n")
    }

    static let malformed: [Malformed] = [
        Malformed(
            name: "RFC 9110 §5.6.2 method with a non-token byte", raw: head("GE(T / HTTP/1.1"), status: 400,
            because: "token character"),
        Malformed(
            name: "RFC 9110 §5.6.2 method with a non-ASCII byte", raw: bytes("G") + [0xC3] + head(" / HTTP/1.1"),
            status: 400, because: "token character"),
        Malformed(
            name: "§3 line starts with SP (empty method)", raw: head(" / HTTP/1.1"), status: 400,
            because: "starts with a space"),
        Malformed(
            name: "§3 two SPs after the method", raw: head("GET  / HTTP/1.1"), status: 400, because: "doubled space"),
        Malformed(
            name: "§3 two SPs before the version", raw: head("GET /  HTTP/1.1"), status: 400,
            because: "HTTP/DIGIT.DIGIT"),
        Malformed(
            name: "§3 SP after the version", raw: head("GET / HTTP/1.1 "), status: 400, because: "HTTP/DIGIT.DIGIT"),
        Malformed(name: "§3 HTAB as separator", raw: head("GET\t/ HTTP/1.1"), status: 400, because: "token character"),
        Malformed(name: "§3 no version", raw: head("GET /"), status: 400, because: "no HTTP version"),
        Malformed(name: "§3 no target and no version", raw: head("GET"), status: 400, because: "no request-target"),
        Malformed(
            name: "§3.2 target with a control byte", raw: head("GET /a\u{1}b HTTP/1.1"), status: 400,
            because: "visible ASCII"),
        Malformed(
            name: "§3.2 target with DEL", raw: head("GET /a\u{7F} HTTP/1.1"), status: 400, because: "visible ASCII"),
        Malformed(
            name: "§3.2 target with a byte >= 0x80", raw: head("GET /caf\u{E9} HTTP/1.1"), status: 400,
            because: "visible ASCII"),
        Malformed(
            name: "§3.2 target in no known form", raw: head("GET a/b HTTP/1.1"), status: 400, because: "asterisk form"),
        Malformed(
            name: "§3.2.2 absolute-form with a scheme other than http(s)", raw: head("GET ftp://x/ HTTP/1.1"),
            status: 400, because: "asterisk form"),
        Malformed(
            name: "§3.2.2 absolute-form with an empty authority", raw: head("GET http:///x HTTP/1.1"),
            status: 400, because: "empty authority"),
        Malformed(
            name: "§3.2.3 CONNECT (authority-form) is not implemented",
            raw: head("CONNECT example.com:443 HTTP/1.1"), status: 501, because: "CONNECT"),
        Malformed(name: "§3.2.4 asterisk-form with GET", raw: head("GET * HTTP/1.1"), status: 400, because: "OPTIONS"),
        Malformed(
            name: "§3.2.4 asterisk followed by more", raw: head("OPTIONS *x HTTP/1.1"), status: 400,
            because: "asterisk form"),
        Malformed(
            name: "§2.3 HTTP/2.0 is not supported", raw: head("GET / HTTP/2.0"), status: 505,
            because: "HTTP/1.0 and HTTP/1.1"),
        Malformed(
            name: "§2.3 HTTP/1.2 is not supported", raw: head("GET / HTTP/1.2"), status: 505,
            because: "HTTP/1.0 and HTTP/1.1"),
        Malformed(
            name: "§2.3 HTTP/3.0 is not supported", raw: head("GET / HTTP/3.0"), status: 505,
            because: "HTTP/1.0 and HTTP/1.1"),
        Malformed(
            name: "§2.3 HTTP/0.9 is not supported", raw: head("GET / HTTP/0.9"), status: 505,
            because: "HTTP/1.0 and HTTP/1.1"),
        Malformed(
            name: "§2.3 HTTP-name is case-sensitive", raw: head("GET / http/1.1"), status: 400,
            because: "HTTP/DIGIT.DIGIT"),
        Malformed(
            name: "§2.3 two-digit minor version", raw: head("GET / HTTP/1.10"), status: 400, because: "HTTP/DIGIT.DIGIT"
        ),
        Malformed(
            name: "§2.3 version without minor", raw: head("GET / HTTP/1"), status: 400, because: "HTTP/DIGIT.DIGIT"),
        Malformed(
            name: "§2.3 version with letters", raw: head("GET / HTTP/a.b"), status: 400, because: "HTTP/DIGIT.DIGIT"),
        Malformed(
            name: "§2.3 HTTPS is no HTTP-name", raw: head("GET / HTTPS/1.1"), status: 400, because: "HTTP/DIGIT.DIGIT"),
        Malformed(
            name: "§2.2 bare LF ends the request line", raw: bytes("GET / HTTP/1.1\nHost: a\r\n\r\n"),
            status: 400, because: "bare LF"),
        Malformed(
            name: "§2.2 bare LF ends a field line", raw: bytes("GET / HTTP/1.1\r\nHost: a\n\r\n"), status: 400,
            because: "bare LF"),
        Malformed(
            name: "§2.2 bare LF ends the head", raw: bytes("GET / HTTP/1.1\r\nHost: a\r\n\n"), status: 400,
            because: "bare LF"),
        Malformed(
            name: "§2.2 bare LF as a leading empty line", raw: bytes("\n") + head("GET / HTTP/1.1"),
            status: 400, because: "bare LF"),
        Malformed(
            name: "§2.2 bare CR as a leading empty line", raw: bytes("\r") + head("GET / HTTP/1.1"),
            status: 400, because: "bare CR"),
        Malformed(
            name: "§2.2 bare CR ends the request line", raw: bytes("GET / HTTP/1.1\rHost: a\r\n\r\n"),
            status: 400, because: "bare CR"),
        Malformed(
            name: "§2.2 bare CR inside a field value", raw: head("GET / HTTP/1.1", "Host: a\rb\r\n"),
            status: 400, because: "bare CR"),
        Malformed(
            name: "§2.2 bare CR starts the final line", raw: bytes("GET / HTTP/1.1\r\nHost: a\r\n\rX\r\n\r\n"),
            status: 400, because: "bare CR"),
        Malformed(
            name: "§5 empty field name", raw: head("GET / HTTP/1.1", ": a\r\n"), status: 400, because: "empty name"),
        Malformed(
            name: "§5 field name with a non-token byte", raw: head("GET / HTTP/1.1", "Ho(st: a\r\n"),
            status: 400, because: "token character"),
        Malformed(
            name: "§5 field line without a colon", raw: head("GET / HTTP/1.1", "Host\r\n"), status: 400,
            because: "token character"),
        Malformed(
            name: "§5.1 SP between field name and colon", raw: head("GET / HTTP/1.1", "Host : a\r\n"),
            status: 400, because: "before the colon"),
        Malformed(
            name: "§5.1 HTAB between field name and colon", raw: head("GET / HTTP/1.1", "Host\t: a\r\n"),
            status: 400, because: "before the colon"),
        Malformed(
            name: "§5.2 obs-fold with SP", raw: head("GET / HTTP/1.1", "Host: a\r\nX: b\r\n c\r\n"),
            status: 400, because: "line folding"),
        Malformed(
            name: "§5.2 obs-fold with HTAB", raw: head("GET / HTTP/1.1", "Host: a\r\nX: b\r\n\tc\r\n"),
            status: 400, because: "line folding"),
        Malformed(
            name: "RFC 9110 §5.5 NUL in a field value", raw: head("GET / HTTP/1.1", "X: a\u{0}b\r\n"),
            status: 400, because: "control character"),
        Malformed(
            name: "RFC 9110 §5.5 control byte 0x1F in a field value",
            raw: head("GET / HTTP/1.1", "X: a\u{1F}\r\n"), status: 400, because: "control character"),
        Malformed(
            name: "RFC 9110 §5.5 DEL in a field value", raw: head("GET / HTTP/1.1", "X: \u{7F}\r\n"),
            status: 400, because: "control character"),
        Malformed(
            name: "§3 target longer than maxTargetBytes is 414",
            raw: head("GET /" + String(repeating: "a", count: 64) + " HTTP/1.1"), status: 414,
            because: "request target",
            limits: ParserLimits(maxTargetBytes: 64)),
        Malformed(
            name: "RFC 6585 §5 head larger than maxHeaderBytes is 431",
            raw: head("GET / HTTP/1.1", "X: " + String(repeating: "v", count: 100) + "\r\n"), status: 431,
            because: "header section",
            limits: ParserLimits(maxHeaderBytes: 100)),
        Malformed(
            name: "RFC 6585 §5 more fields than maxHeaderCount is 431",
            raw: head("GET / HTTP/1.1", "A: 1\r\nB: 2\r\nC: 3\r\n"), status: 431, because: "header section",
            limits: ParserLimits(maxHeaderCount: 2)),
    ]

    @Test("malformed heads fail with the status their rule gives", arguments: malformed)
    func rejectsMalformedHead(_ row: Malformed) {
        let result = Self.parse(row.raw, row.limits)
        #expect(Self.status(result) == row.status, "got \(result)")
        if case .failure(let error) = result { #expect(error.detail.contains(row.because), "detail: \(error.detail)") }
    }

    @Test("early failure on a prefix gives the same status as the whole head", arguments: malformed)
    func malformedFedByteByByte(_ row: Malformed) {
        var buffer: [UInt8] = []
        var result = HeadParseResult.incomplete
        for byte in row.raw {
            buffer.append(byte)
            result = Self.parse(buffer, row.limits)
            if result != .incomplete { break }
        }
        #expect(Self.status(result) == row.status, "got \(result) after \(buffer.count) bytes")
        if case .failure(let error) = result { #expect(error.detail.contains(row.because), "detail: \(error.detail)") }
    }
}
