import Foundation
import Store
import Testing

@testable import API

/// `/v1/agenda/snoozes`, and what a snooze hides: the item from the agenda and its calendar feed until `until`,
/// listed on request with `snoozed_until`; never a verdict of the guidance.
@Suite struct SnoozeAPITests {
    static let followUp = #"{"application_id":1,"action":"follow_up","contact_id":1,"until":"2026-11-22T00:00:00Z"}"#

    @Test func aSnoozeIsMadeListedReadAndDeleted() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let created = try api.call("POST", "/v1/agenda/snoozes", Self.followUp)
        #expect(created.status == 201)
        #expect(created.header("Location") == "/v1/agenda/snoozes/1" && created.header("ETag") == "\"snooze-1-v1\"")
        let snooze = try created.decode(SnoozeBody.self)
        #expect(
            snooze
                == SnoozeBody(
                    id: 1, applicationId: 1, action: "follow_up", contactId: 1, until: "2026-11-22T00:00:00Z",
                    createdAt: InterviewScenario.now))
        #expect(try api.call("GET", "/v1/agenda/snoozes/1").decode(SnoozeBody.self) == snooze)
        #expect(try api.call("GET", "/v1/agenda/snoozes").decode(ListBody<SnoozeBody>.self).items == [snooze])
        api.clock.set("2026-11-22T00:00:00Z")
        #expect(
            try api.call("GET", "/v1/agenda/snoozes").decode(ListBody<SnoozeBody>.self).items.isEmpty,
            "one whose until has come hides nothing, and is not listed")
        #expect(
            try api.call("DELETE", "/v1/agenda/snoozes/1", headers: [("If-Match", "\"snooze-1-v2\"")]).status == 412)
        #expect(
            try api.call("DELETE", "/v1/agenda/snoozes/1", headers: [("If-Match", "\"snooze-1-v1\"")]).status == 204)
        #expect(try api.call("GET", "/v1/agenda/snoozes/1").status == 404)
        #expect(try api.call("DELETE", "/v1/agenda/snoozes/1").status == 404)
    }

    struct Row: Sendable, CustomStringConvertible {
        let description: String
        let body: String
        let status: Int
        let field: String?
    }

    /// The clock reads 2026-11-20T12:00:00Z; a year on is 2027-11-20T12:00:00Z.
    static let rows: [Row] = [
        Row(description: "a millisecond ahead", body: #""until":"2026-11-20T12:00:00.001Z""#, status: 201, field: nil),
        Row(description: "now", body: #""until":"2026-11-20T12:00:00Z""#, status: 422, field: "until"),
        Row(description: "in the past", body: #""until":"2026-11-01T00:00:00Z""#, status: 422, field: "until"),
        Row(description: "a year ahead", body: #""until":"2027-11-20T12:00:00Z""#, status: 201, field: nil),
        Row(
            description: "a year and a millisecond", body: #""until":"2027-11-20T12:00:00.001Z""#, status: 422,
            field: "until"),
        Row(description: "an offset", body: #""until":"2026-11-21T08:00:00-05:00""#, status: 201, field: nil),
        Row(description: "not a time", body: #""until":"tomorrow""#, status: 400, field: "until"),
        Row(description: "no until", body: #""until":null"#, status: 400, field: "until"),
        Row(description: "no application", body: #""application_id":null"#, status: 400, field: "application_id"),
        Row(description: "application 0", body: #""application_id":0"#, status: 400, field: "application_id"),
        Row(description: "an unknown application", body: #""application_id":9"#, status: 422, field: "application_id"),
        Row(description: "an unknown contact", body: #""contact_id":9"#, status: 422, field: "contact_id"),
        Row(
            description: "no contact", body: #""action":"record_directions","contact_id":null"#, status: 201, field: nil
        ),
        Row(description: "an unknown action", body: #""action":"nap""#, status: 400, field: "action"),
        Row(description: "a read-only id", body: #""id":3"#, status: 400, field: "id"),
        Row(description: "an unknown member", body: #""hours":3"#, status: 400, field: "hours"),
    ]

    @Test(arguments: rows)
    func aNewSnooze(row: Row) throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        var object =
            try JSONSerialization.jsonObject(with: Data(Self.followUp.utf8)) as? [String: Any] ?? [:]
        let given = try JSONSerialization.jsonObject(with: Data("{\(row.body)}".utf8)) as? [String: Any] ?? [:]
        object.merge(given) { $1 }
        let body = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        let response = try api.call("POST", "/v1/agenda/snoozes", body)
        #expect(response.status == row.status, "\(response.bodyText)")
        if let field = row.field {
            #expect(try response.decode(ProblemBody.self).fields == [field])
            #expect(try api.store.read { try $0.activeSnoozes(at: 0) }.isEmpty, "nothing stored")
        }
    }

    @Test func theAgendaLeavesSnoozedItemsOutUnlessAskedForThem() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let before = try api.call("GET", "/v1/agenda").decode(AgendaBody.self)
        #expect(before.actions == ["follow_up", "debrief_recruiter", "record_directions", "send_thank_you"])
        _ = try api.create("/v1/agenda/snoozes", Self.followUp)
        let hidden = try api.call("GET", "/v1/agenda").decode(AgendaBody.self)
        #expect(hidden.actions == ["debrief_recruiter", "record_directions", "send_thank_you"])
        #expect(hidden.items == Array(before.items.dropFirst()))

        let listed = try api.call("GET", "/v1/agenda?include_snoozed=true")
        let items = try #require(try listed.decode(JSONValue.self)["items"]?.array)
        #expect(items.count == 4)
        #expect(items[0]["snoozed_until"] == .string("2026-11-22T00:00:00Z"))
        #expect(items.dropFirst().allSatisfy { $0["snoozed_until"] == nil }, "absent where no snooze hides it")
        #expect(try listed.decode(AgendaBody.self).items == before.items, "the same items, the same words")

        let after = try api.call("GET", "/v1/agenda?as_of=2026-11-22T00:00:00Z").decode(AgendaBody.self)
        #expect(after.actions.first == "follow_up", "shown again once until has come")
        #expect(try api.call("GET", "/v1/agenda?include_snoozed=yes").status == 400)
    }

    /// With no snooze active, and with one that matches no item, the agenda is the same bytes as before snoozes
    /// existed, whether snoozed items are asked for or not.
    @Test func withoutAMatchingSnoozeTheAgendaIsTheSameBytes() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let plain = try api.call("GET", "/v1/agenda")
        #expect(try api.call("GET", "/v1/agenda?include_snoozed=true").body == plain.body)
        _ = try api.create(
            "/v1/agenda/snoozes",
            #"{"application_id":1,"action":"follow_up","contact_id":2,"until":"2026-11-22T00:00:00Z"}"#)
        for target in ["/v1/agenda", "/v1/agenda?include_snoozed=true"] {
            let response = try api.call("GET", target)
            #expect(response.body == plain.body && response.header("ETag") == plain.header("ETag"), "\(target)")
        }
    }

    @Test func theCalendarFeedLeavesSnoozedItemsOut() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        func events() throws -> Int {
            try api.call("GET", "/v1/agenda.ics").bodyText.components(separatedBy: "BEGIN:VEVENT").count - 1
        }
        #expect(try events() == 4)
        _ = try api.create(
            "/v1/agenda/snoozes",
            #"{"application_id":1,"action":"send_thank_you","contact_id":2,"until":"2026-11-21T00:00:00Z"}"#)
        #expect(try events() == 3)
        #expect(!(try api.call("GET", "/v1/agenda.ics").bodyText.contains("Send a thank-you note")))
    }

    /// A snooze hides an item; the guidance judges a follow-up exactly as before.
    @Test func aSnoozeChangesNoVerdict() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let proposal = #"{"kind":"follow_up","occurred_at":"2026-11-20T12:00:00Z","contact_id":1,"channel":"email"}"#
        let before = try api.call("POST", "/v1/applications/1/check", proposal).bodyText
        _ = try api.create("/v1/agenda/snoozes", Self.followUp)
        #expect(try api.call("POST", "/v1/applications/1/check", proposal).bodyText == before)
        let application = try api.call("GET", "/v1/applications/1").decode(JSONValue.self)
        #expect(application["next_action"]?["action"] == .string("follow_up"), "next_action is the guidance's")
    }

    @Test func aSnoozeIsToldToTheRemindersAsItsApplication() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let reminders = FakeReminders()
        api.context.attach(reminders: reminders)
        _ = try api.create("/v1/agenda/snoozes", Self.followUp)
        _ = try api.call("DELETE", "/v1/agenda/snoozes/1")
        #expect(reminders.changes == [.applications([1]), .applications([1])])
    }

    @Test func deletingTheApplicationDeletesItsSnoozes() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        _ = try api.create("/v1/agenda/snoozes", Self.followUp)
        #expect(try api.call("DELETE", "/v1/applications/1").status == 204)
        #expect(try api.call("GET", "/v1/agenda/snoozes/1").status == 404)
    }
}
