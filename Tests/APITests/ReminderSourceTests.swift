import Reminders
import Store
import Testing
import Time

@testable import API

/// The agenda as the reminders read it (`AgendaSource`): the very items of `GET /v1/agenda`, in its order, with
/// what a message names of each; snoozed ones left out; of every application or of some.
@Suite struct ReminderSourceTests {
    static let now = Instant(rfc3339: InterviewScenario.now) ?? Instant(millis: 0)

    @Test func theItemsAreTheAgendas() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        _ = try api.create("/v1/applications", #"{"employer":"Bolt","position":"Analyst","route":"posted_opening"}"#)
        _ = try api.create(
            "/v1/applications/2/events",
            #"{"kind":"interview","occurred_at":"2026-11-20T09:00:00Z","interviewer_ids":[]}"#)
        let agenda = try api.call("GET", "/v1/agenda?horizon_days=30").decode(AgendaBody.self)
        let items = try api.context.reminderItems(of: nil, asOf: Self.now, horizonDays: 30)
        #expect(items.map(\.item.action.rawValue) == agenda.actions)
        #expect(items.map(\.item.message) == agenda.items.map(\.message))
        #expect(items.map(\.item.dueFrom.rfc3339) == agenda.items.map(\.dueFrom))
        #expect(items.allSatisfy { $0.key == ItemKey.make($0.item) })

        let debrief = try #require(items.first { $0.item.action == .debriefRecruiter })
        #expect(debrief.application == ReminderItem.Application(id: 1, employer: "Acme", position: "Engineer"))
        #expect(
            debrief.contact
                == ReminderItem.Contact(id: 1, name: "Dana Reyes", email: "dana@staffing.example", phone: "+1 555 0100")
        )
        let thankYou = try #require(items.first { $0.item.action == .sendThankYou })
        #expect(thankYou.contact == ReminderItem.Contact(id: 2, name: "Sam Lee", email: "sam@acme.example", phone: nil))
        let bolt = try #require(items.first { $0.application.id == 2 })
        #expect(bolt.item.action == .recordDirections && bolt.contact == nil)
        #expect(bolt.application == ReminderItem.Application(id: 2, employer: "Bolt", position: "Analyst"))

        let some = try api.context.reminderItems(of: [2], asOf: Self.now, horizonDays: 30)
        #expect(some == items.filter { $0.application.id == 2 })
        #expect(try api.context.reminderItems(of: [], asOf: Self.now, horizonDays: 30).isEmpty)
        #expect(try api.context.reminderItems(of: [9], asOf: Self.now, horizonDays: 30).isEmpty)
    }

    @Test func snoozedItemsAreLeftOutWhileTheSnoozeLasts() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        _ = try api.create("/v1/agenda/snoozes", SnoozeAPITests.followUp)
        for applications in [nil, Set<Int64>([1])] {
            let items = try api.context.reminderItems(of: applications, asOf: Self.now, horizonDays: 14)
            #expect(items.map(\.item.action) == [.debriefRecruiter, .recordDirections, .sendThankYou])
        }
        let later = try #require(Instant(rfc3339: "2026-11-22T00:00:00Z"))
        #expect(try api.context.reminderItems(of: nil, asOf: later, horizonDays: 14).first?.item.action == .followUp)
        let all = try api.context.reminderItems(of: nil, asOf: Self.now, horizonDays: 14, includingSnoozed: true)
        #expect(all.count == 4)
    }
}
