import Foundation
import Guidance
import Testing
import Time

@testable import API

/// The parallel agenda gives exactly the items, in exactly the order, of one pass over all facts.
@Suite struct AgendaComputationTests {
    static func facts(count: Int) -> [ApplicationFacts] {
        let start = Instant(secondsSince1970: 1_793_000_000)
        let recruiter = ContactFact(id: 1, name: "Dana", role: .recruiter)
        let interviewer = ContactFact(id: 2, name: "Sam", role: .interviewer)
        return (1...count).map { id in
            let sent = start.adding(seconds: Int64(id % 40) * 86_400 + Int64(id % 7) * 3600)
            var events = [EventFact(id: id * 10, kind: .resumeSent, occurredAt: sent, contactId: 1, channel: "email")]
            if id % 3 == 0 {
                events.append(
                    EventFact(
                        id: id * 10 + 1, kind: .interview, occurredAt: sent.adding(days: 5),
                        interviewerIds: [2]))
            }
            let route: Route = [.postedOpening, .unsolicited, .recruiterSubmitted, .recruiterGeneral][id % 4]
            return ApplicationFacts(
                id: id, employer: "Employer \(id)", route: route, recruiterId: route.requiresRecruiter ? 1 : nil,
                events: events, contacts: [1: recruiter, 2: interviewer])
        }
    }

    @Test func parallelEqualsSequential() {
        let facts = Self.facts(count: AgendaComputation.parallelThreshold * 2 + 17)
        let engine = GuidanceEngine(settings: GuidanceSettings())
        let asOf = Instant(secondsSince1970: 1_794_000_000)
        let sequential = engine.agenda(for: facts, asOf: asOf, horizonDays: 14)
        let parallel = AgendaComputation.items(facts, engine: engine, asOf: asOf, horizonDays: 14)
        #expect(sequential.count > 1000)
        #expect(parallel == sequential)
        let oneWriter = AgendaWriter.agenda(sequential, asOf: asOf, horizonDays: 14)
        let spread = AgendaComputation.document(facts, engine: engine, asOf: asOf, horizonDays: 14)
        #expect(oneWriter == spread)
    }

    /// Applications handed over in parts of any size give the same agenda, items and body, as all at once.
    @Test(arguments: [1, 7, 1_000, AgendaComputation.parallelThreshold + 3])
    func partsEqualTheWhole(partSize: Int) {
        let facts = Self.facts(count: AgendaComputation.parallelThreshold + 501)
        let engine = GuidanceEngine(settings: GuidanceSettings())
        let asOf = Instant(secondsSince1970: 1_794_000_000)
        func parts(_ each: ([ApplicationFacts]) -> Void) {
            var start = 0
            while start < facts.count {
                each(Array(facts[start..<min(start + partSize, facts.count)]))
                start += partSize
            }
        }
        #expect(
            AgendaComputation.items(chunks: parts, engine: engine, asOf: asOf, horizonDays: 14)
                == engine.agenda(for: facts, asOf: asOf, horizonDays: 14))
        #expect(
            AgendaComputation.document(chunks: parts, engine: engine, asOf: asOf, horizonDays: 14)
                == AgendaComputation.document(facts, engine: engine, asOf: asOf, horizonDays: 14))
    }

    @Test func mergeKeepsAgendaOrder() {
        let facts = Self.facts(count: 300)
        let engine = GuidanceEngine(settings: GuidanceSettings())
        let asOf = Instant(secondsSince1970: 1_794_000_000)
        let all = engine.agenda(for: facts, asOf: asOf, horizonDays: 30)
        let odd = engine.agenda(for: facts.filter { $0.id % 2 == 1 }, asOf: asOf, horizonDays: 30)
        let even = engine.agenda(for: facts.filter { $0.id % 2 == 0 }, asOf: asOf, horizonDays: 30)
        func merged(_ lists: [[AgendaItem]]) -> [AgendaItem] {
            AgendaComputation.order(lists.map { $0.map(\.orderKey) }).map { lists[$0.list][$0.index] }
        }
        #expect(merged([odd, even]) == all)
        #expect(merged([[], all]) == all)
        let thirds = (0..<3).map { part in
            engine.agenda(for: facts.filter { $0.id % 3 == part }, asOf: asOf, horizonDays: 30)
        }
        #expect(merged(thirds) == all)
        #expect(AgendaComputation.order([[], all.map(\.orderKey), []]).map(\.index) == Array(all.indices))
    }

    @Test(
        "a large agenda is sliced across the cores, unless not parallel: then it is judged whole on the calling thread")
    func slicesOnlyWhenParallel() {
        let applications = Array(0..<(AgendaComputation.parallelThreshold * 2))
        let caller = pthread_self()
        let whole = AgendaComputation.perSlice(of: applications, parallel: false) { slice in
            (slice.count, pthread_equal(pthread_self(), caller) != 0)
        }
        #expect(whole.count == 1 && whole[0].0 == applications.count && whole[0].1)
        let sliced = AgendaComputation.perSlice(of: applications) { slice in slice.count }
        #expect(sliced.count == AgendaComputation.parts)
        #expect(sliced.reduce(0, +) == applications.count)
    }
}
