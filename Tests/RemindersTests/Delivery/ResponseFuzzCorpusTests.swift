import TestSupport
import Testing

@testable import Reminders

/// Replays every stored response fuzz input through the checks the response fuzz target runs
/// (ResponseInvariants), at every split point rather than the fuzzer's two: the seed corpus in
/// Tests/Fuzz/response-corpus and every input that once broke a promise, kept in Tests/Fuzz/response-crashes
/// so that each fixed crash stays fixed.
@Suite("Response fuzz corpus: what a receiver answers keeps the client's parser promises (RFC 9112 §4–§7)")
struct ResponseFuzzCorpusTests {
    static let seeds = FuzzCorpus.inputs(in: "response-corpus")
    static let crashes = FuzzCorpus.inputs(in: "response-crashes")

    @Test("every seed and crash input keeps every promise, split at every point", arguments: seeds + crashes)
    func keepsInvariants(_ input: FuzzCorpus.Input) {
        let found = ResponseInvariants.violations(of: input.bytes, splits: FuzzCorpus.everySplit)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("the seed corpus is found under Tests/Fuzz and holds 20 to 60 inputs")
    func corpusIsPresent() {
        #expect(
            (20...60).contains(Self.seeds.count), "found \(Self.seeds.count) seeds in \(FuzzCorpus.directory.path)")
        #expect(Self.seeds.allSatisfy { !$0.bytes.isEmpty })
    }

    /// What one input amounts to, as labels such as "head notHTTP" or "body done", so the test below can ask
    /// whether some seed reaches each outcome.
    static func outcomes(of bytes: [UInt8]) -> Set<String> {
        var labels: Set<String> = []
        let head = ResponseHeadParser.parse(bytes[...])
        switch head {
        case .incomplete: labels.insert("head incomplete")
        case .invalid(let problem): labels.insert("head \(problem)")
        case .head(let parsed, _):
            labels.insert("head")
            switch parsed.framing(requestMethod: "POST") {
            case .noBody: labels.insert("framing noBody")
            case .length: labels.insert("framing length")
            case .chunked: labels.insert("framing chunked")
            case .untilClose: labels.insert("framing untilClose")
            case nil: labels.insert("framing contradictory")
            }
            if parsed.isInterim { labels.insert("interim") }
            labels.insert(parsed.keepsConnection ? "keeps" : "closes")
            if let retryAfter = parsed.value("retry-after") {
                let read = HTTPDateReader.parse(retryAfter, now: ResponseInvariants.now) != nil
                labels.insert(read ? "retry-after date" : "retry-after not a date")
            }
        }
        guard case .head(let parsed, _) = head, parsed.framing(requestMethod: "POST") == .chunked else {
            return labels
        }
        let body = ResponseInvariants.bodyInput(bytes, after: head)
        let read = ResponseInvariants.read(body, in: [body.count])
        if let problem = read.problem {
            labels.insert("body \(problem)")
        } else {
            labels.insert(read.done ? "body done" : "body incomplete")
        }
        return labels
    }

    @Test(
        "some seed reaches each outcome, so the fuzzer starts from every branch",
        arguments: [
            "head", "head incomplete", "head \(ResponseHeadParser.Problem.notHTTP)",
            "head \(ResponseHeadParser.Problem.folded)", "framing noBody", "framing length", "framing chunked",
            "framing untilClose", "framing contradictory", "interim", "keeps", "closes", "retry-after date",
            "retry-after not a date", "body done",
            "body \(ChunkedBodyDecoder.Problem.malformed)",
        ])
    func reachesOutcome(_ label: String) {
        #expect(Self.seeds.contains { Self.outcomes(of: $0.bytes).contains(label) })
    }

    @Test("a head longer than the limit is refused as too long, whether or not its end has come")
    func tooLong() {
        let long = Self.seeds.first { $0.name == "err-head-too-long.http" }?.bytes ?? []
        #expect(ResponseHeadParser.parse(long[...], limit: 64) == .invalid(.tooLong))
        #expect(ResponseHeadParser.parse(long.prefix(100), limit: 64) == .invalid(.tooLong))
        #expect(ResponseInvariants.violations(of: long, splits: FuzzCorpus.everySplit).isEmpty)
    }
}
