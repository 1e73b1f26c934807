import Foundation
import Testing

@testable import Guidance

/// `GET, PUT /v1/settings`: the defaults docs/GUIDANCE.md gives (Settings), the ranges the settings accept, IANA
/// zones only.
struct GuidanceSettingsTests {
    @Test func defaultsAreTheGuidanceDefaults() {
        let settings = GuidanceSettings()
        #expect(settings.timeZone == "UTC")
        #expect(settings.skipWeekends)
        let expected: [GuidanceParameter: Int] = [
            .waitDaysPostedOpening: 7, .waitDaysUnsolicited: 14, .waitDaysRecruiter: 7, .followUpGapDays: 7,
            .maxUnansweredFollowUps: 3, .recruiterTouchBaseDays: 30, .thankYouDueHours: 24, .debriefDueHours: 24,
            .directionsDueHours: 48,
        ]
        for parameter in GuidanceParameter.allCases {
            #expect(settings[parameter] == expected[parameter], "\(parameter.rawValue)")
        }
        #expect(settings.validationErrors.isEmpty)
    }

    struct RangeRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let parameter: GuidanceParameter
        let value: Int
        let valid: Bool
    }

    @Test(arguments: [
        RangeRow(testDescription: "wait of 0 days", parameter: .waitDaysPostedOpening, value: 0, valid: true),
        RangeRow(testDescription: "wait of -1 days", parameter: .waitDaysPostedOpening, value: -1, valid: false),
        RangeRow(testDescription: "wait of 365 days", parameter: .waitDaysUnsolicited, value: 365, valid: true),
        RangeRow(testDescription: "wait of 366 days", parameter: .waitDaysUnsolicited, value: 366, valid: false),
        RangeRow(testDescription: "recruiter wait of 366", parameter: .waitDaysRecruiter, value: 366, valid: false),
        RangeRow(testDescription: "gap of 365", parameter: .followUpGapDays, value: 365, valid: true),
        RangeRow(testDescription: "gap of -7", parameter: .followUpGapDays, value: -7, valid: false),
        RangeRow(testDescription: "limit of 1", parameter: .maxUnansweredFollowUps, value: 1, valid: true),
        RangeRow(testDescription: "limit of 0", parameter: .maxUnansweredFollowUps, value: 0, valid: false),
        RangeRow(testDescription: "limit of 20", parameter: .maxUnansweredFollowUps, value: 20, valid: true),
        RangeRow(testDescription: "limit of 21", parameter: .maxUnansweredFollowUps, value: 21, valid: false),
        RangeRow(testDescription: "touch base of 366", parameter: .recruiterTouchBaseDays, value: 366, valid: false),
        RangeRow(testDescription: "thank-you in 1 hour", parameter: .thankYouDueHours, value: 1, valid: true),
        RangeRow(testDescription: "thank-you in 0 hours", parameter: .thankYouDueHours, value: 0, valid: false),
        RangeRow(testDescription: "debrief in 720 hours", parameter: .debriefDueHours, value: 720, valid: true),
        RangeRow(testDescription: "directions in 721 hours", parameter: .directionsDueHours, value: 721, valid: false),
    ])
    func ranges(_ row: RangeRow) {
        var settings = GuidanceSettings()
        settings[row.parameter] = row.value
        #expect(settings[row.parameter] == row.value)
        if row.valid {
            #expect(settings.validationErrors.isEmpty)
        } else {
            #expect(settings.validationErrors == [.outOfRange(row.parameter, value: row.value)])
            #expect(settings.validationErrors.first?.field == row.parameter.rawValue)
            #expect(throws: GuidanceSettingsError.outOfRange(row.parameter, value: row.value)) {
                try settings.validate()
            }
        }
    }

    struct ZoneRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let zone: String
        let valid: Bool
    }

    @Test(arguments: [
        ZoneRow(testDescription: "UTC", zone: "UTC", valid: true),
        ZoneRow(testDescription: "New York", zone: "America/New_York", valid: true),
        ZoneRow(testDescription: "Auckland", zone: "Pacific/Auckland", valid: true),
        ZoneRow(testDescription: "Etc/UTC", zone: "Etc/UTC", valid: true),
        ZoneRow(testDescription: "wrong case", zone: "america/new_york", valid: false),
        ZoneRow(testDescription: "invented", zone: "Mars/Olympus_Mons", valid: false),
        ZoneRow(testDescription: "an offset, not an IANA name", zone: "GMT+5", valid: false),
        ZoneRow(testDescription: "lowercase utc", zone: "utc", valid: false),
        ZoneRow(testDescription: "empty", zone: "", valid: false),
        ZoneRow(testDescription: "hyphens", zone: "America/Port-au-Prince", valid: true),
        ZoneRow(testDescription: "three parts", zone: "America/Argentina/Buenos_Aires", valid: true),
        ZoneRow(testDescription: "an IANA name with a sign", zone: "Etc/GMT+5", valid: true),
        ZoneRow(testDescription: "a space", zone: "America/New York", valid: false),
        ZoneRow(testDescription: "a dot segment", zone: "America/../Europe/Paris", valid: false),
        ZoneRow(testDescription: "65 characters", zone: String(repeating: "A", count: 65), valid: false),
    ])
    func timeZones(_ row: ZoneRow) {
        let settings = GuidanceSettings(timeZone: row.zone)
        #expect((GuidanceTimeZone.named(row.zone) != nil) == row.valid)
        #expect(settings.validationErrors.isEmpty == row.valid)
        if !row.valid {
            #expect(settings.validationErrors.first?.field == "time_zone")
        }
    }

    struct ControlRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let zone: String
        /// The same name without the control character, which the database knows.
        let known: String
    }

    /// The zone database reads a name as a C string and keeps each zone it made under the name asked for, so a
    /// name with a NUL once passed after the name before it had been used. The text alone decides.
    @Test(arguments: [
        ControlRow(testDescription: "NUL at the end", zone: "Europe/Paris\u{0}", known: "Europe/Paris"),
        ControlRow(testDescription: "NUL and more after it", zone: "Europe/Paris\u{0}x", known: "Europe/Paris"),
        ControlRow(testDescription: "NUL inside", zone: "Europe/\u{0}Paris", known: "Europe/Paris"),
        ControlRow(testDescription: "NUL first", zone: "\u{0}Asia/Tokyo", known: "Asia/Tokyo"),
        ControlRow(testDescription: "NUL after UTC", zone: "UTC\u{0}", known: "UTC"),
        ControlRow(testDescription: "NUL after Etc/UTC", zone: "Etc/UTC\u{0}", known: "Etc/UTC"),
        ControlRow(testDescription: "line feed", zone: "America/Chicago\n", known: "America/Chicago"),
        ControlRow(testDescription: "carriage return", zone: "America/Chicago\r", known: "America/Chicago"),
        ControlRow(testDescription: "tab", zone: "America/\tChicago", known: "America/Chicago"),
        ControlRow(testDescription: "escape", zone: "\u{1B}Europe/Berlin", known: "Europe/Berlin"),
        ControlRow(testDescription: "delete", zone: "Europe/Berlin\u{7F}", known: "Europe/Berlin"),
        ControlRow(testDescription: "a C1 control", zone: "Europe/Berlin\u{85}", known: "Europe/Berlin"),
    ])
    func controlCharactersAreRefusedEvenAfterTheZoneWasUsed(_ row: ControlRow) {
        #expect(GuidanceTimeZone.named(row.known) != nil)
        #expect(GuidanceTimeZone.named(row.zone) == nil)
        #expect(GuidanceSettings(timeZone: row.zone).validationErrors.map(\.field) == ["time_zone"])
    }

    @Test func everyProblemIsReportedWithItsField() {
        var settings = GuidanceSettings(timeZone: "Nowhere/Else")
        settings.followUpGapDays = 400
        settings.thankYouDueHours = 0
        #expect(settings.validationErrors.map(\.field) == ["time_zone", "follow_up_gap_days", "thank_you_due_hours"])
    }

    @Test func jsonIsFlatAndRoundTrips() throws {
        var settings = GuidanceSettings(timeZone: "Europe/Paris", skipWeekends: false)
        settings.maxUnansweredFollowUps = 5
        let data = try JSONEncoder().encode(settings)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == Set(["time_zone", "skip_weekends"] + GuidanceParameter.allCases.map(\.rawValue)))
        #expect(object["max_unanswered_follow_ups"] as? Int == 5)
        #expect(object["time_zone"] as? String == "Europe/Paris")
        #expect(try JSONDecoder().decode(GuidanceSettings.self, from: data) == settings)
    }

    @Test func decodingRequiresEveryField() {
        let body = Data(#"{"time_zone": "UTC", "skip_weekends": true}"#.utf8)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(GuidanceSettings.self, from: body)
        }
    }

    @Test func anEngineWithAnUnknownZoneReckonsInUTC() {
        let engine = GuidanceEngine(settings: GuidanceSettings(timeZone: "Nowhere/Else"))
        #expect(engine.localDate(of: Fixture.utc(2026, 11, 2, 23, 59)) == Fixture.date(2026, 11, 2))
    }
}
