import Testing

@testable import Reminders

@Suite("Item keys: application, action, contact and due instant, read back as written")
struct ItemKeyTests {
    @Test(
        "a key reads back into its members",
        arguments: [
            (Int64(7), "follow_up", Int64?(3), Int64(1_789_990_000_000), "7:follow_up:3:1789990000000"),
            (1, "record_directions", nil, 0, "1:record_directions:-:0"),
            (
                9_007_199_254_740_991, "touch_base", 9_007_199_254_740_991, -1,
                "9007199254740991:touch_base:9007199254740991:-1"
            ),
        ])
    func roundTrip(_ application: Int64, _ action: String, _ contact: Int64?, _ dueFrom: Int64, _ text: String) {
        #expect(ItemKey.make(applicationId: application, action: action, contactId: contact, dueFrom: dueFrom) == text)
        #expect(
            ItemKey.parse(text)
                == ItemKey.Parts(applicationId: application, action: action, contactId: contact, dueFrom: dueFrom))
    }

    @Test(
        "text that is not a key is refused",
        arguments: [
            "", "7:follow_up:3", "7:follow_up:3:1:2", "0:follow_up:3:1", "x:follow_up:3:1", "7:wave:3:1",
            "7:follow_up:0:1", "7:follow_up::1", "7:follow_up:3:", "7:follow_up:3:1.5",
        ])
    func malformed(_ text: String) {
        #expect(ItemKey.parse(text) == nil)
    }
}
