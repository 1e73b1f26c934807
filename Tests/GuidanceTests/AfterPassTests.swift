import Foundation
import Testing

@testable import Guidance

/// `no-contact-after-pass` and `no-persuasion-after-pass`: after a pass only a thank-you note to an actual
/// interviewer, or contact with the recruiter, is fine; nobody lobbies for the seeker.
struct AfterPassTests {
    static func timeline(_ route: Route) -> [EventFact] {
        [
            EventFact(
                id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9),
                contactId: route.isRecruiterRoute ? 1 : 2),
            EventFact(id: 2, kind: .interview, occurredAt: Fixture.utc(2026, 11, 10, 14), interviewerIds: [3]),
            EventFact(id: 3, kind: .pass, occurredAt: Fixture.utc(2026, 11, 12, 9)),
        ]
    }

    struct Row: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let route: Route
        var status = ApplicationStatus.passed
        let kind: EventKind
        let contact: Int?
        let rule: RuleID?
    }

    @Test(arguments: [
        Row(
            testDescription: "follow-up to the hiring manager", route: .postedOpening, kind: .followUp, contact: 2,
            rule: .noContactAfterPass),
        Row(
            testDescription: "follow-up with no contact reaches the employer", route: .postedOpening, kind: .followUp,
            contact: nil, rule: .noContactAfterPass),
        Row(
            testDescription: "thank-you to the interviewer", route: .postedOpening, kind: .thankYou, contact: 3,
            rule: nil),
        Row(
            testDescription: "thank-you to someone who did not interview", route: .postedOpening, kind: .thankYou,
            contact: 2, rule: .noContactAfterPass),
        Row(
            testDescription: "keep-on-file request to the employer", route: .unsolicited, kind: .keepOnFileRequest,
            contact: 2, rule: .noContactAfterPass),
        Row(
            testDescription: "debrief with the recruiter", route: .recruiterSubmitted, kind: .debrief, contact: 1,
            rule: nil),
        Row(
            testDescription: "call to the recruiter, contact unstated", route: .recruiterSubmitted, kind: .debrief,
            contact: nil, rule: nil),
        Row(
            testDescription: "thank-you to the interviewer on a recruiter route", route: .recruiterSubmitted,
            kind: .thankYou, contact: 3, rule: nil),
        Row(
            testDescription: "before a pass the hiring manager may hear from the seeker", route: .postedOpening,
            status: .active, kind: .followUp, contact: 2, rule: nil),
        Row(
            testDescription: "a good word after a pass", route: .postedOpening, kind: .referralEndorsement, contact: 5,
            rule: .noPersuasionAfterPass),
        Row(
            testDescription: "a good word while active", route: .postedOpening, status: .active,
            kind: .referralEndorsement, contact: 5, rule: nil),
    ])
    func afterPass(_ row: Row) {
        let facts = Fixture.application(row.route, status: row.status, Self.timeline(row.route))
        let proposal = Proposal(kind: row.kind, occurredAt: Fixture.utc(2026, 12, 1, 10), contactId: row.contact)
        let result = Fixture.engine.check(proposal, in: facts)
        #expect(result.violations.map(\.rule) == (row.rule.map { [$0] } ?? []))
        #expect(result.allowed == (row.rule == nil))
    }

    @Test func aRefusalOnARecruiterRoutePointsToTheRecruiter() throws {
        let facts = Fixture.application(.recruiterGeneral, status: .passed, Self.timeline(.recruiterGeneral))
        let result = Fixture.engine.check(Fixture.followUp(at: Fixture.utc(2026, 12, 1), to: 2, by: "email"), in: facts)
        #expect(result.violations.map(\.rule) == [.noContactAfterPass])
        #expect(result.suggestion == Suggestion(contactId: 1, channel: "email", at: Fixture.utc(2026, 12, 1)))
        let message = try #require(result.violations.first?.message)
        #expect(message.contains("Acme has passed"))
        #expect(message.contains("Dana Reyes (recruiter)"))
    }

    @Test func aRefusalWithoutARecruiterSuggestsNothing() {
        let facts = Fixture.application(.postedOpening, status: .passed, Self.timeline(.postedOpening))
        let result = Fixture.engine.check(Fixture.followUp(at: Fixture.utc(2026, 12, 1), to: 2), in: facts)
        #expect(!result.allowed)
        #expect(result.suggestion == nil)
    }
}
