import Foundation
import Testing
import Time

@testable import Guidance

/// `follow-up-limit`: with the default of 3, the 3rd unanswered follow-up is allowed and the 4th refused; an answer
/// of any kind resets the count.
struct FollowUpLimitTests {
    /// A resume and `count` follow-ups, each two weeks after the previous one.
    static func timeline(followUps count: Int, then extra: [(EventKind, Instant)] = []) -> [EventFact] {
        var entries: [(EventKind, Instant)] = [(.resumeSent, Fixture.utc(2026, 1, 5, 9))]
        for index in 0..<count {
            entries.append((.followUp, Fixture.utc(2026, 1, 19, 9).adding(days: index * 14)))
        }
        return Fixture.events(entries + extra, contact: 2)
    }

    static let later = Fixture.utc(2026, 6, 1, 9)

    struct Row: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let previous: Int
        var maximum = 3
        let allowed: Bool
    }

    @Test(arguments: [
        Row(testDescription: "1st follow-up", previous: 0, allowed: true),
        Row(testDescription: "3rd unanswered follow-up is allowed", previous: 2, allowed: true),
        Row(testDescription: "4th unanswered follow-up is refused", previous: 3, allowed: false),
        Row(testDescription: "5th is refused too", previous: 4, allowed: false),
        Row(testDescription: "limit 1: the 2nd is refused", previous: 1, maximum: 1, allowed: false),
        Row(testDescription: "limit 5: the 5th is allowed", previous: 4, maximum: 5, allowed: true),
    ])
    func limit(_ row: Row) throws {
        var settings = GuidanceSettings()
        settings.maxUnansweredFollowUps = row.maximum
        let engine = GuidanceEngine(settings: settings)
        let facts = Fixture.application(.postedOpening, Self.timeline(followUps: row.previous))
        #expect(engine.unansweredFollowUps(in: facts) == row.previous)
        let result = engine.check(Fixture.followUp(at: Self.later, to: 2), in: facts)
        #expect(result.allowed == row.allowed)
        #expect(result.violations.map(\.rule) == (row.allowed ? [] : [.followUpLimit]))
        if !row.allowed {
            #expect(result.suggestion == nil, "no time or recipient makes another follow-up right")
            let message = try #require(result.violations.first?.message)
            #expect(message.contains("\(row.previous) follow-ups"))
        }
    }

    @Test(arguments: [EventKind.response, .directions, .interview, .offer])
    func anAnswerResetsTheCount(answer: EventKind) {
        let events = Self.timeline(followUps: 3, then: [(answer, Fixture.utc(2026, 5, 1))])
        let facts = Fixture.application(.postedOpening, events)
        #expect(Fixture.engine.unansweredFollowUps(in: facts) == 0)
        let result = Fixture.engine.check(Fixture.followUp(at: Self.later, to: 2), in: facts)
        #expect(!result.violations.contains { $0.rule == .followUpLimit })
    }

    @Test(arguments: [EventKind.note, .thankYou, .touchBase, .referralEndorsement, .pass])
    func otherEventsDoNotResetTheCount(kind: EventKind) {
        let facts = Fixture.application(
            .postedOpening, Self.timeline(followUps: 3, then: [(kind, Fixture.utc(2026, 5, 1))]))
        #expect(Fixture.engine.unansweredFollowUps(in: facts) == 3)
    }

    @Test func countAsOfAnInstantIgnoresLaterEvents() {
        let facts = Fixture.application(.postedOpening, Self.timeline(followUps: 3))
        #expect(Fixture.engine.unansweredFollowUps(in: facts, asOf: Fixture.utc(2026, 1, 20)) == 1)
    }
}
