import Testing

@testable import Reminders

@Suite("Message ids: msg_ and 24 base64url characters, the time they were made first")
struct MessageIDTests {
    @Test("an id is msg_ and 24 characters of the URL alphabet, different each time")
    func shape() {
        let ids = (0..<1_000).map { _ in MessageID.make() }
        for id in ids {
            #expect(id.hasPrefix("msg_") && id.utf8.count == 28)
            #expect(id.dropFirst(4).allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        }
        #expect(Set(ids).count == ids.count)
    }

    @Test("the same generator at the same instant makes the same ids")
    func seeded() {
        var first = FixedGenerator()
        var second = FixedGenerator()
        #expect(MessageID.make(at: 5, using: &first) == MessageID.make(at: 5, using: &second))
        #expect(
            MessageID.make(at: 0, using: &first) == "msg_" + String(repeating: "-", count: 8)
                + String(repeating: "_", count: 16))
    }

    /// Both sides of each place where a character of the time part carries into the next, and the ends.
    static let ordered: [(Int64, String)] = [
        (0, "--------"), (1, "-------0"), (9, "-------8"), (10, "-------9"), (11, "-------A"), (36, "-------Z"),
        (37, "-------_"), (38, "-------a"), (63, "-------z"), (64, "------0-"), (4_095, "------zz"),
        (4_096, "-----0--"), (1_796_443_494_153, "-P83N4R8"), ((1 << 48) - 1, "zzzzzzzz"),
    ]

    @Test("the time part is the millisecond in ASCII order: a later id sorts after an earlier one")
    func timeSorts() {
        for (millis, part) in Self.ordered {
            #expect(MessageID.timePart(millis) == part, "\(millis)")
        }
        let parts = Self.ordered.map(\.1)
        #expect(parts == parts.sorted())
        #expect(MessageID.timePart(-5) == MessageID.timePart(0))
        var generator = FixedGenerator()
        let earlier = MessageID.make(at: 1_796_443_494_153, using: &generator)
        let later = MessageID.make(at: 1_796_443_494_154, using: &generator)
        #expect(earlier < later && earlier.hasPrefix("msg_-P83N4R8"))
    }

    struct FixedGenerator: RandomNumberGenerator {
        mutating func next() -> UInt64 { .max }
    }
}
