import Foundation
import Testing
import Time

@testable import Guidance

/// `follow-directions`: recorded directions replace the default waits until a follow-up follows them, and their
/// contact and channel bind every follow-up until newer directions (docs/GUIDANCE.md, `follow-directions`).
struct FollowDirectionsTests {
    static let resume = EventFact(
        id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 2, channel: "email")

    static func directions(
        after date: LocalDate?, contact: Int? = nil, channel: String? = nil, at: Instant = Fixture.utc(2026, 11, 4, 15)
    ) -> EventFact {
        EventFact(
            id: 2, kind: .directions, occurredAt: at, contactId: 2, followUpAfter: date, followUpContactId: contact,
            followUpChannel: channel)
    }

    struct TimingRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let events: [EventFact]
        let followUpAt: Instant
        let earliest: Instant
        let rule: RuleID?
    }

    @Test(arguments: [
        TimingRow(
            testDescription: "earlier than the default wait: the minute before the date",
            events: [resume, directions(after: Fixture.date(2026, 11, 5))],
            followUpAt: Fixture.utc(2026, 11, 4, 23, 59),
            earliest: Fixture.utc(2026, 11, 5), rule: .followDirections),
        TimingRow(
            testDescription: "earlier than the default wait: midnight starting the date",
            events: [resume, directions(after: Fixture.date(2026, 11, 5))], followUpAt: Fixture.utc(2026, 11, 5),
            earliest: Fixture.utc(2026, 11, 5), rule: nil),
        TimingRow(
            testDescription: "later than the default wait: default day is refused",
            events: [resume, directions(after: Fixture.date(2026, 11, 30))], followUpAt: Fixture.utc(2026, 11, 9),
            earliest: Fixture.utc(2026, 11, 30), rule: .followDirections),
        TimingRow(
            testDescription: "later than the default wait: the minute before the date",
            events: [resume, directions(after: Fixture.date(2026, 11, 30))],
            followUpAt: Fixture.utc(2026, 11, 29, 23, 59), earliest: Fixture.utc(2026, 11, 30), rule: .followDirections),
        TimingRow(
            testDescription: "later than the default wait: the date itself",
            events: [resume, directions(after: Fixture.date(2026, 11, 30))], followUpAt: Fixture.utc(2026, 11, 30),
            earliest: Fixture.utc(2026, 11, 30), rule: nil),
        TimingRow(
            testDescription: "a Saturday date is not moved off the weekend",
            events: [resume, directions(after: Fixture.date(2026, 11, 14))], followUpAt: Fixture.utc(2026, 11, 14),
            earliest: Fixture.utc(2026, 11, 14), rule: nil),
        TimingRow(
            testDescription: "directions without a date leave the default wait",
            events: [resume, directions(after: nil)], followUpAt: Fixture.utc(2026, 11, 8, 23, 59),
            earliest: Fixture.utc(2026, 11, 9), rule: .waitBeforeFollowUp),
        TimingRow(
            testDescription: "after a follow-up followed the directions, the gap applies again",
            events: [
                resume, directions(after: Fixture.date(2026, 11, 5)),
                EventFact(id: 3, kind: .followUp, occurredAt: Fixture.utc(2026, 11, 5, 10), contactId: 2),
            ], followUpAt: Fixture.utc(2026, 11, 6), earliest: Fixture.utc(2026, 11, 12), rule: .followUpGap),
    ])
    func timing(_ row: TimingRow) {
        let result = Fixture.engine.check(
            Fixture.followUp(at: row.followUpAt, to: 2), in: Fixture.application(.postedOpening, row.events))
        #expect(result.earliestAllowedAt == row.earliest)
        #expect(result.violations.map(\.rule) == (row.rule.map { [$0] } ?? []))
    }

    struct BindingRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let directions: [EventFact]
        let contact: Int?
        let channel: String?
        let violations: Int
    }

    @Test(arguments: [
        BindingRow(
            testDescription: "the named contact by the named channel",
            directions: [directions(after: nil, contact: 2, channel: "phone")],
            contact: 2, channel: "phone", violations: 0),
        BindingRow(
            testDescription: "another contact", directions: [directions(after: nil, contact: 2)], contact: 3,
            channel: "email", violations: 1),
        BindingRow(
            testDescription: "another channel", directions: [directions(after: nil, channel: "phone")], contact: 2,
            channel: "email", violations: 1),
        BindingRow(
            testDescription: "both wrong", directions: [directions(after: nil, contact: 2, channel: "phone")],
            contact: 3,
            channel: "letter", violations: 2),
        BindingRow(
            testDescription: "unstated contact and channel follow the directions",
            directions: [directions(after: nil, contact: 2, channel: "phone")], contact: nil, channel: nil,
            violations: 0),
        BindingRow(
            testDescription: "newer directions without a contact release the binding",
            directions: [
                directions(after: nil, contact: 2, channel: "phone"),
                EventFact(id: 5, kind: .directions, occurredAt: Fixture.utc(2026, 11, 6)),
            ], contact: 3, channel: "email", violations: 0),
    ])
    func binding(_ row: BindingRow) {
        let facts = Fixture.application(.postedOpening, [Self.resume] + row.directions)
        let result = Fixture.engine.check(
            Fixture.followUp(at: Fixture.utc(2026, 11, 20), to: row.contact, by: row.channel), in: facts)
        #expect(result.violations.filter { $0.rule == .followDirections }.count == row.violations)
        #expect(result.violations.count == row.violations)
    }

    @Test func messagesNameThePersonAndTheDate() throws {
        let facts = Fixture.application(
            .postedOpening,
            [Self.resume, Self.directions(after: Fixture.date(2026, 11, 30), contact: 2, channel: "phone")])
        let result = Fixture.engine.check(
            Fixture.followUp(at: Fixture.utc(2026, 11, 20), to: 3, by: "email"), in: facts)
        let messages = result.violations.map(\.message)
        #expect(messages.count == 3)
        #expect(messages[0].contains("Mon 30 Nov 2026"))
        #expect(messages[1].contains("Sam Lee (hiring manager)"))
        #expect(messages[2].contains("phone"))
        let suggestion = try #require(result.suggestion)
        #expect(suggestion == Suggestion(contactId: 2, channel: "phone", at: Fixture.utc(2026, 11, 30)))
    }
}
