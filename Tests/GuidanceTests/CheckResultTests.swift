import Foundation
import Testing

@testable import Guidance

/// `POST /v1/applications/{id}/check`: `allowed` is false exactly when a `block` rule is broken; the suggestion
/// gives the right recipient and channel at the earliest allowed time; the JSON shape openapi.yaml gives a check result.
struct CheckResultTests {
    static let resume = EventFact(
        id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 1, channel: "phone")

    @Test func aTooEarlyFollowUpAroundTheRecruiterIsRedirectedAndDelayed() throws {
        let facts = Fixture.application(.recruiterSubmitted, [Self.resume])
        let result = Fixture.engine.check(
            Fixture.followUp(at: Fixture.utc(2026, 11, 4), to: 2, by: "balloons"), in: facts)
        #expect(!result.allowed)
        #expect(result.violations.map(\.rule) == [.waitBeforeFollowUp, .throughTheRecruiter, .standardChannels])
        #expect(result.violations.allSatisfy { $0.severity == .block })
        #expect(result.suggestion == Suggestion(contactId: 1, channel: "phone", at: Fixture.utc(2026, 11, 9)))
    }

    @Test func anAllowedEventHasNoSuggestion() {
        let facts = Fixture.application(.recruiterSubmitted, [Self.resume])
        let result = Fixture.engine.check(Fixture.followUp(at: Fixture.utc(2026, 11, 10), to: 1), in: facts)
        #expect(result.allowed)
        #expect(result.suggestion == nil)
        #expect(result.earliestAllowedAt == Fixture.utc(2026, 11, 9))
    }

    @Test func warningsAloneDoNotRefuse() {
        let facts = Fixture.application(.unsolicited, status: .onFile, [Self.resume])
        let result = Fixture.engine.check(Fixture.followUp(at: Fixture.utc(2026, 12, 1), to: 2), in: facts)
        #expect(result.allowed)
        #expect(result.violations.isEmpty)
        #expect(result.warnings.map(\.rule) == [.onFileRest])
    }

    @Test func eventsAfterTheProposalAreNotYetKnown() {
        let events = [
            Self.resume,
            EventFact(id: 2, kind: .followUp, occurredAt: Fixture.utc(2026, 11, 20), contactId: 1),
        ]
        let facts = Fixture.application(.recruiterSubmitted, events)
        // Back-filling a follow-up on 10 Nov: the one of 20 Nov had not happened then.
        let result = Fixture.engine.check(Fixture.followUp(at: Fixture.utc(2026, 11, 10), to: 1), in: facts)
        #expect(result.allowed)
        #expect(result.earliestAllowedAt == Fixture.utc(2026, 11, 9))
    }

    @Test func jsonShape() throws {
        let facts = Fixture.application(.recruiterSubmitted, [Self.resume])
        let refused = Fixture.engine.check(Fixture.followUp(at: Fixture.utc(2026, 11, 4), to: 1), in: facts)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(refused)) as? [String: Any])
        #expect(Set(object.keys) == ["allowed", "earliest_allowed_at", "violations", "warnings", "suggestion"])
        #expect(object["earliest_allowed_at"] as? String == "2026-11-09T00:00:00Z")
        let violation = try #require((object["violations"] as? [[String: Any]])?.first)
        #expect(violation["rule"] as? String == "wait-before-follow-up")
        #expect(violation["severity"] as? String == "block")
        #expect(violation["message"] is String)
        let suggestion = try #require(object["suggestion"] as? [String: Any])
        #expect(suggestion["contact_id"] as? Int == 1)
        #expect(suggestion["at"] as? String == "2026-11-09T00:00:00Z")

        let note = Fixture.engine.check(Proposal(kind: .note, occurredAt: Fixture.utc(2026, 11, 4)), in: facts)
        let empty = try #require(try JSONSerialization.jsonObject(with: encoder.encode(note)) as? [String: Any])
        #expect(empty["earliest_allowed_at"] is NSNull)
        #expect(empty["suggestion"] is NSNull)
        #expect(empty["allowed"] as? Bool == true)
    }
}
