import HTTP
import TestSupport
import Testing

/// Replays every stored fuzz input through the invariant checks the fuzz target runs
/// (ParserInvariants), at every split point rather than the fuzzer's two: the seed corpus in
/// Tests/Fuzz/corpus and every input that once broke an invariant, kept in Tests/Fuzz/crashes
/// so that each fixed crash stays fixed.
@Suite("Fuzz corpus and crash inputs keep the parser invariants (RFC 9112 §2–§7)")
struct FuzzCorpusTests {
    static let seeds = FuzzCorpus.inputs(in: "corpus")
    static let crashes = FuzzCorpus.inputs(in: "crashes")

    @Test("every seed and crash input keeps every invariant, split at every point", arguments: seeds + crashes)
    func keepsInvariants(_ input: FuzzCorpus.Input) {
        let found = ParserInvariants.violations(of: input.bytes, splits: FuzzCorpus.everySplit)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    @Test("the seed corpus is found under Tests/Fuzz and holds 30 to 60 inputs")
    func corpusIsPresent() {
        #expect((30...60).contains(Self.seeds.count), "found \(Self.seeds.count) seeds in \(FuzzCorpus.directory.path)")
        #expect(Self.seeds.allSatisfy { !$0.bytes.isEmpty })
    }

    /// What one input amounts to under one limit set, as labels such as "head 414" or
    /// "decoder done", so the table below can ask whether some seed reaches each outcome.
    static func outcomes(of bytes: [UInt8], limits: ParserLimits) -> Set<String> {
        var labels: Set<String> = []
        let head = RequestParser.parseHead(bytes, limits: limits)
        switch head {
        case .incomplete:
            labels.insert("head incomplete")
        case .failure(let error):
            labels.insert("head \(error.status)")
        case .complete(let parsed, _):
            labels.insert("head complete")
            switch RequestParser.messageInfo(for: parsed, limits: limits) {
            case .failure(let error): labels.insert("messageInfo \(error.status)")
            case .success(let info):
                switch info.framing {
                case .none: labels.insert("framing none")
                case .contentLength: labels.insert("framing content-length")
                case .chunked: labels.insert("framing chunked")
                }
                if info.expectsContinue { labels.insert("expects 100-continue") }
            }
        }
        var decoder = ChunkedDecoder(limits: limits)
        var body: [UInt8] = []
        switch decoder.decode(ParserInvariants.decoderInput(bytes, after: head), into: &body) {
        case .incomplete: labels.insert("decoder incomplete")
        case .done: labels.insert("decoder done")
        case .failure(let error): labels.insert("decoder \(error.status)")
        }
        return labels
    }

    static let reached: Set<String> = seeds.reduce(into: []) { labels, seed in
        for limits in ParserInvariants.limitSets {
            labels.formUnion(outcomes(of: seed.bytes, limits: limits))
        }
    }

    struct Outcome: Sendable, CustomTestStringConvertible {
        let rule: String
        let label: String
        init(_ rule: String, _ label: String) {
            self.rule = rule
            self.label = label
        }
        var testDescription: String { "\(rule): \(label)" }
    }

    static let expectedOutcomes: [Outcome] = [
        Outcome("RFC 9112 §2–§5 a complete head", "head complete"),
        Outcome("RFC 9112 §2.2 a head still arriving", "head incomplete"),
        Outcome("RFC 9112 §2–§5 a malformed head is 400", "head 400"),
        Outcome("RFC 9112 §3 a target over maxTargetBytes is 414", "head 414"),
        Outcome("RFC 6585 §5 a head over the size or field-count limit is 431", "head 431"),
        Outcome("RFC 9110 §15.6.2 CONNECT is 501", "head 501"),
        Outcome("RFC 9110 §15.6.6 an HTTP version not served is 505", "head 505"),
        Outcome("RFC 9112 §6.3 a head without a body", "framing none"),
        Outcome("RFC 9110 §8.6 a Content-Length body", "framing content-length"),
        Outcome("RFC 9112 §7.1 a chunked body", "framing chunked"),
        Outcome("RFC 9110 §10.1.1 100-continue is expected", "expects 100-continue"),
        Outcome("RFC 9112 §6.1 / RFC 9110 §7.2, §8.6 bad framing or Host is 400", "messageInfo 400"),
        Outcome("RFC 9110 §15.5.14 a Content-Length over maxBodyBytes is 413", "messageInfo 413"),
        Outcome("RFC 9110 §10.1.1 an unknown expectation is 417", "messageInfo 417"),
        Outcome("RFC 9112 §6.1 an unknown transfer coding is 501", "messageInfo 501"),
        Outcome("RFC 9112 §7.1 a chunked body that ends", "decoder done"),
        Outcome("RFC 9112 §7.1 a malformed chunked body is 400", "decoder 400"),
        Outcome("RFC 9110 §15.5.14 a chunked body over maxBodyBytes is 413", "decoder 413"),
        Outcome("RFC 9112 §7.1.2 a trailer section over the limits is 431", "decoder 431"),
    ]

    @Test("the seeds reach every outcome the parser, messageInfo and the decoder can give", arguments: expectedOutcomes)
    func seedsReachOutcome(_ row: Outcome) {
        #expect(Self.reached.contains(row.label), "no seed reaches \(row.label); reached: \(Self.reached.sorted())")
    }
}
