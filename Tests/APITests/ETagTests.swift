import Testing

@testable import API

/// Entity tags as the service spells them (RFC 9110 §8.8.3).
struct ETagTests {
    static let integers: [Int64] = [0, 7, -7, 9, 10, 99, 100, 1_000_000_007, -1_000_000_007, .max, .min, .max - 1]

    @Test("a resource's tag names its kind, id and version", arguments: zip(integers, integers.reversed()))
    func spellsResourceTags(id: Int64, version: Int64) {
        #expect(ETag.resource("event", id: id, version: version) == "\"event-\(id)-v\(version)\"")
    }
}
