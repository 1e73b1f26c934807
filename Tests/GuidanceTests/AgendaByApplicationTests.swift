import Testing
import Time

@testable import Guidance

/// The agenda handed over one application at a time (`forEachAgenda`): the items of the agenda of all, each
/// application's in agenda order, ties as the agenda of all breaks them.
@Suite("The agenda by application")
struct AgendaByApplicationTests {
    static let interviewAt = Fixture.utc(2026, 11, 20, 14)

    /// Several applications: one interviewed on a recruiter route (five items), one with nothing to do, one passed on
    /// (thank-yous only), one with two interviews at the same instant with the same interviewer (two thank-yous
    /// with equal order keys), one whose interview lies ahead of some instants asked about.
    static let applications: [ApplicationFacts] = [
        Fixture.application(
            .recruiterSubmitted, id: 1,
            [
                EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 1),
                EventFact(id: 2, kind: .interview, occurredAt: interviewAt, interviewerIds: [3, 4]),
            ]),
        Fixture.application(.postedOpening, id: 2),
        Fixture.application(
            .postedOpening, status: .passed, id: 3,
            [EventFact(id: 3, kind: .interview, occurredAt: interviewAt, interviewerIds: [4])]),
        Fixture.application(
            .postedOpening, id: 4,
            [
                EventFact(id: 4, kind: .interview, occurredAt: interviewAt, interviewerIds: [3, 3]),
                EventFact(id: 5, kind: .interview, occurredAt: interviewAt, interviewerIds: [3]),
            ]),
        Fixture.application(
            .postedOpening, id: 5,
            [EventFact(id: 6, kind: .interview, occurredAt: Fixture.utc(2026, 11, 25, 10), interviewerIds: [4])]),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let asOf: Instant
        let horizonDays: Int
        /// The applications handed over, as a range of `applications`.
        var range: Range<Int> = 0..<5
    }

    @Test(
        "each application's items are those the agenda of all lists, in its order",
        arguments: [
            Case(testDescription: "before every interview", asOf: Fixture.utc(2026, 11, 19), horizonDays: 14),
            Case(testDescription: "right after the interviews", asOf: Fixture.utc(2026, 11, 20, 15), horizonDays: 14),
            Case(testDescription: "with no horizon", asOf: Fixture.utc(2026, 11, 20, 15), horizonDays: 0),
            Case(testDescription: "overdue, the last interview past", asOf: Fixture.utc(2026, 11, 28), horizonDays: 30),
            Case(
                testDescription: "a slice that does not start at zero", asOf: Fixture.utc(2026, 11, 20, 15),
                horizonDays: 14, range: 2..<5),
        ])
    func sameAsTheAgenda(_ row: Case) {
        let slice = Self.applications[row.range]
        let (items, order) = Fixture.engine.agendaItems(for: slice, asOf: row.asOf, horizonDays: row.horizonDays)
        let agenda = order.map { items[$0] }
        var handed: [(index: Int, items: [AgendaItem])] = []
        Fixture.engine.forEachAgenda(of: slice, asOf: row.asOf, horizonDays: row.horizonDays) { index, items in
            handed.append((index, items))
        }
        #expect(
            handed.map(\.index)
                == slice.indices.filter { index in
                    agenda.contains { $0.applicationId == slice[index].id }
                })
        for (index, items) in handed {
            // Equal items have equal sources too: the ties below are told apart.
            #expect(items == agenda.filter { $0.applicationId == slice[index].id })
        }
        #expect(handed.reduce(0) { $0 + $1.items.count } == agenda.count)
    }

    @Test("two items with equal order keys come in the order the agenda of all gives them")
    func ties() throws {
        let asOf = Fixture.utc(2026, 11, 20, 15)
        var thankYous: [AgendaItem] = []
        Fixture.engine.forEachAgenda(of: Self.applications[3...], asOf: asOf, horizonDays: 14) { index, items in
            if index == 3 { thankYous = items.filter { $0.action == .sendThankYou } }
        }
        try #require(thankYous.count == 2)
        #expect(!(thankYous[0].orderKey < thankYous[1].orderKey) && !(thankYous[1].orderKey < thankYous[0].orderKey))
        #expect(thankYous[0].sourceEventId != thankYous[1].sourceEventId)
        let agenda = Fixture.engine.agenda(for: [Self.applications[3]], asOf: asOf, horizonDays: 14)
        #expect(thankYous.map(\.sourceEventId) == agenda.filter { $0.action == .sendThankYou }.map(\.sourceEventId))
    }
}
