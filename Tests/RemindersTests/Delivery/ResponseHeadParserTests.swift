import Testing

@testable import Reminders

@Suite("ResponseHeadParser: a response's status line and fields, bounded, folded lines refused")
struct ResponseHeadParserTests {
    /// What a row's bytes come to: a head's status, minor version, fields and length, or not yet, or a problem.
    enum Expected: Sendable, Equatable {
        case head(status: Int, minor: Int, fields: [String], length: Int)
        case incomplete
        case invalid(ResponseHeadParser.Problem)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: Expected
        var limit = ResponseHeadParser.defaultLimit
        var testDescription: String { input.debugDescription.prefix(60) + " (limit \(limit))" }
    }

    static func outcome(_ input: [UInt8], limit: Int, searched: Int = 0) -> Expected {
        switch ResponseHeadParser.parse(input[...], limit: limit, searched: searched) {
        case .incomplete: return .incomplete
        case .invalid(let problem): return .invalid(problem)
        case .head(let head, let length):
            return .head(
                status: head.status, minor: head.minorVersion, fields: head.fields.map { "\($0.name)=\($0.value)" },
                length: length)
        }
    }

    static let rows: [Row] = [
        Row(input: "HTTP/1.1 200 OK\r\n\r\n", expected: .head(status: 200, minor: 1, fields: [], length: 19)),
        Row(
            input: "HTTP/1.0 204 No Content\r\nServer: x\r\n\r\n",
            expected: .head(status: 204, minor: 0, fields: ["server=x"], length: 38)),
        // The reason phrase may be empty, and its space left out.
        Row(input: "HTTP/1.1 200 \r\n\r\n", expected: .head(status: 200, minor: 1, fields: [], length: 17)),
        Row(input: "HTTP/1.1 200\r\n\r\n", expected: .head(status: 200, minor: 1, fields: [], length: 16)),
        Row(input: "HTTP/1.1 200 OK\n\n", expected: .head(status: 200, minor: 1, fields: [], length: 17)),
        Row(
            input: "HTTP/1.1 200 OK\r\nX: 1\nY: 2\r\n\n",
            expected: .head(status: 200, minor: 1, fields: ["x=1", "y=2"], length: 29)),
        // Names lowercased, values without the whitespace around them; the body is not the head's.
        Row(
            input: "HTTP/1.1 429 Too Many\r\nRETRY-After: \t 5 \r\nContent-Length: 5\r\n\r\nhello",
            expected: .head(
                status: 429, minor: 1, fields: ["retry-after=5", "content-length=5"], length: 63)),
        Row(input: "HTTP/1.1 200 OK\r\nX:\r\n\r\n", expected: .head(status: 200, minor: 1, fields: ["x="], length: 23)),
        Row(
            input: "HTTP/1.1 200 OK\r\nX: caf\u{E9}\r\n\r\n",
            expected: .head(status: 200, minor: 1, fields: ["x=caf\u{E9}"], length: 29)),
        Row(input: "HTTP/1.1 200 OK\r\nX: 1\r\n", expected: .incomplete),
        Row(input: "HTTP/1.1 200 OK\r\n", expected: .incomplete),
        Row(input: "HTTP/1.1 200 OK\r\n\r", expected: .incomplete),
        Row(input: "", expected: .incomplete),
        // The status: three digits from 100 to 599.
        Row(input: "HTTP/1.1 100 Continue\r\n\r\n", expected: .head(status: 100, minor: 1, fields: [], length: 25)),
        Row(input: "HTTP/1.1 099 X\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 599 X\r\n\r\n", expected: .head(status: 599, minor: 1, fields: [], length: 18)),
        Row(input: "HTTP/1.1 600 X\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 20 OK\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 2000 OK\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 2x0 OK\r\n\r\n", expected: .invalid(.notHTTP)),
        // The version: HTTP/1.x, the name in capitals (RFC 9112 §2.3).
        Row(input: "HTTP/1.9 200 OK\r\n\r\n", expected: .head(status: 200, minor: 9, fields: [], length: 19)),
        Row(input: "HTTP/2 200\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/2.0 200 OK\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "http/1.1 200 OK\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1  200 OK\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "SSH-2.0-OpenSSH\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 200 O\u{1}K\r\n\r\n", expected: .invalid(.notHTTP)),
        // Fields: a token, a colon, a value without control characters; no folding.
        Row(input: "HTTP/1.1 200 OK\r\n Folded: x\r\n\r\n", expected: .invalid(.folded)),
        Row(input: "HTTP/1.1 200 OK\r\nX: 1\r\n\tmore\r\n\r\n", expected: .invalid(.folded)),
        Row(input: "HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 200 OK\r\nX : 1\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 200 OK\r\n: 1\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 200 OK\r\nNoColon\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 200 OK\r\nX: a\u{0}b\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n", expected: .invalid(.notHTTP)),
        Row(input: "HTTP/1.1 200 OK\r\nX: a\u{7F}\r\n\r\n", expected: .invalid(.notHTTP)),
        // The bound, the empty line included: a head of exactly the limit is read, one byte more is not; without
        // an end in sight, bytes short of the limit wait for more and bytes at the limit are refused.
        Row(
            input: "HTTP/1.1 200 OK\r\n\r\n", expected: .head(status: 200, minor: 1, fields: [], length: 19), limit: 19),
        Row(input: "HTTP/1.1 200 OK\r\n\r\n", expected: .invalid(.tooLong), limit: 18),
        Row(input: "HTTP/1.1 200 OK\r\nX: 1", expected: .incomplete, limit: 22),
        Row(input: "HTTP/1.1 200 OK\r\nX: 1", expected: .invalid(.tooLong), limit: 21),
    ]

    @Test("each head, whole or split anywhere", arguments: rows)
    func heads(_ row: Row) {
        let bytes = Array(row.input.utf8)
        #expect(Self.outcome(bytes, limit: row.limit) == row.expected)
        // Read in two pieces, the search for the end resumed where it stopped: the same outcome.
        for split in 0...bytes.count {
            let first = Self.outcome(Array(bytes[..<split]), limit: row.limit)
            guard first == .incomplete else { continue }
            #expect(Self.outcome(bytes, limit: row.limit, searched: split) == row.expected, "split at \(split)")
        }
    }

    @Test(
        "only what can start a status line is waited on",
        arguments: [
            ("", true), ("H", true), ("HTTP/1.", true), ("HTTP/1.1 200", true), ("HTTP/2", false), ("X", false),
            ("\r\n", false), ("http/", false),
        ])
    func plausibleStart(_ bytes: String, _ could: Bool) {
        #expect(ResponseHeadParser.couldStartHead(Array(bytes.utf8)[...]) == could)
    }
}
