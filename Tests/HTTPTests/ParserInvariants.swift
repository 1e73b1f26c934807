// The fuzz target compiles this file together with the parser sources into one module named
// HTTP, where this import is skipped; in the test target it imports the library.
import HTTP

/// The promises the head parser and the chunked decoder make for every input, whatever its
/// bytes. Shared by the fuzz target, which traps on the first broken one, and by the corpus
/// regression test, which replays every stored input through the same checks.
///
/// Each input is judged under two limit sets: the defaults, and tight ones that make the 413,
/// 414 and 431 paths reachable with short inputs.
enum ParserInvariants {
    static let limitSets: [ParserLimits] = [
        ParserLimits(),
        ParserLimits(maxTargetBytes: 16, maxHeaderBytes: 96, maxHeaderCount: 3, maxBodyBytes: 32),
    ]

    /// Every check, for every limit set. `splits` gives, for a byte count `n`, the points in
    /// `0...n` at which the input is also fed in two parts. Returns a description of each broken
    /// promise; an empty array means the input keeps them all.
    static func violations(of input: [UInt8], splits: (Int) -> [Int]) -> [String] {
        var found: [String] = []
        for limits in limitSets {
            found += violations(of: input, limits: limits, splits: splits)
        }
        return found
    }

    /// Every check under one limit set, each violation tagged with the limits it broke under.
    static func violations(of input: [UInt8], limits: ParserLimits, splits: (Int) -> [Int]) -> [String] {
        let tag = "[maxTarget \(limits.maxTargetBytes), maxHeader \(limits.maxHeaderBytes)]"
        var found: [String] = []
        let whole = parse(input[...], limits)
        found += headViolations(whole, input: input, limits: limits, splits: splits(input.count))
        if case .complete(let head, _) = whole {
            found += messageInfoViolations(head, limits: limits)
        }
        let body = decoderInput(input, after: whole)
        found += decoderViolations(body, limits: limits, splits: splits(body.count))
        return found.map { "\(tag) \($0)" }
    }

    /// What the chunked decoder is fed: after a complete head, the bytes that follow it, as a
    /// connection would; otherwise the whole input, which drives the decoder with arbitrary bytes.
    static func decoderInput(_ input: [UInt8], after head: HeadParseResult) -> [UInt8] {
        guard case .complete(_, let consumed) = head else { return input }
        return Array(input[min(max(consumed, 0), input.count)...])
    }

    /// Parses a copy of `bytes` in an allocation of exactly its size, so a read one byte past
    /// the end lands outside the allocation, where the address sanitizer sees it.
    static func parse(_ bytes: ArraySlice<UInt8>, _ limits: ParserLimits) -> HeadParseResult {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { copy.deallocate() }
        copy.copyBytes(from: bytes)
        return RequestParser.parseHead(UnsafeRawBufferPointer(copy), limits: limits)
    }

    /// RFC 9112 §2.2 reading of the parser's contract: the answer for a prefix is `.incomplete`
    /// or the answer for the whole input, so feeding a prefix and then the whole gives the same
    /// first answer other than `.incomplete`; a complete head needs exactly its own bytes.
    static func headViolations(
        _ whole: HeadParseResult, input: [UInt8], limits: ParserLimits, splits: [Int]
    ) -> [String] {
        var found: [String] = []
        let repeated = parse(input[...], limits)
        if repeated != whole { found.append("head: parsing twice gave \(whole) then \(repeated)") }
        var consumedBytes: Int?
        if case .complete(let head, let consumed) = whole {
            consumedBytes = consumed
            if consumed <= 0 || consumed > input.count || consumed > limits.maxHeaderBytes {
                found.append(
                    "head: consumed \(consumed) of \(input.count) bytes (maxHeaderBytes \(limits.maxHeaderBytes))")
            } else {
                let exact = parse(input[0..<consumed], limits)
                if exact != whole { found.append("head: re-parsed from its \(consumed) bytes gave \(exact)") }
            }
            found += headShapeViolations(head, limits: limits)
            found += referenceHeadViolations(head, head: input.prefix(max(0, min(consumed, input.count))))
        }
        for split in splits where split >= 0 && split <= input.count {
            let prefix = parse(input[0..<split], limits)
            if let consumedBytes {
                let expected = split < consumedBytes ? HeadParseResult.incomplete : whole
                if prefix != expected {
                    found.append("head: prefix of \(split) bytes gave \(prefix), expected \(expected)")
                }
            } else if prefix != .incomplete && prefix != whole {
                found.append("head: prefix of \(split) bytes gave \(prefix), but the whole input gave \(whole)")
            }
        }
        return found
    }

