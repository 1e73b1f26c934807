import Testing

@testable import HTTP

@Suite("Message framing, Host, Expect and persistence (RFC 9110, RFC 9112 §6, §9)")
struct FramingTests {
    enum Expected: Sendable, Equatable {
        case info(BodyFraming, expectsContinue: Bool = false, keepAlive: Bool = true)
        case status(Int)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let version: HTTPVersion
        let fields: [Pair]
        let expected: Expected
        var testDescription: String { name }

        init(_ name: String, _ version: HTTPVersion, _ fields: [Pair], _ expected: Expected) {
            self.name = name
            self.version = version
            self.fields = fields
            self.expected = expected
        }

        /// An HTTP/1.1 row.
        init(_ name: String, _ fields: [Pair], _ expected: Expected) {
            self.init(name, .http1_1, fields, expected)
        }
    }

    struct Pair: Sendable {
        let name: String
        let value: String
    }

    static func host(_ more: (String, String)...) -> [Pair] {
        [Pair(name: "Host", value: "api.test")] + more.map { Pair(name: $0.0, value: $0.1) }
    }

    static func pairs(_ list: (String, String)...) -> [Pair] { list.map { Pair(name: $0.0, value: $0.1) } }

    /// maxBodyBytes of 1000 keeps the 413 boundary readable.
    static let limits = ParserLimits(maxBodyBytes: 1000)

    static func info(for row: Row) -> Expected {
        let head = RequestHead(
            method: "POST", target: "/", path: "/", query: nil, version: row.version,
            headers: HTTPHeaders(row.fields.map { (name: $0.name, value: $0.value) }))
        switch RequestParser.messageInfo(for: head, limits: limits) {
        case .success(let info):
            return .info(info.framing, expectsContinue: info.expectsContinue, keepAlive: info.keepAlive)
        case .failure(let error):
            return .status(error.status)
        }
    }

    static let hostRows: [Row] = [
        Row("RFC 9112 §3.2 HTTP/1.1 without Host is 400", pairs(), .status(400)),
        Row("RFC 9112 §3.2 HTTP/1.1 with Host is accepted", host(), .info(.none)),
        Row("RFC 9112 §3.2 Host name matched case-insensitively", pairs(("hOST", "a")), .info(.none)),
        Row("RFC 9112 §3.2 HTTP/1.1 with two Host fields is 400", host(("Host", "other")), .status(400)),
        Row("RFC 9112 §3.2 HTTP/1.0 without Host is accepted", .http1_0, pairs(), .info(.none, keepAlive: false)),
        Row(
            "RFC 9112 §3.2 HTTP/1.0 with two Host fields is 400", .http1_0, pairs(("Host", "a"), ("host", "b")),
            .status(400)),
        Row("RFC 9112 §3.2 empty Host is allowed", pairs(("Host", "")), .info(.none)),
        Row("RFC 9110 §7.2 Host with port and IPv6 literal", pairs(("Host", "[::1]:8080")), .info(.none)),
        Row("RFC 9110 §7.2 Host with a space is 400", pairs(("Host", "a b")), .status(400)),
        Row("RFC 9110 §7.2 Host with a path is 400", pairs(("Host", "a/b")), .status(400)),
        Row("RFC 9110 §7.2 Host with userinfo is 400", pairs(("Host", "user@a")), .status(400)),
    ]

