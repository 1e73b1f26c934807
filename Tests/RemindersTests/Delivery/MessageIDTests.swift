import Testing

@testable import Reminders

@Suite("Message ids: msg_ and 24 base64url characters")
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

    @Test("the same generator makes the same ids")
    func seeded() {
        var first = FixedGenerator()
        var second = FixedGenerator()
        #expect(MessageID.make(using: &first) == MessageID.make(using: &second))
        #expect(MessageID.make(using: &first) == "msg_" + String(repeating: "_", count: 24))
    }

    struct FixedGenerator: RandomNumberGenerator {
        mutating func next() -> UInt64 { .max }
    }
}
