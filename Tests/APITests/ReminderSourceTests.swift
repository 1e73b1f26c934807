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

    struct AgendaCase: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let applications: Set<Int64>?
        let asOf: String
        /// Each application's first event after `asOf`, as `nextEvents` tells it.
        let nextEvents: [Int64: String]
    }

    /// Applications 1 (interviewed yesterday, its follow-up snoozed), 2 (interviewed this morning) and 3 (an
    /// interview recorded ahead, for the 25th).
    static func threeApplications() throws -> InProcessAPI {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        _ = try api.create("/v1/agenda/snoozes", SnoozeAPITests.followUp)
        for (employer, at) in [("Bolt", "2026-11-20T09:00:00Z"), ("Core", "2026-11-25T10:00:00Z")] {
            let id = try api.create(
                "/v1/applications", #"{"employer":"\#(employer)","position":"Analyst","route":"posted_opening"}"#)
            _ = try api.create(
                "/v1/applications/\(id)/events", #"{"kind":"interview","occurred_at":"\#(at)","interviewer_ids":[2]}"#)
        }
        return api
    }

    /// The scheduler's one pass: each application's items as `GET /v1/agenda` lists them at the same instant, in its
    /// order, snoozed ones left out, and each application's next event as `nextEvents` reads it on its own.
    @Test(
        "the agenda by application and the next events, read in one pass",
        arguments: [
            AgendaCase(
                testDescription: "every application, the 25th ahead", applications: nil, asOf: "2026-11-20T12:00:00Z",
                nextEvents: [3: "2026-11-25T10:00:00Z"]),
            AgendaCase(
                testDescription: "every application, the 25th past", applications: nil, asOf: "2026-11-26T00:00:00Z",
                nextEvents: [:]),
            AgendaCase(
                testDescription: "the snoozed one alone", applications: [1], asOf: "2026-11-20T12:00:00Z",
                nextEvents: [:]),
            AgendaCase(
                testDescription: "two, one with an event ahead", applications: [2, 3], asOf: "2026-11-20T12:00:00Z",
                nextEvents: [3: "2026-11-25T10:00:00Z"]),
            AgendaCase(
                testDescription: "a millisecond before the event ahead", applications: [3],
                asOf: "2026-11-25T09:59:59.999Z", nextEvents: [3: "2026-11-25T10:00:00Z"]),
            AgendaCase(
                testDescription: "at the instant of the event: not after it", applications: [3],
                asOf: "2026-11-25T10:00:00Z", nextEvents: [:]),
            AgendaCase(testDescription: "none", applications: [], asOf: "2026-11-20T12:00:00Z", nextEvents: [:]),
            AgendaCase(
                testDescription: "one that does not exist", applications: [9], asOf: "2026-11-20T12:00:00Z",
                nextEvents: [:]),
        ])
    func agendaByApplication(_ row: AgendaCase) throws {
        let api = try Self.threeApplications()
        let asOf = try #require(Instant(rfc3339: row.asOf))
        let agenda = try api.context.reminderAgenda(of: row.applications, asOf: asOf, horizonDays: 30)

        let listed = try api.call("GET", "/v1/agenda?as_of=\(row.asOf)&horizon_days=30").decode(AgendaBody.self)
        let expected = Dictionary(grouping: listed.items) { Int64($0.applicationId) }.filter { id, _ in
            row.applications?.contains(id) ?? true
        }
        #expect(Set(agenda.items.keys) == Set(expected.keys))
        #expect(agenda.items.values.allSatisfy { !$0.isEmpty }, "an application without items is left out")
        for (id, items) in agenda.items {
            #expect(items.allSatisfy { $0.application.id == id && $0.key == ItemKey.make($0.item) })
            #expect(items.map(\.item.action.rawValue) == expected[id]?.map(\.action))
            #expect(items.map(\.item.dueFrom.rfc3339) == expected[id]?.map(\.dueFrom))
            #expect(items.map(\.item.message) == expected[id]?.map(\.message))
        }

        let nextEvents = row.nextEvents.compactMapValues { Instant(rfc3339: $0) }
        #expect(agenda.nextEvents == nextEvents)
        #expect(try api.context.nextEvents(of: row.applications, after: asOf) == nextEvents)
    }
}
