import Store
import Testing
import Time

@testable import API

/// The reminders keep rows of their own in the settings table (the link key, the quiet hours); the settings the
/// API loads at start-up are the ones it knows, whatever else the table holds.
@Suite struct ReminderSettingsRowsTests {
    @Test("a restart keeps the seeker's settings and feed token beside the reminders' rows, and rewrites nothing")
    func restartKeepsSettings() throws {
        let api = try InProcessAPI()
        let put = try api.call("PUT", "/v1/settings", #"{"time_zone":"Europe/Paris","follow_up_gap_days":9}"#)
        #expect(put.status == 200)
        let before = try api.call("GET", "/v1/settings").decode(SettingsBody.self)
        try api.store.perform { transaction in
            _ = try transaction.ensureLinkKey()
            try transaction.writeQuietHours(QuietHours(start: "22:00", end: "07:00"))
        }
        let rows = try api.store.read { try $0.settings() }
        let restarted = try APIContext(store: api.store, now: { Instant(millis: 0) })
        #expect(restarted.settings.guidance.timeZone == "Europe/Paris")
        #expect(restarted.settings.guidance[.followUpGapDays] == 9)
        #expect(restarted.settings.feedToken == before.feedToken)
        #expect(try api.store.read { try $0.settings() } == rows)
    }
}