    /// What a complete head's fields must look like after the request-line rules (RFC 9112 §3).
    static func headShapeViolations(_ head: RequestHead, limits: ParserLimits) -> [String] {
        var found: [String] = []
        if head.method.isEmpty { found.append("head: empty method") }
        if head.target.isEmpty { found.append("head: empty target") }
        if head.target.utf8.count > limits.maxTargetBytes {
            found.append("head: target of \(head.target.utf8.count) bytes passed maxTargetBytes")
        }
        if head.version != .http1_0 && head.version != .http1_1 {
            found.append("head: version \(head.version) accepted")
        }
        if head.headers.count > limits.maxHeaderCount {
            found.append("head: \(head.headers.count) fields passed maxHeaderCount")
        }
        let query = head.query.map { "?" + $0 } ?? ""
        if head.target.hasPrefix("/") {
            if head.path + query != head.target {
                found.append("head: origin-form target \(head.target) split into \(head.path) and \(query)")
            }
        } else if head.target == "*" {
            if head.path != "*" || head.query != nil { found.append("head: asterisk-form split into \(head.path)") }
        } else if !head.path.hasPrefix("/") || !head.target.hasSuffix(query) {
            found.append("head: absolute-form target \(head.target) split into \(head.path) and \(query)")
        }
        return found
    }

    /// messageInfo must answer for any parsed head, and what it accepts must respect the limits
    /// and the version rules (RFC 9112 §6.1, RFC 9110 §8.6, §10.1.1).
    static func messageInfoViolations(_ head: RequestHead, limits: ParserLimits) -> [String] {
        let result = RequestParser.messageInfo(for: head, limits: limits)
        var found: [String] = []
        if RequestParser.messageInfo(for: head, limits: limits) != result {
            found.append("messageInfo: two calls disagree")
        }
        guard case .success(let info) = result else { return found }
        switch info.framing {
        case .none:
            if info.expectsContinue { found.append("messageInfo: expects 100-continue without a body") }
        case .contentLength(let length):
            if length < 0 || length > limits.maxBodyBytes {
                found.append("messageInfo: Content-Length \(length) accepted (maxBodyBytes \(limits.maxBodyBytes))")
            }
            if length == 0 && info.expectsContinue { found.append("messageInfo: expects 100-continue for 0 bytes") }
        case .chunked:
            if head.version != .http1_1 { found.append("messageInfo: chunked accepted for \(head.version)") }
        }
        if info.expectsContinue && head.version != .http1_1 {
            found.append("messageInfo: expects 100-continue from \(head.version)")
        }
        return found
    }

    /// One decoder run: the outcome with `consumed` counted from the start of all it was fed.
    struct DecoderRun: Equatable {
        var outcome: ChunkedDecoder.Outcome
        var body: [UInt8]
    }

    /// Feeds `bytes` in one call, or in two split at `split`, the second starting where the first
    /// stopped consuming; stops at the first answer other than `.incomplete`.
    static func decode(_ bytes: [UInt8], splitAt split: Int?, limits: ParserLimits) -> (DecoderRun, [String]) {
        var decoder = ChunkedDecoder(limits: limits)
        var body: [UInt8] = []
        var found: [String] = []
        var offset = 0
        var ends = [bytes.count]
        if let split { ends.insert(split, at: 0) }
        var outcome = ChunkedDecoder.Outcome.incomplete(consumed: 0)
        for end in ends {
            let given = end - offset
            let step = feed(&decoder, bytes[offset..<end], into: &body)
            switch step {
            case .incomplete(let consumed):
                if consumed < 0 || consumed > given { found.append("decoder: took \(consumed) of \(given) bytes") }
                offset += min(max(consumed, 0), given)
                outcome = .incomplete(consumed: offset)
            case .done(let consumed, let trailers):
                if consumed <= 0 || consumed > given { found.append("decoder: done after \(consumed) of \(given)") }
                outcome = .done(consumed: offset + consumed, trailers: trailers)
            case .failure:
                outcome = step
            }
            guard case .incomplete = step else {
                found += stickyViolations(&decoder, after: step, bytes: bytes, body: body)
                break
            }
        }
        return (DecoderRun(outcome: outcome, body: body), found)
    }

    /// Decodes a copy of `bytes` held in an allocation of exactly its size (see `parse`).
    static func feed(
        _ decoder: inout ChunkedDecoder, _ bytes: ArraySlice<UInt8>, into body: inout [UInt8]
    ) -> ChunkedDecoder.Outcome {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { copy.deallocate() }
        copy.copyBytes(from: bytes)
        return decoder.decode(UnsafeRawBufferPointer(copy), into: &body)
    }

    /// After `.done` the decoder takes nothing more, and after `.failure` it repeats the failure.
    static func stickyViolations(
        _ decoder: inout ChunkedDecoder, after last: ChunkedDecoder.Outcome, bytes: [UInt8], body: [UInt8]
    ) -> [String] {
        var again = body
        let repeated = feed(&decoder, bytes[...], into: &again)
        var found: [String] = []
        if again != body { found.append("decoder: took body bytes after \(last)") }
        switch last {
        case .done(_, let trailers):
            if repeated != .done(consumed: 0, trailers: trailers) {
                found.append("decoder: after done gave \(repeated)")
            }
        case .failure:
            if repeated != last { found.append("decoder: after \(last) gave \(repeated)") }
        case .incomplete:
            break
        }
        return found
    }

