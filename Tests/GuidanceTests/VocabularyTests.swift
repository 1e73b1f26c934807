import Foundation
import Testing

@testable import Guidance

/// docs/GUIDANCE.md, "Words": the event table (direction, side effects, answers) and the facts' timeline order.
struct VocabularyTests {
    @Test(arguments: [
        (EventKind.resumeSent, "resume_sent", EventDirection.outbound, false, ApplicationStatus?.none),
        (.followUp, "follow_up", .outbound, false, nil),
        (.response, "response", .inbound, true, nil),
        (.interview, "interview", .neutral, true, nil),
        (.directions, "directions", .inbound, true, nil),
        (.thankYou, "thank_you", .outbound, false, nil),
        (.debrief, "debrief", .outbound, false, nil),
        (.touchBase, "touch_base", .outbound, false, nil),
        (.keepOnFileRequest, "keep_on_file_request", .outbound, false, .onFile),
        (.pass, "pass", .inbound, false, .passed),
        (.offer, "offer", .inbound, true, .offer),
        (.offerDisclosure, "offer_disclosure", .outbound, false, nil),
        (.referralEndorsement, "referral_endorsement", .thirdParty, false, nil),
        (.note, "note", .neutral, false, nil),
    ])
    func eventTable(
        kind: EventKind, name: String, direction: EventDirection, answer: Bool, status: ApplicationStatus?
    ) {
        #expect(kind.rawValue == name)
        #expect(kind.direction == direction)
        #expect(kind.isAnswer == answer)
        #expect(kind.statusEffect == status)
    }

    @Test func everyKindIsInTheTable() {
        #expect(EventKind.allCases.count == 14)
        #expect(
            ApplicationStatus.allCases.map(\.rawValue) == [
                "active", "on_file", "passed", "offer", "accepted", "withdrawn",
            ])
        #expect(
            ContactRole.allCases.map(\.rawValue) == ["recruiter", "interviewer", "hiring_manager", "referral", "other"])
        #expect(EventDirection.thirdParty.rawValue == "third_party")
    }

    @Test(arguments: [
        (Route.postedOpening, "posted_opening", false), (.unsolicited, "unsolicited", false),
        (.recruiterSubmitted, "recruiter_submitted", true), (.recruiterGeneral, "recruiter_general", true),
    ])
    func routes(route: Route, name: String, recruiter: Bool) {
        #expect(route.rawValue == name)
        #expect(route.isRecruiterRoute == recruiter)
        #expect(route.requiresRecruiter == recruiter)
        #expect(route.seekerMadeOriginalContact == !recruiter)
    }

    @Test func agendaActionsSortByName() {
        let byRank = AgendaAction.allCases.sorted { $0.sortRank < $1.sortRank }.map(\.rawValue)
        #expect(byRank == AgendaAction.allCases.map(\.rawValue).sorted())
        #expect(
            Set(AgendaAction.allCases.map(\.rawValue)) == [
                "send_thank_you", "debrief_recruiter", "record_directions", "follow_up", "touch_base",
            ])
    }

    @Test func factsKeepTheTimelineInOrder() {
        let late = EventFact(id: 1, kind: .followUp, occurredAt: Fixture.utc(2026, 11, 9))
        let early = EventFact(id: 2, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2))
        let sameTimeLowerId = EventFact(id: 0, kind: .note, occurredAt: Fixture.utc(2026, 11, 9))
        var facts = ApplicationFacts(id: 1, route: .postedOpening, events: [late, early, sameTimeLowerId])
        #expect(facts.events.map(\.id) == [2, 0, 1])
        facts.record(EventFact(id: 3, kind: .response, occurredAt: Fixture.utc(2026, 11, 5)))
        facts.record(EventFact(id: 4, kind: .note, occurredAt: Fixture.utc(2026, 11, 9)))
        facts.record(EventFact(id: 5, kind: .note, occurredAt: Fixture.utc(2026, 11, 1)))
        #expect(facts.events.map(\.id) == [5, 2, 3, 0, 1, 4])
    }

    @Test func anEventIsItsProposalWithAnId() {
        let proposal = Proposal(
            kind: .directions, occurredAt: Fixture.utc(2026, 11, 9), contactId: 1, note: "call Monday",
            followUpAfter: Fixture.date(2026, 11, 16), followUpContactId: 1, followUpChannel: "phone",
            decisionExpectedBy: Fixture.date(2026, 12, 1))
        let event = EventFact(id: 7, proposal)
        #expect(event.id == 7)
        #expect(event.proposal == proposal)
    }

    /// Settings that were never validated are read within their ranges rather than trusted.
    @Test func outOfRangeSettingsAreReadWithinRange() {
        var settings = GuidanceSettings()
        settings.waitDaysPostedOpening = 10_000
        settings.maxUnansweredFollowUps = 0
        let engine = GuidanceEngine(settings: settings)
        let facts = Fixture.application(
            .postedOpening,
            [EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 2)])
        let result = engine.check(Fixture.followUp(at: Fixture.utc(2026, 11, 20), to: 2), in: facts)
        // 365 days after Mon 2 Nov 2026 is Tue 2 Nov 2027; a limit of 0 reads as 1, so a first follow-up is fine.
        #expect(result.earliestAllowedAt == Fixture.utc(2027, 11, 2))
        #expect(result.violations.map(\.rule) == [.waitBeforeFollowUp])
    }
}
