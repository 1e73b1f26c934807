import Foundation
import Reminders
import Store
import Testing

@testable import API

/// The quiet hours in `GET` and `PUT /v1/settings`: local `HH:MM` or null, both or neither; told to the
/// reminders; and, like the rest of the reminders, not part of an export.
@Suite struct QuietHoursAPITests {
    /// What the settings answer with of the quiet hours.
    struct QuietBody: Decodable, Equatable {
        @Nullable var quietHoursStart: String?
        @Nullable var quietHoursEnd: String?
    }

    @Test func noneByDefault() throws {
        let api = try InProcessAPI()
        #expect(
            try api.call("GET", "/v1/settings").decode(QuietBody.self)
                == QuietBody(quietHoursStart: nil, quietHoursEnd: nil))
        #expect(api.context.reminderSettings() == ReminderSettingsValue.utc(start: nil, end: nil))
    }

    struct Row: Sendable, CustomStringConvertible {
        let description: String
        /// Quiet hours stored before, as a PUT body's members.
        let before: String
        let body: String
        let status: Int
        let fields: [String]
        /// The hours stored afterwards.
        let after: QuietHours
    }

    static let none = QuietHours()
    static let night = QuietHours(start: "22:00", end: "07:00")

    static let rows: [Row] = [
        Row(
            description: "both", before: "", body: #"{"quiet_hours_start":"22:00","quiet_hours_end":"07:00"}"#,
            status: 200, fields: [], after: night),
        Row(
            description: "within a day", before: "", body: #"{"quiet_hours_start":"00:00","quiet_hours_end":"23:59"}"#,
            status: 200, fields: [], after: QuietHours(start: "00:00", end: "23:59")),
        Row(
            description: "the start alone", before: "", body: #"{"quiet_hours_start":"22:00"}"#, status: 422,
            fields: ["quiet_hours_end"], after: none),
        Row(
            description: "the end alone", before: "", body: #"{"quiet_hours_end":"07:00"}"#, status: 422,
            fields: ["quiet_hours_start"], after: none),
        Row(
            description: "the same time", before: "", body: #"{"quiet_hours_start":"07:00","quiet_hours_end":"07:00"}"#,
            status: 422, fields: ["quiet_hours_end"], after: none),
        Row(
            description: "one changed, the other kept",
            before: #"{"quiet_hours_start":"22:00","quiet_hours_end":"07:00"}"#, body: #"{"quiet_hours_end":"06:30"}"#,
            status: 200, fields: [], after: QuietHours(start: "22:00", end: "06:30")),
        Row(
            description: "both cleared", before: #"{"quiet_hours_start":"22:00","quiet_hours_end":"07:00"}"#,
            body: #"{"quiet_hours_start":null,"quiet_hours_end":null}"#, status: 200, fields: [], after: none),
        Row(
            description: "one cleared", before: #"{"quiet_hours_start":"22:00","quiet_hours_end":"07:00"}"#,
            body: #"{"quiet_hours_start":null}"#, status: 422, fields: ["quiet_hours_start"], after: night),
        Row(
            description: "other settings leave them",
            before: #"{"quiet_hours_start":"22:00","quiet_hours_end":"07:00"}"#, body: #"{"skip_weekends":false}"#,
            status: 200, fields: [], after: night),
        Row(
            description: "hour 24", before: "", body: #"{"quiet_hours_start":"24:00","quiet_hours_end":"07:00"}"#,
            status: 400, fields: ["quiet_hours_start"], after: none),
        Row(
            description: "minute 60", before: "", body: #"{"quiet_hours_start":"22:00","quiet_hours_end":"06:60"}"#,
            status: 400, fields: ["quiet_hours_end"], after: none),
        Row(
            description: "one digit", before: "", body: #"{"quiet_hours_start":"9:00","quiet_hours_end":"07:00"}"#,
            status: 400, fields: ["quiet_hours_start"], after: none),
        Row(
            description: "a number", before: "", body: #"{"quiet_hours_start":2200,"quiet_hours_end":"07:00"}"#,
            status: 400, fields: ["quiet_hours_start"], after: none),
        Row(
            description: "with a bad guidance setting", before: "",
            body: #"{"quiet_hours_start":"x","skip_weekends":"no","quiet_hours_end":"07:00"}"#, status: 400,
            fields: ["skip_weekends", "quiet_hours_start"], after: none),
        Row(
            description: "with an unacceptable guidance setting", before: "",
            body: #"{"quiet_hours_start":"22:00","time_zone":"Mars/Olympus"}"#, status: 422,
            fields: ["time_zone", "quiet_hours_end"], after: none),
    ]

    @Test(arguments: rows)
    func aPut(row: Row) throws {
        let api = try InProcessAPI()
        if !row.before.isEmpty { #expect(try api.call("PUT", "/v1/settings", row.before).status == 200) }
        let response = try api.call("PUT", "/v1/settings", row.body)
        #expect(response.status == row.status, "\(response.bodyText)")
        if row.status == 200 {
            let answered = try response.decode(QuietBody.self)
            #expect(answered == QuietBody(quietHoursStart: row.after.start, quietHoursEnd: row.after.end))
        } else {
            #expect(try response.decode(ProblemBody.self).fields == row.fields)
        }
        #expect(try api.store.read { try $0.quietHours() } == row.after)
        #expect(api.context.reminderSettings().quietHours == row.after, "what the reminders read, once committed")
        let shown = try api.call("GET", "/v1/settings").decode(QuietBody.self)
        #expect(shown == QuietBody(quietHoursStart: row.after.start, quietHoursEnd: row.after.end))
    }

    /// The settings' zone is the reminders' too.
    @Test func theRemindersReadTheZone() throws {
        let api = try InProcessAPI()
        _ = try api.call("PUT", "/v1/settings", #"{"time_zone":"Europe/Berlin"}"#)
        #expect(api.context.reminderSettings().timeZone == "Europe/Berlin")
    }

    /// An export leaves the quiet hours out, as it does channels: importing it restores the data, and the
    /// importing installation keeps its own quiet hours. A document that carries them is refused.
    @Test func anExportLeavesThemOutAndAnImportLeavesThemAlone() throws {
        let source = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(source)
        _ = try source.call(
            "PUT", "/v1/settings", #"{"quiet_hours_start":"22:00","quiet_hours_end":"07:00","skip_weekends":false}"#)
        let export = try source.call("GET", "/v1/export")
        let settings = try export.decode(ExportBody.self).settings
        #expect(settings["quiet_hours_start"] == nil && settings["quiet_hours_end"] == nil)
        #expect(settings["skip_weekends"] == .bool(false))

        let target = try InProcessAPI(now: InterviewScenario.now)
        _ = try target.call("PUT", "/v1/settings", #"{"quiet_hours_start":"21:00","quiet_hours_end":"06:00"}"#)
        #expect(try target.call("POST", "/v1/import", export.bodyText).status == 201)
        #expect(try target.store.read { try $0.quietHours() } == QuietHours(start: "21:00", end: "06:00"))
        #expect(try target.call("GET", "/v1/settings").decode(SettingsBody.self).skipWeekends == false)
        #expect(try target.call("GET", "/v1/agenda").body == source.call("GET", "/v1/agenda").body)

        let carrying = export.bodyText.replacingOccurrences(
            of: #""skip_weekends":false"#, with: #""skip_weekends":false,"quiet_hours_start":"22:00""#)
        let refused = try InProcessAPI().call("POST", "/v1/import", carrying)
        #expect(refused.status == 400)
    }
}

/// Reminder settings as the tests compare them.
enum ReminderSettingsValue {
    static func utc(start: String?, end: String?) -> ReminderSettings {
        ReminderSettings(timeZone: "UTC", quietHours: QuietHours(start: start, end: end))
    }
}
