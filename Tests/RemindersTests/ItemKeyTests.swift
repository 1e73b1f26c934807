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

    /// A key is written digit by digit: each number reads as `String(number)` does, on both sides of every
    /// change in its number of digits, at both ends of `Int64`, and below zero.
    @Test(
        "the numbers of a key read as their decimal text",
        arguments: [
            0, 1, 9, 10, 99, 100, 999, 1_000, 999_999_999_999, 1_000_000_000_000, 1_789_990_000_000,
            999_999_999_999_999_999, 1_000_000_000_000_000_000, Int64.max, -1, -9, -10, -1_000_000_000_000,
            Int64.min + 1, Int64.min,
        ])
    func numbers(_ number: Int64) {
        #expect(
            ItemKey.make(applicationId: number, action: "follow_up", contactId: number, dueFrom: number)
                == "\(number):follow_up:\(number):\(number)")
        #expect(
            ItemKey.make(applicationId: number, action: "send_thank_you", contactId: nil, dueFrom: number)
                == "\(number):send_thank_you:-:\(number)")
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