    static let contentLengthRows: [Row] = [
        Row("RFC 9112 §6.3 neither header: no body", host(), .info(.none)),
        Row("RFC 9110 §8.6 Content-Length: 42", host(("Content-Length", "42")), .info(.contentLength(42))),
        Row("RFC 9110 §8.6 Content-Length: 0", host(("Content-Length", "0")), .info(.contentLength(0))),
        Row("RFC 9110 §8.6 leading zeros are digits", host(("Content-Length", "007")), .info(.contentLength(7))),
        Row("RFC 9110 §8.6 identical list 42, 42", host(("Content-Length", "42, 42")), .info(.contentLength(42))),
        Row(
            "RFC 9110 §8.6 identical repeated fields", host(("Content-Length", "42"), ("content-length", "42")),
            .info(.contentLength(42))),
        Row("RFC 9110 §8.6 differing list is 400", host(("Content-Length", "42, 43")), .status(400)),
        Row(
            "RFC 9110 §8.6 differing repeated fields is 400", host(("Content-Length", "42"), ("Content-Length", "4")),
            .status(400)),
        Row("RFC 9110 §8.6 negative is 400", host(("Content-Length", "-1")), .status(400)),
        Row("RFC 9110 §8.6 plus sign is 400", host(("Content-Length", "+5")), .status(400)),
        Row("RFC 9110 §8.6 space inside is 400", host(("Content-Length", "4 2")), .status(400)),
        Row("RFC 9110 §8.6 non-numeric is 400", host(("Content-Length", "abc")), .status(400)),
        Row("RFC 9110 §8.6 hexadecimal is 400", host(("Content-Length", "0x10")), .status(400)),
        Row("RFC 9110 §8.6 empty is 400", host(("Content-Length", "")), .status(400)),
        Row("RFC 9110 §8.6 empty list element is 400", host(("Content-Length", "42,")), .status(400)),
        Row("RFC 9110 §8.6 overflowing Int is 400", host(("Content-Length", "99999999999999999999")), .status(400)),
        Row(
            "RFC 9110 §15.5.14 exactly maxBodyBytes is accepted", host(("Content-Length", "1000")),
            .info(.contentLength(1000))),
        Row("RFC 9110 §15.5.14 over maxBodyBytes is 413", host(("Content-Length", "1001")), .status(413)),
    ]

    static let transferEncodingRows: [Row] = [
        Row("RFC 9112 §7 chunked", host(("Transfer-Encoding", "chunked")), .info(.chunked)),
        Row("RFC 9112 §7 coding names are case-insensitive", host(("transfer-encoding", "Chunked")), .info(.chunked)),
        Row("RFC 9112 §7 OWS around the coding", host(("Transfer-Encoding", " chunked\t")), .info(.chunked)),
        Row(
            "RFC 9112 §6.1 TE with Content-Length is 400",
            host(("Transfer-Encoding", "chunked"), ("Content-Length", "5")), .status(400)),
        Row("RFC 9112 §6.1 TE on HTTP/1.0 is 400", .http1_0, pairs(("Transfer-Encoding", "chunked")), .status(400)),
        Row(
            "RFC 9112 §7.1 chunked twice in one field is 400", host(("Transfer-Encoding", "chunked, chunked")),
            .status(400)),
        Row(
            "RFC 9112 §7.1 chunked twice across fields is 400",
            host(("Transfer-Encoding", "chunked"), ("Transfer-Encoding", "chunked")), .status(400)),
        Row("RFC 9112 §7.1 chunked takes no parameters", host(("Transfer-Encoding", "chunked;x=1")), .status(400)),
        Row("RFC 9112 §6.1 gzip is not implemented (501)", host(("Transfer-Encoding", "gzip")), .status(501)),
        Row(
            "RFC 9112 §6.1 gzip, chunked is not implemented (501)", host(("Transfer-Encoding", "gzip, chunked")),
            .status(501)),
        Row(
            "RFC 9112 §6.1 chunked, gzip is not implemented (501)", host(("Transfer-Encoding", "chunked, gzip")),
            .status(501)),
        Row("RFC 9112 §6.1 identity is not implemented (501)", host(("Transfer-Encoding", "identity")), .status(501)),
        Row(
            "RFC 9112 §6.1 codings combined across fields (501)",
            host(("Transfer-Encoding", "gzip"), ("Transfer-Encoding", "chunked")), .status(501)),
        Row("RFC 9112 §6.1 empty TE is 400", host(("Transfer-Encoding", "")), .status(400)),
        Row("RFC 9112 §6.1 empty list element in TE is 400", host(("Transfer-Encoding", ", chunked")), .status(400)),
        Row("RFC 9112 §6.1 garbage coding is 400", host(("Transfer-Encoding", "chun ked")), .status(400)),
        Row("RFC 9112 §6.1 non-token coding is 400", host(("Transfer-Encoding", "\"chunked\"")), .status(400)),
    ]

