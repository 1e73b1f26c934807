import Foundation
import Testing
import Time

@testable import Guidance

/// `wait-before-follow-up`: the first follow-up waits 7 days (posted opening, recruiter) or 14 (unsolicited),
/// ending at local midnight, moved off weekends (docs/GUIDANCE.md, Waits of days).
struct WaitBeforeFollowUpTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let testDescription: String
        var zone = "UTC"
        var skipWeekends = true
        let route: Route
        let resumeAt: Instant
        let followUpAt: Instant
        let earliest: Instant
        let allowed: Bool
    }

    static let rows: [Row] = [
        Row(
            testDescription: "posted opening: the minute before day 7", route: .postedOpening,
            resumeAt: Fixture.utc(2026, 11, 2, 9), followUpAt: Fixture.utc(2026, 11, 8, 23, 59),
            earliest: Fixture.utc(2026, 11, 9), allowed: false),
        Row(
            testDescription: "posted opening: midnight starting day 7", route: .postedOpening,
            resumeAt: Fixture.utc(2026, 11, 2, 9), followUpAt: Fixture.utc(2026, 11, 9),
            earliest: Fixture.utc(2026, 11, 9), allowed: true),
        Row(
            testDescription: "unsolicited: day 7 is still too soon", route: .unsolicited,
            resumeAt: Fixture.utc(2026, 11, 2, 9), followUpAt: Fixture.utc(2026, 11, 9, 12),
            earliest: Fixture.utc(2026, 11, 16), allowed: false),
        Row(
            testDescription: "unsolicited: the minute before day 14", route: .unsolicited,
            resumeAt: Fixture.utc(2026, 11, 2, 9), followUpAt: Fixture.utc(2026, 11, 15, 23, 59),
            earliest: Fixture.utc(2026, 11, 16), allowed: false),
        Row(
            testDescription: "unsolicited: midnight starting day 14", route: .unsolicited,
            resumeAt: Fixture.utc(2026, 11, 2, 9), followUpAt: Fixture.utc(2026, 11, 16),
            earliest: Fixture.utc(2026, 11, 16), allowed: true),
        Row(
            testDescription: "recruiter submitted: the minute before day 7", route: .recruiterSubmitted,
            resumeAt: Fixture.utc(2026, 11, 2, 9), followUpAt: Fixture.utc(2026, 11, 8, 23, 59),
            earliest: Fixture.utc(2026, 11, 9), allowed: false),
        Row(
            testDescription: "recruiter general: midnight starting day 7", route: .recruiterGeneral,
            resumeAt: Fixture.utc(2026, 11, 2, 9), followUpAt: Fixture.utc(2026, 11, 9),
            earliest: Fixture.utc(2026, 11, 9), allowed: true),
        Row(
            testDescription: "a wait ending on Saturday rolls to Monday", route: .postedOpening,
            resumeAt: Fixture.utc(2026, 11, 7, 9), followUpAt: Fixture.utc(2026, 11, 15, 23, 59),
            earliest: Fixture.utc(2026, 11, 16), allowed: false),
        Row(
            testDescription: "Monday after the weekend roll", route: .postedOpening,
            resumeAt: Fixture.utc(2026, 11, 7, 9), followUpAt: Fixture.utc(2026, 11, 16),
            earliest: Fixture.utc(2026, 11, 16), allowed: true),
        Row(
            testDescription: "without skip_weekends Saturday is fine", skipWeekends: false, route: .postedOpening,
            resumeAt: Fixture.utc(2026, 11, 7, 9), followUpAt: Fixture.utc(2026, 11, 14),
            earliest: Fixture.utc(2026, 11, 14), allowed: true),
        Row(
            testDescription: "New York across the DST end: the minute before EST midnight", zone: "America/New_York",
            route: .postedOpening, resumeAt: Fixture.local("America/New_York", 2026, 10, 30, 10),
            followUpAt: Fixture.utc(2026, 11, 6, 4, 59), earliest: Fixture.utc(2026, 11, 6, 5), allowed: false),
        Row(
            testDescription: "New York across the DST end: EST midnight", zone: "America/New_York",
            route: .postedOpening, resumeAt: Fixture.local("America/New_York", 2026, 10, 30, 10),
            followUpAt: Fixture.utc(2026, 11, 6, 5), earliest: Fixture.utc(2026, 11, 6, 5), allowed: true),
        Row(
            testDescription: "Auckland: local date is a day ahead of UTC", zone: "Pacific/Auckland",
            route: .postedOpening, resumeAt: Fixture.utc(2026, 11, 2, 20), followUpAt: Fixture.utc(2026, 11, 9, 10, 59),
            earliest: Fixture.utc(2026, 11, 9, 11), allowed: false),
        Row(
            testDescription: "Auckland: local midnight of day 7", zone: "Pacific/Auckland", route: .postedOpening,
            resumeAt: Fixture.utc(2026, 11, 2, 20), followUpAt: Fixture.utc(2026, 11, 9, 11),
            earliest: Fixture.utc(2026, 11, 9, 11), allowed: true),
        Row(
            testDescription: "Los Angeles late evening counts as the local day", zone: "America/Los_Angeles",
            route: .postedOpening, resumeAt: Fixture.utc(2026, 11, 3, 6, 30),
            followUpAt: Fixture.utc(2026, 11, 9, 7, 59),
            earliest: Fixture.utc(2026, 11, 9, 8), allowed: false),
    ]

    @Test(arguments: rows)
    func timing(_ row: Row) {
        let engine = GuidanceEngine(settings: GuidanceSettings(timeZone: row.zone, skipWeekends: row.skipWeekends))
        let contact = row.route.isRecruiterRoute ? 1 : 2
        let facts = Fixture.application(
            row.route, [EventFact(id: 1, kind: .resumeSent, occurredAt: row.resumeAt, contactId: contact)])
        let result = engine.check(Fixture.followUp(at: row.followUpAt, to: contact), in: facts)
        #expect(result.earliestAllowedAt == row.earliest)
        #expect(result.allowed == row.allowed)
        #expect(result.violations.map(\.rule) == (row.allowed ? [] : [.waitBeforeFollowUp]))
        #expect(result.warnings.isEmpty)
    }

    @Test func messageNamesTheLocalDates() throws {
        let facts = Fixture.application(
            .postedOpening, [EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 2)]
        )
        let result = Fixture.engine.check(Fixture.followUp(at: Fixture.utc(2026, 11, 5)), in: facts)
        let message = try #require(result.violations.first?.message)
        #expect(message.contains("Mon 2 Nov 2026"))
        #expect(message.contains("Mon 9 Nov 2026"))
        #expect(message.contains("posted opening"))
    }

    @Test func noResumeNoFollowUpMeansNoTiming() {
        let result = Fixture.engine.check(
            Fixture.followUp(at: Fixture.utc(2026, 11, 5)), in: Fixture.application(.postedOpening))
        #expect(result.earliestAllowedAt == nil)
        #expect(result.allowed)
    }

    /// Only `follow_up` is timed: thank-you notes and debriefs are due at once.
    @Test(arguments: [EventKind.thankYou, .debrief, .keepOnFileRequest, .touchBase])
    func otherOutboundKindsAreNotTimed(kind: EventKind) {
        let facts = Fixture.application(
            .recruiterSubmitted,
            [
                EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 1),
                EventFact(id: 2, kind: .interview, occurredAt: Fixture.utc(2026, 11, 3, 9), interviewerIds: [3]),
            ])
        let contact = kind == .thankYou ? 3 : 1
        let result = Fixture.engine.check(
            Proposal(kind: kind, occurredAt: Fixture.utc(2026, 11, 3, 12), contactId: contact), in: facts)
        #expect(result.earliestAllowedAt == nil)
        #expect(result.violations.isEmpty)
    }
}
