import Testing

@testable import HTTP

@Suite("Request head parser: limits, byte classes, robustness")
struct RequestParserLimitsTests {
    enum Expected: Sendable, Equatable {
        case complete
        case incomplete
        case status(Int)
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let raw: [UInt8]
        let limits: ParserLimits
        let expected: Expected
        var testDescription: String { name }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    static func repeated(_ text: String, _ count: Int) -> String { String(repeating: text, count: count) }

    /// A head of exactly `size` bytes: request line, Host, and one padding field.
    static func head(size: Int) -> [UInt8] {
        let fixed = "GET / HTTP/1.1\r\nHost: a\r\nX: \r\n\r\n".utf8.count
        return bytes("GET / HTTP/1.1\r\nHost: a\r\nX: " + repeated("v", size - fixed) + "\r\n\r\n")
    }

    static func fields(_ count: Int) -> String {
        (0..<count).map { "F\($0): v\r\n" }.joined()
    }

    static let target64 = ParserLimits(maxTargetBytes: 64)
    static let head200 = ParserLimits(maxHeaderBytes: 200)
    static let count3 = ParserLimits(maxHeaderCount: 3)

    static let rows: [Row] = [
        Row(
            name: "§3 target of exactly maxTargetBytes is accepted",
            raw: bytes("GET /" + repeated("a", 63) + " HTTP/1.0\r\n\r\n"), limits: target64, expected: .complete),
        Row(
            name: "§3 target one byte over maxTargetBytes is 414",
            raw: bytes("GET /" + repeated("a", 64) + " HTTP/1.0\r\n\r\n"), limits: target64, expected: .status(414)),
        Row(
            name: "§3 414 is reported before the request line ends",
            raw: bytes("GET /" + repeated("a", 64)), limits: target64, expected: .status(414)),
        Row(
            name: "§3 a target still within the limit waits for more",
            raw: bytes("GET /" + repeated("a", 63)), limits: target64, expected: .incomplete),
        Row(
            name: "RFC 6585 §5 head of exactly maxHeaderBytes is accepted", raw: head(size: 200), limits: head200,
            expected: .complete),
        Row(
            name: "RFC 6585 §5 head one byte over maxHeaderBytes is 431", raw: head(size: 201), limits: head200,
            expected: .status(431)),
        Row(
            name: "RFC 6585 §5 an unfinished head past maxHeaderBytes is 431",
            raw: Array(head(size: 400).prefix(201)), limits: head200, expected: .status(431)),
        Row(
            name: "RFC 6585 §5 an unfinished head at maxHeaderBytes still waits",
            raw: Array(head(size: 400).prefix(200)), limits: head200, expected: .incomplete),
        Row(
            name: "§2.2 leading empty lines count toward maxHeaderBytes",
            raw: bytes(repeated("\r\n", 101)), limits: head200, expected: .status(431)),
        Row(
            name: "RFC 6585 §5 exactly maxHeaderCount fields are accepted",
            raw: bytes("GET / HTTP/1.1\r\n" + fields(3) + "\r\n"), limits: count3, expected: .complete),
        Row(
            name: "RFC 6585 §5 one field over maxHeaderCount is 431",
            raw: bytes("GET / HTTP/1.1\r\n" + fields(4) + "\r\n"), limits: count3, expected: .status(431)),
        Row(
            name: "RFC 6585 §5 too many fields is 431 before the head ends",
            raw: bytes("GET / HTTP/1.1\r\n" + fields(4)), limits: count3, expected: .status(431)),
        Row(
            name: "§3 a TLS handshake fails at once, not at the size limit", raw: [0x16, 0x03, 0x01, 0x02, 0x00],
            limits: ParserLimits(), expected: .status(400)),
        Row(
            name: "§3 an invalid method byte fails before the line ends", raw: bytes("GE("),
            limits: ParserLimits(), expected: .status(400)),
        Row(
            name: "§2.3 a bad version fails before the line ends", raw: bytes("GET / HTTX"),
            limits: ParserLimits(), expected: .status(400)),
        Row(
            name: "§2.3 an unsupported version fails before the head ends", raw: bytes("GET / HTTP/2.0\r\n"),
            limits: ParserLimits(), expected: .status(505)),
        Row(name: "an empty buffer waits", raw: [], limits: ParserLimits(), expected: .incomplete),
        Row(
            name: "§2.2 a lone CR of a leading empty line waits", raw: bytes("\r"), limits: ParserLimits(),
            expected: .incomplete),
    ]

    static func outcome(_ result: HeadParseResult) -> Expected {
        switch result {
        case .complete: .complete
        case .incomplete: .incomplete
        case .failure(let error): .status(error.status)
        }
    }

