import Time

// The response fuzz target compiles this file together with the client's parser sources into one module
// named Reminders, where this import is skipped; in the test target it imports the library.
@testable import Reminders

/// The promises the client's response-head parser and chunked-body reader make for every answer a receiver
/// may send, whatever its bytes: the receiver is as untrusted as a client of the server. Shared by the response
/// fuzz target, which traps on the first broken one, and by the corpus regression test, which replays every
/// stored input through the same checks.
///
/// Each input is judged under two head limits: the default, and a tight one that makes `tooLong` reachable with
/// short inputs.
enum ResponseInvariants {
    static let headLimits = [ResponseHeadParser.defaultLimit, 64]
    static let methods = ["POST", "HEAD"]

    /// Every check, for every head limit. `splits` gives, for a byte count `n`, the points in `0...n` at which
    /// the input is also fed in parts. Returns a description of each broken promise; an empty array means the
    /// input keeps them all.
    static func violations(of input: [UInt8], splits: (Int) -> [Int]) -> [String] {
        var found: [String] = []
        for limit in headLimits {
            let whole = parse(input[...], limit: limit, searched: 0)
            found += headViolations(whole, input: input, limit: limit, splits: splits(input.count)).map {
                "[head limit \(limit)] \($0)"
            }
        }
        let whole = parse(input[...], limit: ResponseHeadParser.defaultLimit, searched: 0)
        let body = bodyInput(input, after: whole)
        found += bodyViolations(body, splits: splits(body.count))
        return found
    }

    /// What the chunked reader is fed: after a whole head, the bytes that follow it, as a connection would;
    /// otherwise the whole input, which drives the reader with arbitrary bytes.
    static func bodyInput(_ input: [UInt8], after head: ResponseHeadParser.Outcome) -> [UInt8] {
        guard case .head(_, let length) = head else { return input }
        return Array(input[min(max(length, 0), input.count)...])
    }

    /// Parses `bytes` as a slice that does not start at index 0, as the client's reads hand it over.
    static func parse(_ bytes: ArraySlice<UInt8>, limit: Int, searched: Int) -> ResponseHeadParser.Outcome {
        let padded = [UInt8](repeating: 0x58, count: 3) + bytes
        return ResponseHeadParser.parse(padded[3...], limit: limit, searched: searched)
    }

    /// The parser's contract with a reader that reads in pieces: a prefix shorter than the head is
    /// `.incomplete` (unless it already passes the limit), a prefix holding the head gives the whole input's
    /// answer, and telling it how much was searched before changes nothing. A head is at most `limit` bytes,
    /// ends with its empty line, starts as a status line does, and what the client reads of it answers.
    static func headViolations(_ whole: ResponseHeadParser.Outcome, input: [UInt8], limit: Int, splits: [Int])
        -> [String]
    {
        var found: [String] = []
        let repeated = parse(input[...], limit: limit, searched: 0)
        if repeated != whole { found.append("head: parsing twice gave \(whole) then \(repeated)") }
        var headLength: Int?
        switch whole {
        case .head(let head, let length):
            headLength = length
            if length <= 0 || length > input.count || length > limit {
                found.append("head: \(length) bytes of \(input.count) taken (limit \(limit))")
            } else {
                if input[length - 1] != UInt8(ascii: "\n") { found.append("head: does not end with a line feed") }
                let exact = parse(input[0..<length], limit: limit, searched: 0)
                if exact != whole { found.append("head: re-parsed from its \(length) bytes gave \(exact)") }
            }
            if !ResponseHeadParser.couldStartHead(input[...]) {
                found.append("head: parsed, yet its bytes cannot start a status line")
            }
            found += headShapeViolations(head)
        case .incomplete:
            if input.count >= limit { found.append("head: \(input.count) bytes without a head, still incomplete") }
        case .invalid:
            break
        }
        for split in splits where split >= 0 && split <= input.count {
            let prefix = parse(input[0..<split], limit: limit, searched: 0)
            if let headLength, split < headLength {
                if prefix != .incomplete { found.append("head: prefix of \(split) bytes gave \(prefix)") }
            } else if prefix != .incomplete && prefix != whole {
                found.append("head: prefix of \(split) bytes gave \(prefix), the whole input \(whole)")
            }
            // A reader that had `split` bytes without a head ending among them, and reads more.
            if prefix == .incomplete {
                let resumed = parse(input[...], limit: limit, searched: split)
                if resumed != whole {
                    found.append("head: resumed after \(split) bytes searched gave \(resumed), from 0 \(whole)")
                }
            }
        }
        return found
    }

