import Testing

@testable import Reminders

@Suite("ChunkedBodyDecoder: a chunked body's data and end, however split, with its lines bounded")
struct ChunkedBodyDecoderTests {
    enum Expected: Sendable, Equatable {
        /// The body ended, with this data, `after` bytes past its end.
        case done(String, after: Int)
        /// Not yet ended, with this data so far.
        case incomplete(String)
        case failure(ChunkedBodyDecoder.Problem)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let input: String
        let expected: Expected
        var testDescription: String { input.debugDescription.prefix(60) + "…" }
    }

    /// The decoder fed `pieces` in turn, and what it made of them.
    static func decode(_ pieces: [[UInt8]]) -> Expected {
        var decoder = ChunkedBodyDecoder()
        var data: [UInt8] = []
        for (index, piece) in pieces.enumerated() {
            let result = piece.withUnsafeBytes { raw in
                decoder.decode(raw) { data.append(contentsOf: $0) }
            }
            switch result {
            case .failure(let problem):
                return .failure(problem)
            case .success(let step):
                #expect(step.data <= step.consumed)
                if decoder.isDone {
                    let after = piece.count - step.consumed + pieces[(index + 1)...].reduce(0) { $0 + $1.count }
                    return .done(String(decoding: data, as: UTF8.self), after: after)
                }
                #expect(step.consumed == piece.count)
            }
        }
        return .incomplete(String(decoding: data, as: UTF8.self))
    }

    static let sizeLine = "1;" + String(repeating: "a", count: ChunkedBodyDecoder.sizeLineLimit - 4) + "\r\n"
    static let trailers =
        "X: " + String(repeating: "t", count: ChunkedBodyDecoder.trailerLimit - 7) + "\r\n" + "\r\n"

    static let rows: [Row] = [
        Row(input: "5\r\nhello\r\n0\r\n\r\n", expected: .done("hello", after: 0)),
        Row(input: "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n", expected: .done("hello world", after: 0)),
        Row(input: "5\r\nhello\r\n0\r\n\r\nHTTP/1.1", expected: .done("hello", after: 8)),
        Row(input: "0\r\n\r\n", expected: .done("", after: 0)),
        Row(input: "A\r\n0123456789\r\n0\r\n\r\n", expected: .done("0123456789", after: 0)),
        Row(input: "a\r\n0123456789\r\n000\r\n\r\n", expected: .done("0123456789", after: 0)),
        Row(input: "5;name=value\r\nhello\r\n0;last\r\n\r\n", expected: .done("hello", after: 0)),
        Row(input: "5 \t; a=\"b c\"\r\nhello\r\n0\r\n\r\n", expected: .done("hello", after: 0)),
        Row(input: "5\nhello\n0\n\n", expected: .done("hello", after: 0)),
        Row(input: "0\r\nExpires: never\r\nX: 1\r\n\r\n", expected: .done("", after: 0)),
        Row(input: "5\r\nhel", expected: .incomplete("hel")),
        Row(input: "5\r\nhello\r\n", expected: .incomplete("hello")),
        Row(input: "5\r\nhello\r\n0\r\n", expected: .incomplete("hello")),
        Row(input: "5\r\nhello\r\n0\r\nX: 1\r\n", expected: .incomplete("hello")),
        Row(input: "\r\n", expected: .failure(.malformed)),
        Row(input: "x\r\n", expected: .failure(.malformed)),
        Row(input: "-5\r\n", expected: .failure(.malformed)),
        Row(input: "5x\r\nhello", expected: .failure(.malformed)),
        Row(input: "5\rx\nhello", expected: .failure(.malformed)),
        Row(input: "5;\u{1}\r\nhello", expected: .failure(.malformed)),
        Row(input: "5\r\nhelloX\r\n", expected: .failure(.malformed)),
        Row(input: "5\r\nhello\r\r\n", expected: .failure(.malformed)),
        Row(input: "0\r\nX: 1\rY\r\n\r\n", expected: .failure(.malformed)),
        // Fifteen hex digits are taken, sixteen are not.
        Row(input: "00000000000000F\r\n", expected: .incomplete("")),
        Row(input: "000000000000000F\r\n", expected: .failure(.malformed)),
        // A size line of exactly the limit (its CRLF included) is taken, one byte longer is not.
        Row(input: sizeLine + "x\r\n0\r\n\r\n", expected: .done("x", after: 0)),
        Row(input: "1;a" + sizeLine.dropFirst(2) + "x\r\n0\r\n\r\n", expected: .failure(.sizeLineTooLong)),
        // So with the trailer section, from the last chunk's line on.
        Row(input: "0\r\n" + trailers, expected: .done("", after: 0)),
        Row(input: "0\r\nX" + trailers, expected: .failure(.trailersTooLong)),
    ]

    @Test("each body whole, a byte at a time, and split in two anywhere", arguments: rows)
    func bodies(_ row: Row) {
        let bytes = Array(row.input.utf8)
        #expect(Self.decode([bytes]) == row.expected)
        #expect(Self.decode(bytes.map { [$0] }) == row.expected)
        for split in stride(from: 0, through: bytes.count, by: max(1, bytes.count / 40)) {
            #expect(Self.decode([Array(bytes[..<split]), Array(bytes[split...])]) == row.expected, "split at \(split)")
        }
    }

    @Test("a size's data is counted as it comes, without waiting for the whole chunk")
    func counted() {
        var decoder = ChunkedBodyDecoder()
        let head = Array("100000\r\n".utf8)
        let first = head.withUnsafeBytes { decoder.decode($0) }
        #expect(first == .success(.init(data: 0, consumed: head.count)))
        let data = [UInt8](repeating: 0x61, count: 70_000)
        #expect(data.withUnsafeBytes { decoder.decode($0) } == .success(.init(data: 70_000, consumed: 70_000)))
        #expect(!decoder.isDone)
    }
}
