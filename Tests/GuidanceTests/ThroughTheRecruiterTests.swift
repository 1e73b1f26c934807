import Foundation
import Testing

@testable import Guidance

/// `through-the-recruiter`: on a recruiter-submitted application every outbound contact goes to the recruiter,
/// unless direct contact is permitted or the latest directions name the employer's contact; thank-you notes to
/// interviewers are exempt.
struct ThroughTheRecruiterTests {
    static let base: [EventFact] = [
        EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 1),
        EventFact(id: 2, kind: .interview, occurredAt: Fixture.utc(2026, 11, 10, 14), interviewerIds: [3, 4]),
    ]

    struct Row: Sendable, CustomTestStringConvertible {
        let testDescription: String
        var route = Route.recruiterSubmitted
        var direct = false
        var extra: [EventFact] = []
        let kind: EventKind
        let contact: Int?
        let refused: Bool
        /// Whom the suggestion names when refused: the directions' contact, else the recruiter.
        var suggested = 1
    }

    static let namingSam = EventFact(
        id: 3, kind: .directions, occurredAt: Fixture.utc(2026, 11, 11), contactId: 1, followUpContactId: 2)

    @Test(arguments: [
        Row(testDescription: "follow-up to the recruiter", kind: .followUp, contact: 1, refused: false),
        Row(
            testDescription: "follow-up with no contact goes to the recruiter", kind: .followUp, contact: nil,
            refused: false),
        Row(testDescription: "follow-up around the recruiter", kind: .followUp, contact: 2, refused: true),
        Row(testDescription: "touch base around the recruiter", kind: .touchBase, contact: 2, refused: true),
        Row(testDescription: "direct contact permitted", direct: true, kind: .followUp, contact: 2, refused: false),
        Row(
            testDescription: "latest directions name the employer's contact", extra: [namingSam], kind: .followUp,
            contact: 2, refused: false),
        Row(
            testDescription: "directions naming someone else do not open the door", extra: [namingSam],
            kind: .followUp, contact: 3, refused: true, suggested: 2),
        Row(testDescription: "thank-you to an interviewer is exempt", kind: .thankYou, contact: 3, refused: false),
        Row(testDescription: "thank-you to someone who did not interview", kind: .thankYou, contact: 2, refused: true),
        Row(
            testDescription: "inbound events are not contact the seeker makes", kind: .response, contact: 2,
            refused: false),
        Row(
            testDescription: "recruiter general: no employer was approached", route: .recruiterGeneral,
            kind: .followUp, contact: 2, refused: false),
        Row(
            testDescription: "posted opening: no recruiter", route: .postedOpening, kind: .followUp, contact: 2,
            refused: false),
    ])
    func recipient(_ row: Row) {
        let facts = Fixture.application(row.route, direct: row.direct, Self.base + row.extra)
        let proposal = Proposal(kind: row.kind, occurredAt: Fixture.utc(2026, 11, 20, 10), contactId: row.contact)
        let result = Fixture.engine.check(proposal, in: facts)
        #expect(result.violations.contains { $0.rule == .throughTheRecruiter } == row.refused)
        #expect(result.allowed == !row.refused)
        if row.refused {
            #expect(result.suggestion?.contactId == row.suggested)
        }
    }

    @Test func messageNamesTheRecruiter() throws {
        let result = Fixture.engine.check(
            Fixture.followUp(at: Fixture.utc(2026, 11, 20), to: 2),
            in: Fixture.application(.recruiterSubmitted, Self.base))
        let message = try #require(result.violations.first?.message)
        #expect(message.contains("Dana Reyes (recruiter)"))
        #expect(message.contains("Sam Lee (hiring manager)"))
        #expect(message.contains("Acme"))
    }
}
