import Store
import Testing
import Time

@testable import Reminders

/// The agenda by application a source gives when it has no pass of its own (`AgendaSource`'s default): its items
/// grouped, each application's in the order listed, and the next events only from a source that tells them.
@Suite("The agenda by application, by default")
struct ReminderAgendaTests {
    typealias P = PlanFixture
    static let now = Instant(millis: 1_780_315_200_000)

    static let items = [
        P.item(2, .followUp, dueFrom: now.adding(days: -1)),
        P.item(1, dueFrom: now.millis - P.hour),
        P.item(2, .touchBase, dueFrom: now.adding(days: 2)),
        P.item(1, .recordDirections, contact: nil, dueFrom: now.adding(days: 3)),
        P.item(3, .followUp, dueFrom: now.adding(days: 400)),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let applications: Set<Int64>?
        /// Positions in `items`, by application.
        let expected: [Int64: [Int]]
    }

    @Test(
        "grouped as listed, within the horizon, of the applications asked about",
        arguments: [
            Case(testDescription: "every application", applications: nil, expected: [1: [1, 3], 2: [0, 2]]),
            Case(testDescription: "two, one beyond the horizon", applications: [2, 3], expected: [2: [0, 2]]),
            Case(testDescription: "none", applications: [], expected: [:]),
        ])
    func grouped(_ row: Case) throws {
        let agenda = FakeAgenda()
        agenda.set(Self.items)
        let read = try agenda.reminderAgenda(of: row.applications, asOf: Self.now, horizonDays: 365)
        #expect(read.items.mapValues { $0.map(\.key) } == row.expected.mapValues { $0.map { Self.items[$0].key } })
    }

    @Test("the next events of a source that tells them, after the instant asked about; none from one that does not")
    func nextEvents() throws {
        let timed = FakeAgenda()
        timed.setEvents([1: Self.now.adding(days: 1), 2: Self.now, 3: Self.now.adding(days: 5)])
        #expect(
            try timed.reminderAgenda(of: [1, 2], asOf: Self.now, horizonDays: 30).nextEvents == [
                1: Self.now.adding(days: 1)
            ])
        let untimed = IndexedAgenda(Self.items)
        #expect(try untimed.reminderAgenda(of: nil, asOf: Self.now, horizonDays: 30).nextEvents.isEmpty)
        #expect(try untimed.reminderAgenda(of: nil, asOf: Self.now, horizonDays: 30).items.count == 3)
    }
}