    static let expectRows: [Row] = [
        Row(
            "RFC 9110 §10.1.1 100-continue with a body", host(("Expect", "100-continue"), ("Content-Length", "5")),
            .info(.contentLength(5), expectsContinue: true)),
        Row(
            "RFC 9110 §10.1.1 100-continue is case-insensitive",
            host(("Expect", "100-Continue"), ("Transfer-Encoding", "chunked")), .info(.chunked, expectsContinue: true)),
        Row(
            "RFC 9110 §10.1.1 100-continue without a body has nothing to wait for",
            host(("Expect", "100-continue")), .info(.none)),
        Row(
            "RFC 9110 §10.1.1 100-continue with Content-Length: 0 has nothing to wait for",
            host(("Expect", "100-continue"), ("Content-Length", "0")), .info(.contentLength(0))),
        Row(
            "RFC 9110 §10.1.1 100-continue on HTTP/1.0 is ignored", .http1_0,
            pairs(("Expect", "100-continue"), ("Content-Length", "5")), .info(.contentLength(5), keepAlive: false)),
        Row("RFC 9110 §10.1.1 an unknown expectation is 417", host(("Expect", "200-ok")), .status(417)),
        Row(
            "RFC 9110 §10.1.1 100-continue with parameters is 417", host(("Expect", "100-continue; x=1")),
            .status(417)),
        Row(
            "RFC 9110 §10.1.1 a list with an unknown member is 417", host(("Expect", "100-continue, foo")),
            .status(417)),
        Row(
            "RFC 9110 §10.1.1 an unknown expectation on HTTP/1.0 is 417", .http1_0, pairs(("Expect", "foo")),
            .status(417)),
        Row("RFC 9110 §5.6.1 an empty Expect list expects nothing", host(("Expect", "")), .info(.none)),
    ]

    @Test("RFC 9112 §3.2 Host rules", arguments: hostRows)
    func hostRules(_ row: Row) { #expect(Self.info(for: row) == row.expected) }

    @Test("RFC 9110 §8.6 Content-Length rules", arguments: contentLengthRows)
    func contentLengthRules(_ row: Row) { #expect(Self.info(for: row) == row.expected) }

    @Test("RFC 9112 §6.1 Transfer-Encoding rules", arguments: transferEncodingRows)
    func transferEncodingRules(_ row: Row) { #expect(Self.info(for: row) == row.expected) }

    @Test("RFC 9110 §10.1.1 Expect rules", arguments: expectRows)
    func expectRules(_ row: Row) { #expect(Self.info(for: row) == row.expected) }

    /// RFC 9112 §9.3: the persistence matrix, version × Connection value → keep-alive.
    static let connectionMatrix: [(value: String?, http10: Bool, http11: Bool)] = [
        (nil, false, true),
        ("close", false, false),
        ("CLOSE", false, false),
        ("keep-alive", true, true),
        ("Keep-Alive, Upgrade", true, true),
        ("upgrade, close", false, false),
        ("keep-alive, close", false, false),
        ("Upgrade", false, true),
        (" , keep-alive ,", true, true),
        ("keep-alive-ish", false, true),
    ]

    @Test(
        "RFC 9112 §9.3 keep-alive by version and Connection",
        arguments: [HTTPVersion.http1_0, .http1_1], connectionMatrix.indices)
    func keepAlive(version: HTTPVersion, index: Int) {
        let row = Self.connectionMatrix[index]
        var fields = Self.host()
        if let value = row.value { fields.append(Pair(name: "Connection", value: value)) }
        let expected = version == .http1_0 ? row.http10 : row.http11
        let got = Self.info(for: Row("Connection: \(row.value ?? "absent")", version, fields, .status(0)))
        #expect(got == .info(.none, keepAlive: expected), "Connection: \(row.value ?? "absent") on \(version)")
    }

    @Test("RFC 9112 §9.3 Connection tokens are gathered across several fields")
    func connectionAcrossFields() {
        let fields = Self.host(("Connection", "Upgrade"), ("connection", "close"))
        #expect(Self.info(for: Row("two Connection fields", fields, .status(0))) == .info(.none, keepAlive: false))
    }
}