    /// RFC 9112 §7.1: the decoder is a byte-driven state machine, so one call and two calls
    /// split anywhere give the same body, trailers, outcome and total consumed; and the body
    /// never outgrows maxBodyBytes (RFC 9110 §15.5.14).
    static func decoderViolations(_ bytes: [UInt8], limits: ParserLimits, splits: [Int]) -> [String] {
        let (whole, wholeFound) = decode(bytes, splitAt: nil, limits: limits)
        var found = wholeFound
        if whole.body.count > limits.maxBodyBytes {
            found.append("decoder: body of \(whole.body.count) bytes passed maxBodyBytes \(limits.maxBodyBytes)")
        }
        if case .done(let consumed, let trailers) = whole.outcome {
            if trailers.count > limits.maxHeaderCount {
                found.append("decoder: \(trailers.count) trailer fields passed maxHeaderCount")
            }
            let reference = referenceDecode(bytes)
            if reference?.body != whole.body || reference?.consumed != consumed
                || reference?.trailerLines != trailers.count
            {
                found.append(
                    "decoder: done(\(consumed)) with \(whole.body.count) body bytes, a plain reading gives \(String(describing: reference))"
                )
            }
        }
        for split in splits where split >= 0 && split <= bytes.count {
            let (parted, partedFound) = decode(bytes, splitAt: split, limits: limits)
            found += partedFound
            if parted != whole {
                found.append(
                    "decoder: split at \(split) gave \(parted.outcome) with \(parted.body.count) body bytes, "
                        + "one call gave \(whole.outcome) with \(whole.body.count)")
            }
        }
        return found
    }

    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A

    /// The lines of `bytes` ended by CRLF, without the CRLF; bytes after the last CRLF are dropped.
    static func crlfLines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == cr && bytes[index + 1] == lf {
                lines.append(bytes[start..<index])
                start = index + 2
                index = start
            } else {
                index += 1
            }
        }
        return lines
    }

    /// A second, deliberately plain reading of an accepted head (RFC 9112 §2.1, §3, §5): split
    /// at CRLF, drop leading empty lines, cut the request line at its two spaces and each field
    /// line at its first colon, trim OWS. The parser's head must say the same.
    static func referenceHeadViolations(_ parsed: RequestHead, head: ArraySlice<UInt8>) -> [String] {
        let lines = crlfLines(head).drop { $0.isEmpty }
        guard let requestLine = lines.first, lines.last?.isEmpty == true else {
            return ["head: a plain reading finds no request line or no empty last line"]
        }
        var found: [String] = []
        let words = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        if words.count != 3 || String(decoding: words[0], as: UTF8.self) != parsed.method
            || String(decoding: words[1], as: UTF8.self) != parsed.target
            || String(decoding: words[2], as: UTF8.self) != parsed.version.description
        {
            found.append("head: request line \(Array(requestLine)) read as \(parsed.method) \(parsed.target)")
        }
        let fieldLines = lines.dropFirst().dropLast()
        var fields: [(name: String, value: String)] = []
        for line in fieldLines {
            guard let colon = line.firstIndex(of: 0x3A) else {
                return found + ["head: field line \(Array(line)) has no colon, yet the head was accepted"]
            }
            var value = line[(colon + 1)...]
            while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
            while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
            fields.append(
                (String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        if HTTPHeaders(fields) != parsed.headers {
            found.append("head: fields \(parsed.headers.fields), a plain reading gives \(fields)")
        }
        return found
    }

    /// A second, deliberately plain reading of a chunked body the decoder accepted (RFC 9112
    /// §7.1): hex size, skip to CRLF, take the data and its CRLF, until size 0; then skip
    /// trailer lines to the empty one. Nil when it cannot read the bytes that way.
    static func referenceDecode(_ bytes: [UInt8]) -> (body: [UInt8], consumed: Int, trailerLines: Int)? {
        func hex(_ byte: UInt8) -> Int? { Int(String(UnicodeScalar(byte)), radix: 16) }
        func nextCRLF(_ from: Int) -> Int? {
            var index = from
            while index + 1 < bytes.count {
                if bytes[index] == cr && bytes[index + 1] == lf { return index }
                index += 1
            }
            return nil
        }
        var body: [UInt8] = []
        var index = 0
        while true {
            var size = 0
            var digits = 0
            while index < bytes.count, digits < 15, let value = hex(bytes[index]) {
                size = size * 16 + value
                digits += 1
                index += 1
            }
            guard digits > 0, let lineEnd = nextCRLF(index) else { return nil }
            index = lineEnd + 2
            if size == 0 { break }
            guard size <= bytes.count - index - 2 else { return nil }
            body += bytes[index..<(index + size)]
            index += size
            guard bytes[index] == cr, bytes[index + 1] == lf else { return nil }
            index += 2
        }
        var trailerLines = 0
        while let lineEnd = nextCRLF(index) {
            let empty = lineEnd == index
            index = lineEnd + 2
            if empty { return (body, index, trailerLines) }
            trailerLines += 1
        }
        return nil
    }
}
