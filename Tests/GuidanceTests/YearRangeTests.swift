import Foundation
import Testing
import Time

@testable import Guidance

/// The guidance over the whole range the service keeps, the years 0000 to 9999 in UTC (Foundation's
/// `distantPast`, 0001, and `distantFuture`, 4001, lie inside it), and waits that end beyond it.
struct YearRangeTests {
    /// Instants by their seconds since 1970, as Foundation's calendar turns Julian before 1582.
    static func instant(_ secondsSince1970: Int64, hour: Int = 0) -> Instant {
        Instant(secondsSince1970: secondsSince1970 + Int64(hour) * 3600)
    }

    static let year0 = instant(-62_167_219_200)
    static let lastDayOf9999 = instant(253_402_214_400)

    struct SpanRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let asOf: Instant
        let endsAt: Instant?
    }

    /// An interview on 30 December 9999 for an application since passed on: its thank-you note, the one
    /// action left, is due until 14:00 the next day.
    @Test(arguments: [
        SpanRow(
            testDescription: "not yet overdue: ends at its due time", asOf: instant(253_402_128_000, hour: 15),
            endsAt: instant(253_402_214_400, hour: 14)),
        SpanRow(
            testDescription: "overdue: open-ended, after 4001", asOf: instant(253_402_214_400, hour: 23),
            endsAt: nil),
    ])
    func theSpanOfAnActionAfter4001(_ row: SpanRow) throws {
        let interview = EventFact(
            id: 1, kind: .interview, occurredAt: Self.instant(253_402_128_000, hour: 14), interviewerIds: [3])
        let facts = Fixture.application(.unsolicited, status: .passed, [interview])
        let next = try #require(Fixture.engine.nextAction(for: facts, asOf: row.asOf))
        #expect(next.action == .sendThankYou)
        let span = try #require(Fixture.engine.nextActionSpan(for: facts, asOf: row.asOf, next: next))
        #expect(span.contains(row.asOf))
        #expect(span.lowerBound >= interview.occurredAt)
        #expect(span.upperBound == row.endsAt ?? GuidanceEngine.afterEverything)
    }

    @Test func followUpsAfter4001AreCountedWhenNoInstantIsGiven() {
        let facts = Fixture.application(
            .unsolicited,
            Fixture.events(
                [(.resumeSent, Self.instant(253_400_000_000)), (.followUp, Self.instant(253_401_000_000))],
                contact: 2))
        #expect(Fixture.engine.unansweredFollowUps(in: facts) == 1)
    }

    @Test func anInterviewInYear0StillAsksForADebriefAndItsDirections() {
        let interview = EventFact(
            id: 1, kind: .interview, occurredAt: Self.instant(-62_167_219_200, hour: 10), interviewerIds: [3])
        let facts = Fixture.application(.recruiterSubmitted, [interview])
        let items = Fixture.engine.agenda(
            for: [facts], asOf: Self.instant(-62_167_219_200, hour: 11), horizonDays: 0)
        #expect(
            Set(items.map(\.action)) == [.sendThankYou, .debriefRecruiter, .recordDirections],
            "\(items.map(\.action))")
    }

    /// The engine keeps a wait's true end past 9999; the service writes it as the last instant it keeps.
    @Test func aWaitPast9999KeepsItsTrueEnd() throws {
        let resume = EventFact(
            id: 1, kind: .resumeSent, occurredAt: Self.instant(253_401_868_800, hour: 12), contactId: 2,
            channel: "email")
        let facts = Fixture.application(.postedOpening, [resume])
        let next = try #require(Fixture.engine.nextAction(for: facts, asOf: Self.lastDayOf9999))
        #expect(next.action == .followUp)
        // Monday 27 December 9999 and 7 days: Monday 3 January 10000.
        #expect(next.dueFrom == Self.instant(253_402_300_800 + 2 * 86_400))
        #expect(next.message.contains("Mon 3 Jan 10000"), "\(next.message)")
    }

    @Test(arguments: [
        (Fixture.date(0, 1, 1), "Sat 1 Jan 0"),
        (Fixture.date(-1, 12, 31), "Fri 31 Dec -1"),
        (Fixture.date(9999, 12, 31), "Fri 31 Dec 9999"),
        (Fixture.date(10000, 1, 3), "Mon 3 Jan 10000"),
    ])
    func messagesWriteEveryYear(_ date: LocalDate, _ text: String) {
        #expect(DateText.day(date) == text)
    }
}