    @Test("limit boundaries and early failures", arguments: rows)
    func limits(_ row: Row) {
        #expect(Self.outcome(RequestParser.parseHead(row.raw, limits: row.limits)) == row.expected)
    }

    @Test("RFC 9110 §5.6.2 tchar set matches the grammar for all 256 bytes")
    func tcharSet() {
        let tchar = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(RequestParser.isTchar(byte) == tchar.contains(byte), "byte \(byte)")
        }
    }

    @Test("RFC 3986 §3.2.2 host byte set matches the grammar for all 256 bytes")
    func hostSet() {
        let host = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%!$&'()*+,;=:[]".utf8)
        for byte in UInt8.min...UInt8.max {
            #expect(RequestParser.isHostByte(byte) == host.contains(byte), "byte \(byte)")
        }
    }

    @Test("hex digits of either case, nothing else")
    func hexDigits() {
        for byte in UInt8.min...UInt8.max {
            let expected = Int(String(UnicodeScalar(byte)), radix: 16)
            #expect(RequestParser.hexValue(byte) == expected, "byte \(byte)")
        }
    }

    /// A fixed-seed xorshift generator: the robustness checks are random-looking but repeatable.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    @Test("the word-at-a-time scans agree with a plain byte loop")
    func wordScansMatchByteLoop() {
        var generator = Generator(state: 0x9E37_79B9_7F4A_7C15)
        let rare: [UInt8] = [0x0A, 0x0D, 0x00, 0x09, 0x1F, 0x20, 0x21, 0x7E, 0x7F, 0x80, 0xFF]
        for _ in 0..<300 {
            let buffer = (0..<generator.below(40)).map { _ in
                generator.below(5) == 0 ? rare[generator.below(rare.count)] : UInt8(0x41 + generator.below(26))
            }
            for start in 0...buffer.count {
                for end in start...buffer.count {
                    let slice = buffer[start..<end]
                    let control = slice.firstIndex { $0 < 0x20 || $0 == 0x7F } ?? end
                    let invisible = slice.firstIndex { $0 <= 0x20 || $0 >= 0x7F } ?? end
                    buffer.withUnsafeBytes { raw in
                        #expect(RequestParser.firstLF(raw, from: start, to: end) == slice.firstIndex(of: 0x0A))
                        #expect(RequestParser.firstControl(raw, from: start, to: end) == control)
                        #expect(RequestParser.firstNonVisible(raw, from: start, to: end) == invisible)
                    }
                }
            }
        }
    }

    @Test("mutated and random input never crashes, and a complete head is self-delimiting")
    func robustness() {
        var generator = Generator(state: 0x2545_F491_4F6C_DD1D)
        let seeds = [
            Self.bytes("GET /healthz?x=1 HTTP/1.1\r\nHost: a\r\nX: y\r\n\r\n"),
            Self.bytes("\r\nOPTIONS * HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET"),
            Self.bytes("POST http://h/p HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"),
        ]
        let interesting: [UInt8] = [0x0D, 0x0A, 0x20, 0x09, 0x3A, 0x00, 0x7F, 0xFF, 0x3F, 0x2F, 0x2A]
        let limits = ParserLimits(maxTargetBytes: 16, maxHeaderBytes: 64, maxHeaderCount: 3)
        for round in 0..<3000 {
            var input = seeds[round % seeds.count]
            for _ in 0..<(1 + generator.below(3)) {
                let position = generator.below(input.count + 1)
                let byte =
                    generator.below(2) == 0
                    ? interesting[generator.below(interesting.count)] : UInt8(truncatingIfNeeded: generator.next())
                switch generator.below(3) {
                case 0 where position < input.count: input[position] = byte
                case 1 where position < input.count: input.remove(at: position)
                default: input.insert(byte, at: position)
                }
            }
            for parsedLimits in [ParserLimits(), limits] {
                let result = RequestParser.parseHead(input, limits: parsedLimits)
                if case .complete(_, let consumed) = result {
                    #expect(consumed > 0 && consumed <= input.count)
                    #expect(RequestParser.parseHead(Array(input.prefix(consumed)), limits: parsedLimits) == result)
                }
                // Fed byte by byte, the first answer that is not .incomplete is the one-call answer.
                var length = 0
                var early = HeadParseResult.incomplete
                while early == .incomplete, length < input.count {
                    length += 1
                    early = RequestParser.parseHead(Array(input.prefix(length)), limits: parsedLimits)
                }
                switch (early, result) {
                case (.failure(let first), .failure(let last)): #expect(first.status == last.status, "\(input)")
                default: #expect(early == result, "\(input)")
                }
            }
        }
    }
}
