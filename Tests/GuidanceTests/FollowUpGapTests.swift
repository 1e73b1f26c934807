import Foundation
import Testing
import Time

@testable import Guidance

/// `follow-up-gap`: 7 days between unanswered follow-ups; the earliest time is the later of the resume wait and
/// the gap (docs/GUIDANCE.md, How the timing of a follow-up is set).
struct FollowUpGapTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let timeline: [EventKind]
        let times: [Instant]
        let followUpAt: Instant
        let earliest: Instant
        let rule: RuleID?
    }

    static let resume = Fixture.utc(2026, 11, 2, 9)
    static let firstFollowUp = Fixture.utc(2026, 11, 9, 10)

    @Test(arguments: [
        Row(
            testDescription: "the minute before the gap ends", timeline: [.resumeSent, .followUp],
            times: [resume, firstFollowUp], followUpAt: Fixture.utc(2026, 11, 15, 23, 59),
            earliest: Fixture.utc(2026, 11, 16), rule: .followUpGap),
        Row(
            testDescription: "midnight ending the gap", timeline: [.resumeSent, .followUp],
            times: [resume, firstFollowUp],
            followUpAt: Fixture.utc(2026, 11, 16), earliest: Fixture.utc(2026, 11, 16), rule: nil),
        Row(
            testDescription: "a response clears the gap", timeline: [.resumeSent, .followUp, .response],
            times: [resume, firstFollowUp, Fixture.utc(2026, 11, 10)], followUpAt: Fixture.utc(2026, 11, 11),
            earliest: Fixture.utc(2026, 11, 9), rule: nil),
        Row(
            testDescription: "a later resend makes the resume wait govern",
            timeline: [.resumeSent, .followUp, .resumeSent],
            times: [resume, firstFollowUp, Fixture.utc(2026, 11, 12, 9)], followUpAt: Fixture.utc(2026, 11, 17),
            earliest: Fixture.utc(2026, 11, 19), rule: .waitBeforeFollowUp),
        Row(
            testDescription: "a gap ending on Sunday rolls to Monday", timeline: [.resumeSent, .followUp],
            times: [resume, Fixture.utc(2026, 11, 15, 10)], followUpAt: Fixture.utc(2026, 11, 22, 12),
            earliest: Fixture.utc(2026, 11, 23), rule: .followUpGap),
    ])
    func gap(_ row: Row) {
        let events = Fixture.events(Array(zip(row.timeline, row.times)), contact: 2)
        let result = Fixture.engine.check(
            Fixture.followUp(at: row.followUpAt, to: 2), in: Fixture.application(.postedOpening, events))
        #expect(result.earliestAllowedAt == row.earliest)
        #expect(result.violations.map(\.rule) == (row.rule.map { [$0] } ?? []))
        #expect(result.allowed == (row.rule == nil))
    }

    @Test func messageNamesTheUnansweredFollowUp() throws {
        let events = Fixture.events([(.resumeSent, Self.resume), (.followUp, Self.firstFollowUp)], contact: 2)
        let result = Fixture.engine.check(
            Fixture.followUp(at: Fixture.utc(2026, 11, 12), to: 2), in: Fixture.application(.postedOpening, events))
        let message = try #require(result.violations.first?.message)
        #expect(message.contains("Mon 9 Nov 2026"))
        #expect(message.contains("Mon 16 Nov 2026"))
    }
}
