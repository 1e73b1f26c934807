import Crypto
import SQLite
import Testing

@testable import Store

@Suite("The reminders' settings: quiet hours and the link key, as JSON text in the settings table")
struct ReminderSettingsTests {
    @Test(
        "quiet hours are stored as JSON strings or null, and read back as written",
        arguments: [
            QuietHours(), QuietHours(start: "22:00", end: "07:30"), QuietHours(start: "22:00"),
            QuietHours(end: "06:00"),
        ])
    func quietHoursRoundTrip(_ hours: QuietHours) throws {
        let database = try Fixture.database()
        #expect(try database.quietHours() == QuietHours())
        try database.writeQuietHours(hours)
        #expect(try database.quietHours() == hours)
        let rows = try database.settings()
        #expect(rows[ReminderSettingName.quietHoursStart] == hours.start.map { "\"\($0)\"" } ?? "null")
        #expect(rows[ReminderSettingName.quietHoursEnd] == hours.end.map { "\"\($0)\"" } ?? "null")
    }

    @Test("quiet hours leave the other settings alone, and a row that is not a string or null is an error")
    func quietHoursBesideOthers() throws {
        let database = try Fixture.database()
        try database.writeSettings(["time_zone": "\"Europe/Paris\""])
        try database.writeQuietHours(QuietHours(start: "22:00", end: "07:00"))
        #expect(try database.settings()["time_zone"] == "\"Europe/Paris\"")
        try database.writeSettings([ReminderSettingName.quietHoursStart: "2200"])
        #expect(throws: StoreError.self) { try database.quietHours() }
    }

    @Test("the link key is made once, 32 random bytes kept as base64, and the same ever after")
    func linkKeyOnce() throws {
        try GroupCommitTests.withStore { store, _ throws in
            #expect(try store.read { try $0.linkKey() } == nil)
            let made = try store.perform { try $0.ensureLinkKey() }
            #expect(made.value.count == 32)
            #expect(made.change == .settings)
            let again = try store.perform { try $0.ensureLinkKey() }
            #expect(again.value == made.value)
            #expect(again.change == StoreChange.none)
            #expect(try store.read { try $0.linkKey() } == made.value)
            let stored = try store.read { try $0.settings() }[ReminderSettingName.linkKey]
            #expect(stored == "\"" + Base64.encode(made.value) + "\"")
        }
        let other = try Fixture.database()
        var transactionless = try other.linkKey()
        #expect(transactionless == nil)
        try other.writeLinkKey([1, 2, 3])
        transactionless = try other.linkKey()
        #expect(transactionless == [1, 2, 3])
    }

    @Test("two stores make two different keys")
    func keysDiffer() throws {
        var keys: [[UInt8]] = []
        for _ in 0..<2 {
            try GroupCommitTests.withStore { store, _ throws in
                keys.append(try store.perform { try $0.ensureLinkKey() }.value)
            }
        }
        #expect(keys[0] != keys[1])
    }

    @Test("a link key row that is not base64 is an error, not a new key")
    func malformedLinkKey() throws {
        let database = try Fixture.database()
        for text in ["\"not base64!\"", "\"\"", "42"] {
            try database.writeSettings([ReminderSettingName.linkKey: text])
            #expect(throws: StoreError.self, "\(text)") { try database.linkKey() }
        }
    }
}
