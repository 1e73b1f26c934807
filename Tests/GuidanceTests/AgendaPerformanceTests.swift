import Foundation
import Testing

@testable import Guidance

/// The agenda is linear: 10,000 applications with 100,000 events take well under 50 ms in a release build. A
/// debug build is several times slower, so this test only guards against quadratic work.
struct AgendaPerformanceTests {
    static func portfolio() -> [ApplicationFacts] {
        let routes = Route.allCases
        let start = Fixture.utc(2026, 1, 5, 9)
        return (0..<10_000).map { index in
            let route = routes[index % routes.count]
            var events: [EventFact] = []
            for step in 0..<10 {
                let kinds: [EventKind] = [
                    .resumeSent, .followUp, .response, .interview, .thankYou, .debrief, .directions, .followUp,
                    .note, .followUp,
                ]
                let at = start.adding(seconds: Int64(index % 200) * 3600 + Int64(step) * 5 * 86_400)
                events.append(
                    EventFact(
                        id: index * 10 + step, kind: kinds[step], occurredAt: at,
                        contactId: kinds[step] == .thankYou ? 3 : 1,
                        interviewerIds: kinds[step] == .interview ? [3, 4] : [],
                        followUpAfter: kinds[step] == .directions ? Fixture.date(2026, 3, 2) : nil))
            }
            return Fixture.application(route, id: index + 1, events)
        }
    }

    @Test func tenThousandApplications() {
        let applications = Self.portfolio()
        #expect(applications.reduce(0) { $0 + $1.events.count } == 100_000)
        let clock = ContinuousClock()
        var items: [AgendaItem] = []
        let elapsed = clock.measure {
            items = Fixture.engine.agenda(for: applications, asOf: Fixture.utc(2026, 3, 1), horizonDays: 14)
        }
        #expect(!items.isEmpty)
        #expect(zip(items, items.dropFirst()).allSatisfy { !AgendaItem.precedes($1, $0) })
        #expect(elapsed < .seconds(2), "agenda took \(elapsed)")
    }
}
