import Testing

@testable import HTTP

@Suite("Chunked body decoder (RFC 9112 §7.1)")
struct ChunkedDecoderTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        let name: String
        /// The chunked body, then whatever follows it (which is not consumed).
        let raw: [UInt8]
        let consumed: Int
        let body: [UInt8]
        let trailers: [Field]
        var testDescription: String { name }

        init(_ name: String, _ encoded: [UInt8], body: [UInt8], trailers: [Field] = [], after: [UInt8] = []) {
            self.name = name
            self.raw = encoded + after
            self.consumed = encoded.count
            self.body = body
            self.trailers = trailers
        }
    }

    typealias Field = ParserTestRows.Field
    typealias Malformed = ParserTestRows.Malformed

    static func bytes(_ text: String) -> [UInt8] { ParserTestRows.bytes(text) }

    static let allBytes = (UInt8.min...UInt8.max).map { $0 }

    static let valid: [Valid] = [
        Valid("§7.1 one chunk", bytes("5\r\nhello\r\n0\r\n\r\n"), body: bytes("hello")),
        Valid(
            "§7.1 several chunks", bytes("3\r\nabc\r\n1\r\nd\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n"),
            body: bytes("abcd0123456789abcdef")),
        Valid("§7.1 uppercase hex size", bytes("A\r\n0123456789\r\n0\r\n\r\n"), body: bytes("0123456789")),
        Valid("§7.1 lowercase hex size", bytes("a\r\n0123456789\r\n0\r\n\r\n"), body: bytes("0123456789")),
        Valid("§7.1 leading zeros in sizes", bytes("0005\r\nhello\r\n000\r\n\r\n"), body: bytes("hello")),
        Valid("§7.1 zero-length body", bytes("0\r\n\r\n"), body: []),
        Valid("§7.1 data may hold CR and LF", bytes("4\r\n\r\n\r\n\r\n0\r\n\r\n"), body: bytes("\r\n\r\n")),
        Valid("§7.1 data may hold every byte", bytes("100\r\n") + allBytes + bytes("\r\n0\r\n\r\n"), body: allBytes),
        Valid("§7.1.1 extension without value", bytes("5;ext\r\nhello\r\n0\r\n\r\n"), body: bytes("hello")),
        Valid(
            "§7.1.1 token values, several extensions, on the last chunk too",
            bytes("5;name=value;other\r\nhello\r\n0;last=1\r\n\r\n"), body: bytes("hello")),
        Valid(
            "§7.1.1 quoted-string value with escapes, ; and =",
            bytes("5;n=\"a \\\"q\\\"; b=c\"\r\nhello\r\n0\r\n\r\n"), body: bytes("hello")),
        Valid("§7.1.1 BWS around ; and =", bytes("5 ; n = v ;m\t\r\nhello\r\n0\r\n\r\n"), body: bytes("hello")),
        Valid(
            "§7.1.2 trailer fields, OWS trimmed",
            bytes("5\r\nhello\r\n0\r\nX-Checksum: abc\r\nx-other:  v \r\n\r\n"), body: bytes("hello"),
            trailers: [Field("X-Checksum", "abc"), Field("x-other", "v")]),
        Valid(
            "§7.1 bytes of the next request are not consumed", bytes("2\r\nhi\r\n0\r\n\r\n"), body: bytes("hi"),
            after: bytes("GET / HTTP/1.1\r\nHost: a\r\n\r\n")),
    ]

    /// Feeds the pieces in order as a connection would (unconsumed bytes are offered again), and
    /// returns the body, the last outcome and how many bytes were consumed in all.
    static func feed(_ pieces: [[UInt8]], limits: ParserLimits = ParserLimits()) -> (
        body: [UInt8], outcome: ChunkedDecoder.Outcome, consumed: Int
    ) {
        var decoder = ChunkedDecoder(limits: limits)
        var body: [UInt8] = []
        var consumed = 0
        var pending: [UInt8] = []
        var outcome = ChunkedDecoder.Outcome.incomplete(consumed: 0)
        for piece in pieces {
            pending += piece
            outcome = decoder.decode(pending, into: &body)
            switch outcome {
            case .incomplete(let taken):
                consumed += taken
                pending.removeFirst(min(taken, pending.count))
            case .done(let taken, _):
                return (body, outcome, consumed + taken)
            case .failure:
                return (body, outcome, consumed)
            }
        }
        return (body, outcome, consumed)
    }

    static func trailers(_ outcome: ChunkedDecoder.Outcome) -> [Field]? {
        guard case .done(_, let trailers) = outcome else { return nil }
        return trailers.fields.map { Field($0.name, $0.value) }
    }

    @Test("valid bodies decode in one call", arguments: valid)
    func decodesValidBody(_ row: Valid) {
        var decoder = ChunkedDecoder(limits: ParserLimits())
        var body: [UInt8] = []
        let outcome = decoder.decode(row.raw, into: &body)
        guard case .done(let consumed, _) = outcome else {
            Issue.record("expected done, got \(outcome)")
            return
        }
        #expect(consumed == row.consumed)
        #expect(body == row.body)
        #expect(Self.trailers(outcome) == row.trailers)
    }

    @Test("every split point gives the same body, trailers and consumed", arguments: valid)
    func everySplitPoint(_ row: Valid) {
        for split in 0...row.raw.count {
            var decoder = ChunkedDecoder(limits: ParserLimits())
            var body: [UInt8] = []
            let first = decoder.decode(Array(row.raw[0..<split]), into: &body)
            if split < row.consumed {
                #expect(first == .incomplete(consumed: split), "split at \(split)")
                let second = decoder.decode(Array(row.raw[split...]), into: &body)
                #expect(Self.trailers(second) == row.trailers, "split at \(split)")
                #expect(
                    second
                        == .done(
                            consumed: row.consumed - split,
                            trailers: HTTPHeaders(
                                row.trailers.map {
                                    (name: $0.name, value: $0.value)
                                })))
            } else {
                #expect(
                    first
                        == .done(
                            consumed: row.consumed,
                            trailers: HTTPHeaders(
                                row.trailers.map {
                                    (name: $0.name, value: $0.value)
                                })))
            }
            #expect(body == row.body, "split at \(split)")
        }
    }

    @Test("byte by byte gives the same body, trailers and consumed", arguments: valid)
    func byteByByte(_ row: Valid) {
        let fed = Self.feed(row.raw.map { [$0] })
        #expect(fed.body == row.body)
        #expect(fed.consumed == row.consumed)
        #expect(Self.trailers(fed.outcome) == row.trailers)
    }

    @Test("after done the decoder takes nothing more")
    func nothingAfterDone() {
        var decoder = ChunkedDecoder(limits: ParserLimits())
        var body: [UInt8] = []
        #expect(decoder.decode(Self.bytes("0\r\n\r\n"), into: &body) == .done(consumed: 5, trailers: HTTPHeaders()))
        #expect(decoder.decode(Self.bytes("5\r\nhello"), into: &body) == .done(consumed: 0, trailers: HTTPHeaders()))
        #expect(body.isEmpty)
    }

    @Test("a failure is sticky")
    func failureIsSticky() {
        var decoder = ChunkedDecoder(limits: ParserLimits())
        var body: [UInt8] = []
        guard case .failure(let error) = decoder.decode(Self.bytes("Z"), into: &body) else {
            Issue.record("expected a failure")
            return
        }
        #expect(decoder.decode(Self.bytes("0\r\n\r\n"), into: &body) == .failure(error))
    }

    static let small = ParserLimits(maxBodyBytes: 10)

    static let malformed: [Malformed] = [
        Malformed(name: "§7.1 empty chunk size", raw: bytes("\r\n"), status: 400, because: "hexadecimal"),
        Malformed(name: "§7.1 non-hex chunk size", raw: bytes("Z\r\n"), status: 400, because: "hexadecimal"),
        Malformed(name: "§7.1 negative chunk size", raw: bytes("-5\r\n"), status: 400, because: "hexadecimal"),
        Malformed(
            name: "§7.1 0x prefix is not hex", raw: bytes("0x5\r\n"), status: 400, because: "unexpected character"),
        Malformed(
            name: "§7.1 space inside the size", raw: bytes("5 5\r\nhello\r\n"), status: 400,
            because: "unexpected character"),
        Malformed(
            name: "§7.1 more than 15 hex digits", raw: bytes("0000000000000005\r\n"), status: 400, because: "hex digits"
        ),
        Malformed(
            name: "§7.1 size overflowing Int", raw: bytes("FFFFFFFFFFFFFFFFFFFF\r\n"), status: 400,
            because: "hex digits"),
        Malformed(
            name: "§7.1 data not followed by CRLF", raw: bytes("5\r\nhelloX\r\n0\r\n\r\n"), status: 400,
            because: "followed by CRLF"),
        Malformed(
            name: "§7.1 data followed by LF alone", raw: bytes("5\r\nhello\n0\r\n\r\n"), status: 400,
            because: "followed by CRLF"),
        Malformed(
            name: "§7.1 data followed by CR then not LF", raw: bytes("5\r\nhello\rX"), status: 400,
            because: "followed by CRLF"),
        Malformed(
            name: "§7.1 data longer than announced", raw: bytes("3\r\nhello\r\n0\r\n\r\n"), status: 400,
            because: "followed by CRLF"),
        Malformed(name: "§2.2 bare LF ends the size line", raw: bytes("5\nhello\r\n"), status: 400, because: "bare LF"),
        Malformed(name: "§2.2 bare CR ends the size line", raw: bytes("5\rhello\r\n"), status: 400, because: "bare CR"),
        Malformed(
            name: "§7.1.1 extension with an empty name", raw: bytes("5;\r\nhello\r\n"), status: 400, because: "no name"),
        Malformed(
            name: "§7.1.1 extension with only a value", raw: bytes("5;=v\r\nhello\r\n"), status: 400, because: "no name"
        ),
        Malformed(
            name: "§7.1.1 extension with no value after =", raw: bytes("5;a=\r\nhello\r\n"), status: 400,
            because: "no value"),
        Malformed(
            name: "§7.1.1 extension name with a non-token byte", raw: bytes("5;a@b\r\n"), status: 400,
            because: "unexpected character"),
        Malformed(
            name: "§7.1.1 unterminated quoted value", raw: bytes("5;a=\"x\r\nhello\r\n"), status: 400,
            because: "control character"),
        Malformed(
            name: "§7.1.1 two values", raw: bytes("5;a=b c\r\nhello\r\n"), status: 400, because: "unexpected character"),
        Malformed(
            name: "§7.1 size line longer than 4 KiB", raw: bytes("5;" + String(repeating: "a", count: 5000) + "\r\n"),
            status: 400, because: "4 KiB"),
        Malformed(
            name: "RFC 9110 §15.5.14 announced chunk over maxBodyBytes, before its data", raw: bytes("B\r\n"),
            status: 413, because: "body", limits: small),
        Malformed(
            name: "RFC 9110 §15.5.14 total over maxBodyBytes", raw: bytes("5\r\nhello\r\n6\r\nworld!\r\n0\r\n\r\n"),
            status: 413, because: "body", limits: small),
        Malformed(
            name: "RFC 9110 §15.5.14 a 15-digit size is too large, not an overflow", raw: bytes("FFFFFFFFFFFFFFF;"),
            status: 413, because: "body"),
        Malformed(
            name: "§7.1.2 trailer with SP before the colon", raw: bytes("0\r\nX : v\r\n\r\n"), status: 400,
            because: "before the colon"),
        Malformed(
            name: "§7.1.2 trailer with obs-fold", raw: bytes("0\r\nX: v\r\n w\r\n\r\n"), status: 400,
            because: "line folding"),
        Malformed(
            name: "§7.1.2 trailer with NUL", raw: bytes("0\r\nX: a\u{0}b\r\n\r\n"), status: 400,
            because: "control character"),
        Malformed(
            name: "§7.1.2 trailer without a colon", raw: bytes("0\r\nX\r\n\r\n"), status: 400,
            because: "token character"),
        Malformed(
            name: "§7.1.2 trailer ended by a bare LF", raw: bytes("0\r\nX: v\n\r\n"), status: 400, because: "bare LF"),
        Malformed(
            name: "§7.1.2 trailer section ended by a bare LF", raw: bytes("0\r\nX: v\r\n\n"), status: 400,
            because: "bare LF"),
        Malformed(
            name: "§7.1.2 bare CR in a trailer", raw: bytes("0\r\nX: v\rw\r\n\r\n"), status: 400, because: "bare CR"),
        Malformed(
            name: "§7.1.2 trailer section over maxHeaderBytes",
            raw: bytes("0\r\nX: " + String(repeating: "v", count: 40) + "\r\n\r\n"),
            status: 431, because: "header section", limits: ParserLimits(maxHeaderBytes: 32)),
        Malformed(
            name: "§7.1.2 more trailer fields than maxHeaderCount", raw: bytes("0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"),
            status: 431, because: "header section", limits: ParserLimits(maxHeaderCount: 2)),
    ]

    static func status(_ outcome: ChunkedDecoder.Outcome) -> Int? {
        if case .failure(let error) = outcome { return error.status }
        return nil
    }

    @Test("malformed bodies fail with the status their rule gives", arguments: malformed)
    func rejectsMalformedBody(_ row: Malformed) {
        var decoder = ChunkedDecoder(limits: row.limits)
        var body: [UInt8] = []
        let outcome = decoder.decode(row.raw, into: &body)
        #expect(Self.status(outcome) == row.status, "got \(outcome)")
        if case .failure(let error) = outcome { #expect(error.detail.contains(row.because), "detail: \(error.detail)") }
        #expect(body.count <= row.limits.maxBodyBytes)
    }

    @Test("malformed bodies fail the same way fed byte by byte", arguments: malformed)
    func malformedByteByByte(_ row: Malformed) {
        let fed = Self.feed(row.raw.map { [$0] }, limits: row.limits)
        #expect(Self.status(fed.outcome) == row.status, "got \(fed.outcome)")
        if case .failure(let error) = fed.outcome {
            #expect(error.detail.contains(row.because), "detail: \(error.detail)")
        }
    }

    @Test("mutated bodies: byte-by-byte feeding always agrees with one call")
    func mutatedBodiesAreSplitInvariant() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(max(bound, 1)))
        }
        let interesting = Array("\r\n;=\" \t0aF9\\:x".utf8) + [0x00, 0x7F, 0xFF]
        let limits = ParserLimits(maxHeaderBytes: 40, maxHeaderCount: 2, maxBodyBytes: 64)
        for round in 0..<2000 {
            var input = Self.valid[round % Self.valid.count].raw
            for _ in 0..<(1 + next(3)) {
                let position = next(input.count + 1)
                let byte = interesting[next(interesting.count)]
                switch next(3) {
                case 0 where position < input.count: input[position] = byte
                case 1 where position < input.count: input.remove(at: position)
                default: input.insert(byte, at: position)
                }
            }
            let whole = Self.feed([input], limits: limits)
            let split = next(input.count + 1)
            let halves = Self.feed([Array(input[0..<split]), Array(input[split...])], limits: limits)
            let bytewise = Self.feed(input.map { [$0] }, limits: limits)
            for other in [halves, bytewise] {
                #expect(other.body == whole.body)
                // After a failure the connection closes, so only a done or incomplete count matters.
                if Self.status(whole.outcome) == nil { #expect(other.consumed == whole.consumed) }
                #expect(Self.status(other.outcome) == Self.status(whole.outcome))
                #expect(Self.trailers(other.outcome) == Self.trailers(whole.outcome))
            }
        }
    }
}
