import Foundation
import Testing

@testable import API

/// Pagination cursors have one spelling, the one openapi.yaml states as a pattern: `c` and 16 lowercase hex
/// digits per key (`^c[0-9a-f]{16}$`, two keys joined by `_` on a timeline). The server gives out only that form
/// and takes back exactly the strings that match it, so a client, or a generator, can rely on the pattern.
struct CursorTests {
    @Test(
        arguments: [
            ("an id of 1", [1], "c0000000000000001"),
            ("an id in hex digits", [255], "c00000000000000ff"),
            ("the largest id", [Int64.max], "c7fffffffffffffff"),
            ("a time before 1970 keeps its 64 bits", [-1], "cffffffffffffffff"),
            ("a timeline's time and id", [1_735_689_600_000, 7], "c000001941f297c00_0000000000000007"),
        ] as [(String, [Int64], String)])
    func theFixedFormRoundTrips(_ name: String, keys: [Int64], text: String) {
        #expect(Cursor.encode(keys) == text, "\(name)")
        #expect(Cursor.decode(text, count: keys.count) == keys, "\(name)")
    }

    @Test(
        arguments: [
            ("empty", "", 1),
            ("no leading c", "0000000000000001", 1),
            ("the old short form", "c1", 1),
            ("upper-case hex", "c00000000000000FF", 1),
            ("a sign", "c+000000000000001", 1),
            ("17 digits", "c00000000000000001", 1),
            ("not hex", "c000000000000000g", 1),
            ("two keys where one is expected", "c0000000000000001_0000000000000002", 1),
            ("one key where two are expected", "c0000000000000001", 2),
            ("an empty second key", "c0000000000000001_", 2),
        ] as [(String, String, Int)])
    func anythingElseIsRefused(_ name: String, text: String, count: Int) {
        #expect(Cursor.decode(text, count: count) == nil, "\(name)")
    }

    @Test("a cursor of the documented form names a position, given out or not; any other string is 400")
    func aWellFormedCursorIsAPosition() throws {
        let api = try InProcessAPI()
        for index in 1...3 { _ = try api.create("/v1/contacts", "{\"name\":\"c\(index)\"}") }
        let page = try api.call("GET", "/v1/contacts?cursor=c0000000000000001")
        #expect(page.status == 200)
        #expect(try page.decode(ListBody<ContactBody>.self).items.map(\.id) == [2, 3])
        #expect(try api.call("GET", "/v1/contacts?cursor=c1").status == 400)
    }
}
