import Foundation
import Testing
import Time

@testable import Guidance

/// One application from resume to offer, taking the advice at every step: each event is checked before it is
/// recorded, and the agenda is read after it.
struct ScenarioTests {
    struct Walk {
        var facts = Fixture.application(.recruiterSubmitted, others: [20: .offer])
        var nextId = 1
        let engine = GuidanceEngine(settings: GuidanceSettings(timeZone: "Europe/London"))

        /// Checks a proposal and records it only when allowed; returns the verdict.
        mutating func propose(_ proposal: Proposal) -> CheckResult {
            let result = engine.check(proposal, in: facts)
            if result.allowed {
                record(proposal)
            }
            return result
        }

        mutating func record(_ proposal: Proposal) {
            facts.record(EventFact(id: nextId, proposal))
            nextId += 1
            if let status = proposal.kind.statusEffect {
                facts.status = status
            }
        }

        func agenda(_ asOf: Instant) -> [String] {
            engine.agenda(for: [facts], asOf: asOf, horizonDays: 14).map {
                "\($0.action.rawValue)@\($0.contactId.map(String.init) ?? "-")"
            }
        }
    }

    @Test func fromResumeToOffer() throws {
        var walk = Walk()
        // 1. The recruiter sends the resume on Mon 2 Nov.
        #expect(
            walk.propose(
                Proposal(kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 1, channel: "email")
            ).allowed)
        #expect(walk.agenda(Fixture.utc(2026, 11, 2, 10)) == ["follow_up@1"])
        let first = try #require(walk.engine.nextAction(for: walk.facts, asOf: Fixture.utc(2026, 11, 2, 10)))
        #expect(first.dueFrom == Fixture.utc(2026, 11, 9) && first.rule == .waitBeforeFollowUp)

        // 2. An eager follow-up on Thursday is refused; the suggestion gives Monday through the recruiter.
        let eager = walk.propose(Fixture.followUp(at: Fixture.utc(2026, 11, 5, 9), to: 2, by: "phone"))
        #expect(eager.violations.map(\.rule) == [.waitBeforeFollowUp, .throughTheRecruiter])
        let advice = try #require(eager.suggestion)
        #expect(advice == Suggestion(contactId: 1, channel: "phone", at: Fixture.utc(2026, 11, 9)))
        #expect(
            walk.propose(
                Fixture.followUp(at: advice.at.adding(seconds: 9 * 3600), to: advice.contactId, by: advice.channel)
            ).allowed)
        #expect(walk.engine.nextAction(for: walk.facts, asOf: Fixture.utc(2026, 11, 9, 10))?.rule == .followUpGap)

        // 3. The recruiter answers: an interview is set up for Wed 18 Nov.
        walk.record(Proposal(kind: .response, occurredAt: Fixture.utc(2026, 11, 11, 9), contactId: 1))
        #expect(walk.engine.unansweredFollowUps(in: walk.facts) == 0)
        walk.record(Proposal(kind: .interview, occurredAt: Fixture.utc(2026, 11, 18, 15), interviewerIds: [3, 2]))
        #expect(
            walk.agenda(Fixture.utc(2026, 11, 18, 16)) == [
                "follow_up@1", "debrief_recruiter@1", "record_directions@-", "send_thank_you@2", "send_thank_you@3",
            ])

        // 4. Thank-you notes go straight to both interviewers; the debrief and the directions go through the recruiter.
        for interviewer in [3, 2] {
            let note = walk.propose(
                Proposal(
                    kind: .thankYou, occurredAt: Fixture.utc(2026, 11, 18, 20), contactId: interviewer, channel: "email"
                ))
            #expect(note.allowed && note.warnings.isEmpty)
        }
        #expect(
            walk.propose(
                Proposal(kind: .debrief, occurredAt: Fixture.utc(2026, 11, 19, 9), contactId: 1, channel: "phone")
            ).allowed)
        let directions = Proposal(
            kind: .directions, occurredAt: Fixture.utc(2026, 11, 19, 9, 30), contactId: 1,
            followUpAfter: Fixture.date(2026, 11, 30), followUpContactId: 1, followUpChannel: "phone",
            decisionExpectedBy: Fixture.date(2026, 12, 4))
        try directions.validateInput()
        walk.record(directions)
        #expect(walk.agenda(Fixture.utc(2026, 11, 19, 10)) == ["follow_up@1"])
        let directed = try #require(walk.engine.nextAction(for: walk.facts, asOf: Fixture.utc(2026, 11, 19, 10)))
        #expect(
            directed.rule == .followDirections && directed.channel == "phone"
                && directed.dueFrom == Fixture.utc(2026, 11, 30))

        // 5. The seeker holds another offer and tells the recruiter once; telling them twice would be pressure.
        let disclosure = Proposal(
            kind: .offerDisclosure, occurredAt: Fixture.utc(2026, 11, 24, 9), contactId: 1, channel: "phone",
            otherApplicationId: 20)
        let told = walk.propose(disclosure)
        #expect(told.allowed && told.warnings.isEmpty)
        #expect(walk.engine.check(disclosure, in: walk.facts).warnings.map(\.rule) == [.noPressureTactics])

        // 6. Following up before the date the directions gave is refused; on the date, by phone, it is fine.
        let early = walk.propose(Fixture.followUp(at: Fixture.utc(2026, 11, 27, 9), to: 1, by: "phone"))
        #expect(early.violations.map(\.rule) == [.followDirections])
        #expect(early.suggestion?.at == Fixture.utc(2026, 11, 30))
        #expect(walk.propose(Fixture.followUp(at: Fixture.utc(2026, 11, 30, 9), to: 1, by: "phone")).allowed)
        #expect(walk.agenda(Fixture.utc(2026, 11, 30, 10)) == ["follow_up@1"])
        #expect(walk.engine.nextAction(for: walk.facts, asOf: Fixture.utc(2026, 11, 30, 10))?.rule == .followUpGap)

        // 7. The offer arrives: nothing is left to chase.
        walk.record(Proposal(kind: .offer, occurredAt: Fixture.utc(2026, 12, 3, 9), contactId: 1))
        #expect(walk.facts.status == .offer)
        #expect(walk.agenda(Fixture.utc(2026, 12, 3, 10)).isEmpty)
        #expect(walk.engine.nextAction(for: walk.facts, asOf: Fixture.utc(2026, 12, 3, 10)) == nil)
    }
}