    /// What the client reads of a head: a status it knows, a version of 1.x, fields with lowercase token names
    /// and no control characters, and a framing and a keep-alive answer for every request method.
    static func headShapeViolations(_ head: ResponseHead) -> [String] {
        var found: [String] = []
        if !(100...599).contains(head.status) { found.append("head: status \(head.status) accepted") }
        if !(0...9).contains(head.minorVersion) { found.append("head: version 1.\(head.minorVersion) accepted") }
        for field in head.fields {
            if field.name.isEmpty || !field.name.utf8.allSatisfy(ResponseHeadParser.isTokenCharacter) {
                found.append("head: field name \(field.name.debugDescription) is not a token")
            }
            if field.name.utf8.contains(where: { (0x41...0x5A).contains($0) }) {
                found.append("head: field name \(field.name) not lowercased")
            }
            if field.value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
                found.append("head: field value \(field.value.debugDescription) holds a control character")
            }
            if let first = field.value.utf8.first, first == 0x20 || first == 0x09 {
                found.append("head: field value \(field.value.debugDescription) keeps leading whitespace")
            }
        }
        for method in methods {
            if case .length(let length) = head.framing(requestMethod: method), length < 0 {
                found.append("head: a length of \(length) for \(method)")
            }
        }
        if head.keepsConnection && head.value("transfer-encoding") != nil && head.value("content-length") != nil {
            found.append("head: keeps a connection whose body both a length and a coding framed")
        }
        for field in head.fields where field.name == "retry-after" || field.name == "date" {
            found += dateViolations(field.value)
        }
        return found
    }

    /// An instant to read two-digit years against: 2026-12-05T00:00:00Z.
    static let now = Instant(millis: 1_796_428_800_000)

    /// Reading an HTTP-date (what a `Retry-After` may carry) gives the same answer twice, and a date it reads
    /// lies in a year of four digits (a two-digit year within 50 years of `now`).
    static func dateViolations(_ value: String) -> [String] {
        let read = HTTPDateReader.parse(value, now: now)
        var found: [String] = []
        if HTTPDateReader.parse(value, now: now) != read {
            found.append("date: \(value.debugDescription) read two ways")
        }
        if let read, !(0...9999).contains(CivilTime(read).year) {
            found.append("date: \(value.debugDescription) read as year \(CivilTime(read).year)")
        }
        return found
    }

    /// The chunked reader's contract: it takes the same bytes, finds the same data and ends the same way however
    /// the input is split; the data it finds is never more than it took, and once done it takes nothing more.
    static func bodyViolations(_ input: [UInt8], splits: [Int]) -> [String] {
        var found: [String] = []
        let whole = read(input, in: [input.count])
        if whole.data > whole.consumed || whole.consumed > input.count {
            found.append("body: \(whole.data) bytes of data in \(whole.consumed) taken of \(input.count)")
        }
        if whole.miscounted { found.append("body: a step's data differs from the data handed over") }
        if !whole.done && whole.problem == nil && whole.consumed != input.count {
            found.append("body: left \(input.count - whole.consumed) bytes unread without ending")
        }
        for split in splits where split >= 0 && split <= input.count {
            let parts = read(input, in: [split, input.count - split])
            if !parts.agrees(with: whole) { found.append("body: split at \(split) gave \(parts), whole \(whole)") }
        }
        if whole.done {
            var decoder = ChunkedBodyDecoder()
            _ = decoder.decode(input)
            if case .success(let step) = decoder.decode([UInt8(ascii: "0")]), step.consumed != 0 || step.data != 0 {
                found.append("body: took \(step.consumed) more bytes once done")
            }
        }
        return found
    }

    /// What reading `input` in pieces of the given sizes came to.
    struct BodyRead: Equatable, CustomStringConvertible {
        var data = 0
        var consumed = 0
        var done = false
        var problem: ChunkedBodyDecoder.Problem?
        /// A step said another count of data than its `onData` calls handed over.
        var miscounted = false

        var description: String {
            "data \(data), consumed \(consumed), done \(done), problem \(problem.map(String.init(describing:)) ?? "none")"
        }

        /// The same reading of the same bytes: the same problem (the first bad byte is the same wherever the
        /// pieces break; what was counted before it is not reported), or the same data, bytes taken and end.
        func agrees(with other: BodyRead) -> Bool {
            problem != nil || other.problem != nil ? problem == other.problem : self == other
        }
    }

    /// Reads `input` in pieces of `sizes`, each piece an array of its own, stopping at the body's end or its
    /// first problem, as the client does.
    static func read(_ input: [UInt8], in sizes: [Int]) -> BodyRead {
        var decoder = ChunkedBodyDecoder()
        var result = BodyRead()
        var start = 0
        for size in sizes where size > 0 {
            let piece = Array(input[start..<(start + size)])
            start += size
            var counted = 0
            switch decoder.decode(piece, onData: { counted += $0.count }) {
            case .success(let step):
                if counted != step.data { result.miscounted = true }
                result.data += step.data
                result.consumed += step.consumed
            case .failure(let problem):
                result.problem = problem
                return result
            }
            if decoder.isDone {
                result.done = true
                return result
            }
        }
        return result
    }
}

extension ChunkedBodyDecoder {
    /// `decode(_:onData:)` over an array.
    fileprivate mutating func decode(_ bytes: [UInt8], onData: (UnsafeRawBufferPointer) -> Void = { _ in })
        -> Result<Step, Problem>
    {
        bytes.withUnsafeBytes { decode($0, onData: onData) }
    }
}
