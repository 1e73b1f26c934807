import Foundation
import Testing
import Time

@testable import Guidance

/// docs/GUIDANCE.md, "Agenda items": actions, recipients, due times, overdue, horizon, order, status filtering.
struct AgendaTests {
    static let resumeToDana = EventFact(
        id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 1, channel: "email")
    static let interviewAt = Fixture.utc(2026, 11, 20, 14)
    static let interview = EventFact(id: 2, kind: .interview, occurredAt: interviewAt, interviewerIds: [3, 4])

    static func interviewed(
        _ route: Route = .recruiterSubmitted, status: ApplicationStatus = .active, _ extra: [EventFact] = []
    ) -> ApplicationFacts {
        Fixture.application(route, status: status, [resumeToDana, interview] + extra)
    }

    static func summary(_ items: [AgendaItem]) -> [String] {
        items.map { "\($0.action.rawValue):\($0.contactId.map(String.init) ?? "-")\($0.overdue ? ":overdue" : "")" }
    }

    @Test func afterAnInterviewOnARecruiterRoute() throws {
        let items = Fixture.engine.agenda(
            for: [Self.interviewed()], asOf: Fixture.utc(2026, 11, 20, 15), horizonDays: 14)
        #expect(
            Self.summary(items) == [
                "follow_up:1", "debrief_recruiter:1", "record_directions:-", "send_thank_you:3", "send_thank_you:4",
            ])
        let thankYou = try #require(items.first { $0.action == .sendThankYou })
        #expect(thankYou.rule == .thankYouPromptly)
        #expect(thankYou.dueFrom == Self.interviewAt)
        #expect(thankYou.dueBy == Fixture.utc(2026, 11, 21, 14))
        #expect(thankYou.channel == "email")
        #expect(thankYou.sourceEventId == 2)
        #expect(thankYou.message.contains("Kim Park (interviewer)"))
        #expect(thankYou.message.contains("Fri 20 Nov 2026"))
        #expect(thankYou.message.contains("due by Sat 21 Nov 2026 14:00"))
        let debrief = try #require(items.first { $0.action == .debriefRecruiter })
        #expect(debrief.rule == .debriefRecruiter)
        #expect(debrief.dueBy == Fixture.utc(2026, 11, 21, 14))
        #expect(debrief.message.contains("Dana Reyes (recruiter)"))
        let directions = try #require(items.first { $0.action == .recordDirections })
        #expect(directions.rule == .recordDirections)
        #expect(directions.dueBy == Fixture.utc(2026, 11, 22, 14))
        #expect(directions.contactId == nil && directions.channel == nil)
        let followUp = try #require(items.first)
        #expect(followUp.dueBy == nil && !followUp.overdue)
    }

    struct OverdueRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let asOf: Instant
        let overdue: [String]
    }

    @Test(arguments: [
        OverdueRow(
            testDescription: "exactly 24 hours after: not yet overdue", asOf: Fixture.utc(2026, 11, 21, 14), overdue: []
        ),
        OverdueRow(
            testDescription: "a minute past 24 hours", asOf: Fixture.utc(2026, 11, 21, 14, 1),
            overdue: ["debrief_recruiter:1:overdue", "send_thank_you:3:overdue", "send_thank_you:4:overdue"]),
        OverdueRow(
            testDescription: "a minute past 48 hours", asOf: Fixture.utc(2026, 11, 22, 14, 1),
            overdue: [
                "debrief_recruiter:1:overdue", "record_directions:-:overdue", "send_thank_you:3:overdue",
                "send_thank_you:4:overdue",
            ]),
    ])
    func overdue(_ row: OverdueRow) throws {
        let items = Fixture.engine.agenda(for: [Self.interviewed()], asOf: row.asOf, horizonDays: 14)
        #expect(Self.summary(items).filter { $0.hasSuffix(":overdue") } == row.overdue)
        let thankYou = try #require(items.first { $0.action == .sendThankYou })
        #expect(thankYou.message.contains("overdue since") == thankYou.overdue)
    }

    struct DoneRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        var route = Route.recruiterSubmitted
        var status = ApplicationStatus.active
        let extra: [EventFact]
        let expected: [String]
    }

    @Test(arguments: [
        DoneRow(
            testDescription: "a thank-you after the interview settles that interviewer",
            extra: [EventFact(id: 3, kind: .thankYou, occurredAt: Fixture.utc(2026, 11, 20, 18), contactId: 3)],
            expected: ["follow_up:1", "debrief_recruiter:1", "record_directions:-", "send_thank_you:4"]),
        DoneRow(
            testDescription: "a thank-you before the interview does not",
            extra: [EventFact(id: 3, kind: .thankYou, occurredAt: Fixture.utc(2026, 11, 19), contactId: 3)],
            expected: [
                "follow_up:1", "debrief_recruiter:1", "record_directions:-", "send_thank_you:3", "send_thank_you:4",
            ]),
        DoneRow(
            testDescription: "a debrief settles the debrief",
            extra: [EventFact(id: 3, kind: .debrief, occurredAt: Fixture.utc(2026, 11, 20, 17), contactId: 1)],
            expected: ["follow_up:1", "record_directions:-", "send_thank_you:3", "send_thank_you:4"]),
        DoneRow(
            testDescription: "directions settle record_directions",
            extra: [EventFact(id: 3, kind: .directions, occurredAt: Fixture.utc(2026, 11, 20, 16), contactId: 1)],
            expected: ["follow_up:1", "debrief_recruiter:1", "send_thank_you:3", "send_thank_you:4"]),
        DoneRow(
            testDescription: "after a pass: thank-you notes and the debrief stay, nothing else", status: .passed,
            extra: [EventFact(id: 3, kind: .pass, occurredAt: Fixture.utc(2026, 11, 20, 16))],
            expected: ["debrief_recruiter:1", "send_thank_you:3", "send_thank_you:4"]),
        DoneRow(
            testDescription: "withdrawn: thank-you notes and the debrief stay", status: .withdrawn, extra: [],
            expected: ["debrief_recruiter:1", "send_thank_you:3", "send_thank_you:4"]),
        DoneRow(
            testDescription: "posted opening: no recruiter to debrief", route: .postedOpening, extra: [],
            expected: ["follow_up:1", "record_directions:-", "send_thank_you:3", "send_thank_you:4"]),
    ])
    func settledAndFiltered(_ row: DoneRow) {
        let facts = Self.interviewed(row.route, status: row.status, row.extra)
        let items = Fixture.engine.agenda(for: [facts], asOf: Fixture.utc(2026, 11, 20, 20), horizonDays: 14)
        #expect(Self.summary(items) == row.expected)
    }

    struct HorizonRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let asOf: Instant
        let horizon: Int
        let listed: Bool
    }

    /// An unsolicited resume of Sun 1 Nov: the follow-up is due from Mon 16 Nov 00:00 UTC.
    @Test(arguments: [
        HorizonRow(
            testDescription: "due exactly at the horizon", asOf: Fixture.utc(2026, 11, 2), horizon: 14, listed: true),
        HorizonRow(
            testDescription: "a minute beyond the horizon", asOf: Fixture.utc(2026, 11, 1, 23, 59), horizon: 14,
            listed: false),
        HorizonRow(testDescription: "a shorter horizon", asOf: Fixture.utc(2026, 11, 2), horizon: 13, listed: false),
        HorizonRow(
            testDescription: "already due with horizon 0", asOf: Fixture.utc(2026, 11, 16), horizon: 0, listed: true),
        HorizonRow(
            testDescription: "long overdue with horizon 0", asOf: Fixture.utc(2027, 3, 1), horizon: 0, listed: true),
    ])
    func horizon(_ row: HorizonRow) {
        let facts = Fixture.application(
            .unsolicited, [EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 1, 9), contactId: 2)])
        let items = Fixture.engine.agenda(for: [facts], asOf: row.asOf, horizonDays: row.horizon)
        #expect(items.map(\.dueFrom) == (row.listed ? [Fixture.utc(2026, 11, 16)] : []))
    }

    struct FollowUpRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let route: Route
        var status = ApplicationStatus.active
        let events: [EventFact]
        let expected: (rule: RuleID, contact: Int?, channel: String, dueFrom: Instant)?
    }

    static let resumeToSam = EventFact(
        id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 2, channel: "letter")

    @Test(arguments: [
        FollowUpRow(
            testDescription: "posted opening: the resume's contact after the wait", route: .postedOpening,
            events: [resumeToSam], expected: (.waitBeforeFollowUp, 2, "letter", Fixture.utc(2026, 11, 9))),
        FollowUpRow(
            testDescription: "recruiter route: the recruiter", route: .recruiterSubmitted, events: [resumeToDana],
            expected: (.waitBeforeFollowUp, 1, "email", Fixture.utc(2026, 11, 9))),
        FollowUpRow(
            testDescription: "after an unanswered follow-up: the gap", route: .postedOpening,
            events: [
                resumeToSam, EventFact(id: 2, kind: .followUp, occurredAt: Fixture.utc(2026, 11, 9, 10), contactId: 2),
            ],
            expected: (.followUpGap, 2, "letter", Fixture.utc(2026, 11, 16))),
        FollowUpRow(
            testDescription: "directions: their contact, channel and date", route: .recruiterSubmitted,
            events: [
                resumeToDana,
                EventFact(
                    id: 2, kind: .directions, occurredAt: Fixture.utc(2026, 11, 10), contactId: 1,
                    followUpAfter: Fixture.date(2026, 11, 28), followUpContactId: 2, followUpChannel: "phone"),
            ], expected: (.followDirections, 2, "phone", Fixture.utc(2026, 11, 28))),
        FollowUpRow(
            testDescription: "limit reached: nothing", route: .postedOpening,
            events: [resumeToSam]
                + (0..<3).map {
                    EventFact(
                        id: 10 + $0, kind: .followUp, occurredAt: Fixture.utc(2026, 11, 9 + 7 * $0, 10), contactId: 2)
                }, expected: nil),
        FollowUpRow(
            testDescription: "on file: nothing", route: .postedOpening, status: .onFile, events: [resumeToSam],
            expected: nil),
        FollowUpRow(testDescription: "nothing sent: nothing", route: .postedOpening, events: [], expected: nil),
    ])
    func followUp(_ row: FollowUpRow) {
        let facts = Fixture.application(row.route, status: row.status, row.events)
        let items = Fixture.engine.agenda(for: [facts], asOf: Fixture.utc(2026, 12, 20), horizonDays: 14)
        let item = items.first { $0.action == .followUp }
        #expect(item?.rule == row.expected?.rule)
        #expect(item?.contactId == row.expected?.contact)
        #expect(item?.channel == row.expected?.channel)
        #expect(item?.dueFrom == row.expected?.dueFrom)
        #expect(item.map { !$0.overdue && $0.dueBy == nil } ?? true)
    }

    @Test(arguments: [(30, true), (14, false)])
    func touchBaseForARecruiterWithNoSearch(horizon: Int, listed: Bool) throws {
        let facts = Fixture.application(.recruiterGeneral, [Self.resumeToDana])
        let items = Fixture.engine.agenda(for: [facts], asOf: Fixture.utc(2026, 11, 10), horizonDays: horizon)
        #expect(Self.summary(items) == (listed ? ["follow_up:1", "touch_base:1"] : ["follow_up:1"]))
        if listed {
            let touch = try #require(items.last)
            #expect(touch.rule == .recruiterTouchBase)
            #expect(touch.dueFrom == Fixture.utc(2026, 12, 2))
            #expect(touch.dueBy == nil && touch.channel == "phone")
        }
        let submitted = Fixture.application(.recruiterSubmitted, [Self.resumeToDana])
        let none = Fixture.engine.agenda(for: [submitted], asOf: Fixture.utc(2026, 11, 10), horizonDays: horizon)
        #expect(!none.contains { $0.action == .touchBase })
    }

    @Test func orderedByDueFromThenApplicationThenAction() {
        let early = Fixture.application(
            .postedOpening, id: 30, [EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 10, 1, 9))])
        let second = Fixture.application(.postedOpening, id: 12, [Self.interview])
        let first = Fixture.application(.postedOpening, id: 11, [Self.interview])
        let items = Fixture.engine.agenda(
            for: [second, early, first], asOf: Fixture.utc(2026, 11, 20, 15), horizonDays: 14)
        #expect(
            items.map { "\($0.applicationId):\($0.action.rawValue):\($0.contactId ?? 0)" } == [
                "30:follow_up:0", "11:record_directions:0", "11:send_thank_you:3", "11:send_thank_you:4",
                "12:record_directions:0", "12:send_thank_you:3", "12:send_thank_you:4",
            ])
    }

    @Test func eventsAfterAsOfAreNotYetKnown() {
        let items = Fixture.engine.agenda(
            for: [Self.interviewed()], asOf: Fixture.utc(2026, 11, 20, 13), horizonDays: 14)
        #expect(Self.summary(items) == ["follow_up:1"])
    }

    @Test func nextActionIgnoresTheHorizon() {
        let facts = Fixture.application(
            .unsolicited, [EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 1, 9), contactId: 2)])
        let asOf = Fixture.utc(2026, 11, 1, 10)
        #expect(Fixture.engine.agenda(for: [facts], asOf: asOf, horizonDays: 1).isEmpty)
        let next = Fixture.engine.nextAction(for: facts, asOf: asOf)
        #expect(next?.action == .followUp)
        #expect(next?.dueFrom == Fixture.utc(2026, 11, 16))
        #expect(
            Fixture.engine.nextAction(for: Self.interviewed(), asOf: Fixture.utc(2026, 11, 20, 15))?.action == .followUp
        )
        #expect(Fixture.engine.nextAction(for: Fixture.application(.postedOpening, status: .passed), asOf: asOf) == nil)
    }

    struct SpanRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let facts: ApplicationFacts
        let asOf: Instant
        /// Whether the action found at `asOf` turns overdue later, which ends the span.
        let endsWhenOverdue: Bool
    }

    @Test(arguments: [
        SpanRow(
            testDescription: "a thank-you note not yet overdue: ends at its due time",
            facts: Fixture.application(.unsolicited, [AgendaTests.interview]), asOf: Fixture.utc(2026, 11, 20, 15),
            endsWhenOverdue: true),
        SpanRow(
            testDescription: "a thank-you note already overdue: open-ended",
            facts: Fixture.application(.unsolicited, [AgendaTests.interview]), asOf: Fixture.utc(2026, 11, 25),
            endsWhenOverdue: false),
        SpanRow(
            testDescription: "a follow-up first: open-ended, whatever else turns overdue",
            facts: AgendaTests.interviewed(), asOf: Fixture.utc(2026, 11, 20, 15), endsWhenOverdue: false),
        SpanRow(
            testDescription: "unanswered follow-ups counted",
            facts: Fixture.application(
                .unsolicited,
                Fixture.events(
                    [
                        (.resumeSent, Fixture.utc(2026, 11, 2, 9)), (.followUp, Fixture.utc(2026, 11, 16, 9)),
                        (.followUp, Fixture.utc(2026, 11, 23, 9)),
                    ], contact: 2)), asOf: Fixture.utc(2026, 11, 24), endsWhenOverdue: false),
        SpanRow(
            testDescription: "nothing to do", facts: Fixture.application(.postedOpening, status: .passed),
            asOf: Fixture.utc(2026, 11, 24), endsWhenOverdue: false),
    ])
    func nextActionHoldsOverItsSpan(_ row: SpanRow) throws {
        let engine = Fixture.engine
        let next = engine.nextAction(for: row.facts, asOf: row.asOf)
        let unanswered = engine.unansweredFollowUps(in: row.facts, asOf: row.asOf)
        let span = try #require(engine.nextActionSpan(for: row.facts, asOf: row.asOf, next: next))
        #expect(span.contains(row.asOf))
        #expect(span.lowerBound >= (row.facts.events.last?.occurredAt ?? GuidanceEngine.beforeEverything))
        #expect((span.upperBound != GuidanceEngine.afterEverything) == row.endsWhenOverdue)
        let finiteEnd =
            span.upperBound == GuidanceEngine.afterEverything
            ? row.asOf.adding(days: 400) : span.upperBound
        for probe in [span.lowerBound == GuidanceEngine.beforeEverything ? row.asOf : span.lowerBound, finiteEnd] {
            #expect(engine.nextAction(for: row.facts, asOf: probe) == next, "at \(probe)")
            #expect(engine.unansweredFollowUps(in: row.facts, asOf: probe) == unanswered, "at \(probe)")
        }
        if row.endsWhenOverdue {
            let after = engine.nextAction(for: row.facts, asOf: span.upperBound.adding(milliseconds: 1))
            #expect(after != next)
            #expect(after?.overdue == true)
        }
    }

    @Test func noSpanBeforeTheLatestEvent() {
        // Asked about a moment before the interview, a later moment knows of it.
        let facts = Fixture.application(.unsolicited, [Self.interview])
        let before = Fixture.utc(2026, 11, 20, 13)
        let engine = Fixture.engine
        #expect(
            engine.nextActionSpan(for: facts, asOf: before, next: engine.nextAction(for: facts, asOf: before)) == nil)
        #expect(engine.nextAction(for: facts, asOf: before) != engine.nextAction(for: facts, asOf: Self.interviewAt))
    }

    @Test func anOverdueActionHoldsOnlyFromJustAfterItsDueTime() throws {
        let facts = Fixture.application(.unsolicited, [Self.interview])
        let engine = Fixture.engine
        let late = Fixture.utc(2026, 11, 25)
        let next = try #require(engine.nextAction(for: facts, asOf: late))
        let dueBy = try #require(next.dueBy)
        let span = try #require(engine.nextActionSpan(for: facts, asOf: late, next: next))
        #expect(!span.contains(dueBy))
        #expect(span.contains(dueBy.adding(milliseconds: 1)))
        #expect(engine.nextAction(for: facts, asOf: dueBy) != next)
    }

    @Test func messagesUseTheConfiguredZone() throws {
        let engine = GuidanceEngine(settings: GuidanceSettings(timeZone: "America/New_York"))
        let items = engine.agenda(for: [Self.interviewed()], asOf: Fixture.utc(2026, 11, 20, 15), horizonDays: 14)
        let thankYou = try #require(items.first { $0.action == .sendThankYou })
        #expect(thankYou.message.contains("due by Sat 21 Nov 2026 09:00"))
        let followUp = try #require(items.first { $0.action == .followUp })
        #expect(followUp.dueFrom == Fixture.utc(2026, 11, 9, 5))
    }

    @Test func jsonShape() throws {
        let items = Fixture.engine.agenda(
            for: [Self.interviewed()], asOf: Fixture.utc(2026, 11, 20, 15), horizonDays: 14)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let objects = try #require(try JSONSerialization.jsonObject(with: encoder.encode(items)) as? [[String: Any]])
        let keys: Set<String> = [
            "application_id", "action", "rule", "contact_id", "channel", "due_from", "due_by", "overdue", "message",
        ]
        #expect(objects.allSatisfy { Set($0.keys) == keys })
        let directions = try #require(objects.first { $0["action"] as? String == "record_directions" })
        #expect(directions["contact_id"] is NSNull)
        #expect(directions["channel"] is NSNull)
        #expect(directions["rule"] as? String == "record-directions")
        #expect(directions["due_by"] as? String == "2026-11-22T14:00:00Z")
        let followUp = try #require(objects.first)
        #expect(followUp["due_by"] is NSNull)
        #expect(followUp["application_id"] as? Int == 10)
        #expect(followUp["overdue"] as? Bool == false)
    }
}
