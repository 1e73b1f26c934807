import Testing

@testable import Reminders

@Suite("ResponseHead: how a body ends, and whether the connection carries another request")
struct ResponseHeadTests {
    struct FramingRow: Sendable, CustomTestStringConvertible {
        let status: Int
        var method = "POST"
        let fields: [String]
        let framing: ResponseHead.Framing?
        var testDescription: String { "\(method) \(status) \(fields)" }
    }

    static func head(_ status: Int, minor: Int = 1, _ fields: [String]) -> ResponseHead {
        ResponseHead(
            minorVersion: minor, status: status,
            fields: fields.map { field in
                let parts = field.split(separator: ":", maxSplits: 1).map(String.init)
                return (parts[0].lowercased(), parts.count > 1 ? parts[1] : "")
            })
    }

    @Test(
        "the framing of a body (RFC 9112 §6.3)",
        arguments: [
            FramingRow(status: 200, fields: [], framing: .untilClose),
            FramingRow(status: 200, fields: ["content-length:5"], framing: .length(5)),
            FramingRow(status: 200, fields: ["content-length:0"], framing: .length(0)),
            FramingRow(status: 200, method: "HEAD", fields: ["content-length:5"], framing: .noBody),
            FramingRow(status: 204, fields: ["content-length:5"], framing: .noBody),
            FramingRow(status: 205, fields: ["content-length:0"], framing: .length(0)),
            FramingRow(status: 303, fields: ["content-length:5"], framing: .length(5)),
            FramingRow(status: 304, fields: ["content-length:5"], framing: .noBody),
            FramingRow(status: 100, fields: [], framing: .noBody),
            FramingRow(status: 199, fields: [], framing: .noBody),
            FramingRow(status: 200, fields: ["transfer-encoding:chunked"], framing: .chunked),
            FramingRow(status: 200, fields: ["transfer-encoding:Chunked"], framing: .chunked),
            FramingRow(status: 200, fields: ["transfer-encoding:gzip, chunked"], framing: .chunked),
            FramingRow(
                status: 200, fields: ["transfer-encoding:gzip", "transfer-encoding:chunked"], framing: .chunked),
            FramingRow(status: 200, fields: ["transfer-encoding:chunked, gzip"], framing: .untilClose),
            FramingRow(status: 200, fields: ["transfer-encoding:chunked", "content-length:5"], framing: .chunked),
            FramingRow(status: 200, fields: ["content-length:5", "content-length:5"], framing: .length(5)),
            FramingRow(status: 200, fields: ["content-length:5, 5"], framing: .length(5)),
            FramingRow(status: 200, fields: ["content-length:5", "content-length:6"], framing: nil),
            FramingRow(status: 200, fields: ["content-length:5, 6"], framing: nil),
            FramingRow(status: 200, fields: ["content-length:-1"], framing: nil),
            FramingRow(status: 200, fields: ["content-length:+5"], framing: nil),
            FramingRow(status: 200, fields: ["content-length:0x10"], framing: nil),
            FramingRow(status: 200, fields: ["content-length:"], framing: nil),
            FramingRow(
                status: 200, fields: ["content-length:999999999999999999"], framing: .length(999_999_999_999_999_999)),
            FramingRow(status: 200, fields: ["content-length:9999999999999999999"], framing: nil),
        ])
    func framing(_ row: FramingRow) {
        #expect(Self.head(row.status, row.fields).framing(requestMethod: row.method) == row.framing)
    }

    @Test(
        "whether the connection stays open (RFC 9112 §9.3)",
        arguments: [
            (1, 200, [String](), true),
            (1, 200, ["connection:close"], false),
            (1, 200, ["connection:Keep-Alive, Close"], false),
            (1, 200, ["connection:keep-alive", "connection:close"], false),
            (1, 200, ["connection:upgrade"], true),
            (0, 200, [], false),
            (0, 200, ["connection:keep-alive"], true),
            (0, 200, ["connection:Keep-Alive"], true),
            (1, 200, ["transfer-encoding:chunked", "content-length:5"], false),
            (1, 101, [], false),
        ])
    func keepsConnection(_ minor: Int, _ status: Int, _ fields: [String], _ keeps: Bool) {
        #expect(Self.head(status, minor: minor, fields).keepsConnection == keeps)
    }

    @Test(
        "interim responses are the 1xx but 101",
        arguments: [(99, false), (100, true), (101, false), (103, true), (199, true), (200, false)])
    func interim(_ status: Int, _ interim: Bool) {
        #expect(Self.head(status, []).isInterim == interim)
    }
}
