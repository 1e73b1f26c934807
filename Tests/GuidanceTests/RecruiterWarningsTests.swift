import Foundation
import Testing
import Time

@testable import Guidance

/// The warnings `recruiter-touch-base`, `resume-resend-needs-update` and `on-file-rest`: the event is allowed and
/// the response carries the warning.
struct RecruiterWarningsTests {
    static let resumeToDana = EventFact(
        id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 1, channel: "email")

    struct TouchRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let events: [EventFact]
        let at: Instant
        let warned: Bool
    }

    @Test(arguments: [
        TouchRow(
            testDescription: "the minute before 30 days", events: [resumeToDana], at: Fixture.utc(2026, 12, 1, 23, 59),
            warned: true),
        TouchRow(
            testDescription: "midnight starting day 30", events: [resumeToDana], at: Fixture.utc(2026, 12, 2),
            warned: false),
        TouchRow(
            testDescription: "measured from the latest outbound event to the recruiter",
            events: [
                resumeToDana,
                EventFact(id: 2, kind: .touchBase, occurredAt: Fixture.utc(2026, 12, 2, 10), contactId: 1),
            ], at: Fixture.utc(2026, 12, 20), warned: true),
        TouchRow(
            testDescription: "an inbound call from the recruiter does not restart the interval",
            events: [
                resumeToDana, EventFact(id: 2, kind: .response, occurredAt: Fixture.utc(2026, 11, 25), contactId: 1),
            ], at: Fixture.utc(2026, 12, 2), warned: false),
        TouchRow(
            testDescription: "nothing sent to the recruiter yet", events: [], at: Fixture.utc(2026, 11, 3),
            warned: false),
    ])
    func touchBase(_ row: TouchRow) {
        let facts = Fixture.application(.recruiterGeneral, row.events)
        let result = Fixture.engine.check(Proposal(kind: .touchBase, occurredAt: row.at, contactId: 1), in: facts)
        #expect(result.allowed)
        #expect(result.warnings.map(\.rule) == (row.warned ? [.recruiterTouchBase] : []))
    }

    struct ResendRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let route: Route
        let events: [EventFact]
        let contact: Int?
        let note: String?
        let warned: Bool
    }

    @Test(arguments: [
        ResendRow(
            testDescription: "first copy", route: .recruiterGeneral, events: [], contact: 1, note: nil, warned: false),
        ResendRow(
            testDescription: "repeat copy without a note", route: .recruiterGeneral, events: [resumeToDana], contact: 1,
            note: nil, warned: true),
        ResendRow(
            testDescription: "repeat copy with a blank note", route: .recruiterGeneral, events: [resumeToDana],
            contact: 1, note: "  \n", warned: true),
        ResendRow(
            testDescription: "repeat copy saying what changed", route: .recruiterGeneral, events: [resumeToDana],
            contact: 1, note: "new certification", warned: false),
        ResendRow(
            testDescription: "repeat copy, recipient unstated, reaches the recruiter", route: .recruiterGeneral,
            events: [resumeToDana], contact: nil, note: nil, warned: true),
        ResendRow(
            testDescription: "a copy to someone else", route: .postedOpening,
            events: [EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 2)],
            contact: 2, note: nil, warned: false),
    ])
    func resend(_ row: ResendRow) {
        let facts = Fixture.application(row.route, row.events)
        let proposal = Proposal(
            kind: .resumeSent, occurredAt: Fixture.utc(2026, 12, 10), contactId: row.contact, note: row.note)
        let result = Fixture.engine.check(proposal, in: facts)
        #expect(result.allowed)
        #expect(result.warnings.map(\.rule) == (row.warned ? [.resumeResendNeedsUpdate] : []))
    }

    @Test(arguments: [(ApplicationStatus.onFile, true), (.active, false)])
    func onFileRest(status: ApplicationStatus, warned: Bool) {
        let facts = Fixture.application(
            .unsolicited, status: status,
            [
                EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 2),
                EventFact(id: 2, kind: .keepOnFileRequest, occurredAt: Fixture.utc(2026, 11, 20), contactId: 2),
            ])
        let result = Fixture.engine.check(Fixture.followUp(at: Fixture.utc(2027, 1, 11), to: 2), in: facts)
        #expect(result.allowed)
        #expect(result.warnings.map(\.rule) == (warned ? [.onFileRest] : []))
    }
}
