import Dispatch
import Foundation
import Guidance
import JSON
import Synchronization
import Time

/// The agenda over all applications, spread over the cores: each application's items depend on
/// its own facts only, so slices are judged (and, for the JSON body, written) in parallel, and
/// their lists merged by the items' order keys.
enum AgendaComputation {
    /// Below this many applications one thread is faster than the hand-offs.
    static let parallelThreshold = 2_000

    static var parts: Int { max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) }

    /// Every item, in agenda order.
    static func items(_ facts: [ApplicationFacts], engine: GuidanceEngine, asOf: Instant, horizonDays: Int)
        -> [AgendaItem]
    {
        items(chunks: { each in each(facts) }, engine: engine, asOf: asOf, horizonDays: horizonDays)
    }

    /// Every item, in agenda order, of the applications `chunks` hands over a part at a time: only one
    /// part's facts need be held at once.
    static func items(
        chunks: (_ each: ([ApplicationFacts]) -> Void) throws -> Void, engine: GuidanceEngine, asOf: Instant,
        horizonDays: Int
    ) rethrows -> [AgendaItem] {
        var lists: [[AgendaItem]] = []
        try chunks { facts in
            lists += perSlice(of: facts) { engine.agenda(for: $0, asOf: asOf, horizonDays: horizonDays) }
        }
        return order(lists.map { $0.map(\.orderKey) }).map { lists[$0.list][$0.index] }
    }

    /// The `GET /v1/agenda` body: each slice of the applications is judged and its items written in
    /// parallel, then the written items are put in agenda order by position alone, so no item is moved
    /// or copied between threads.
    static func document(_ facts: [ApplicationFacts], engine: GuidanceEngine, asOf: Instant, horizonDays: Int)
        -> [UInt8]
    {
        document(chunks: { each in each(facts) }, engine: engine, asOf: asOf, horizonDays: horizonDays)
    }

    /// `document` over the applications `chunks` hands over a part at a time: each part is judged and
    /// written before the next is asked for, so only its facts and the written items are held.
    ///
    /// Items a snooze of `snoozes` hides are left out, or with `includeSnoozed` listed with their
    /// `snoozed_until`.
    static func document(
        chunks: (_ each: ([ApplicationFacts]) -> Void) throws -> Void, engine: GuidanceEngine, asOf: Instant,
        horizonDays: Int, snoozes: SnoozeFilter = SnoozeFilter([]), includeSnoozed: Bool = false
    ) rethrows -> [UInt8] {
        var slices: [AgendaWriter.Slice] = []
        try chunks { facts in
            slices += perSlice(of: facts) { slice in
                let (items, order) = engine.agendaItems(for: slice, asOf: asOf, horizonDays: horizonDays)
                guard !snoozes.isEmpty else { return AgendaWriter.slice(items, order: order) }
                if includeSnoozed { return AgendaWriter.slice(items, order: order, snoozes: snoozes) }
                return AgendaWriter.slice(items, order: order.filter { !snoozes.hides(items[$0]) })
            }
        }
        return AgendaWriter.agenda(slices, order: order(slices.map(\.keys)), asOf: asOf, horizonDays: horizonDays)
    }

    /// `work` over slices of the applications (their facts, or what holds them), one per core (one alone for few
    /// applications, or unless `parallel`: then on the calling thread), in order.
    static func perSlice<Application: Sendable, T: Sendable>(
        of applications: [Application], parallel: Bool = true,
        _ work: @escaping @Sendable (ArraySlice<Application>) -> T
    ) -> [T] {
        let parts = !parallel || applications.count < parallelThreshold ? 1 : Self.parts
        guard parts > 1 else { return [work(applications[...])] }
        let results = Mutex<[T?]>(Array(repeating: nil, count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let result = work(applications[bounds(of: part, parts: parts, count: applications.count)])
            results.withLock { $0[part] = result }
        }
        return results.withLock { $0 }.compactMap { $0 }
    }

    /// The positions of every item of lists each in agenda order (given by the items' order keys), as
    /// (list, index) in agenda order of all.
    static func order(_ lists: [[AgendaItem.OrderKey]]) -> [(list: Int, index: Int)] {
        var next = Array(repeating: 0, count: lists.count)
        var order: [(list: Int, index: Int)] = []
        order.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        while true {
            var best: Int?
            for list in lists.indices where next[list] < lists[list].count {
                if let current = best {
                    if lists[list][next[list]] < lists[current][next[current]] { best = list }
                } else {
                    best = list
                }
            }
            guard let list = best else { return order }
            order.append((list, next[list]))
            next[list] += 1
        }
    }

    static func bounds(of part: Int, parts: Int, count: Int) -> Range<Int> {
        (count * part / parts)..<(count * (part + 1) / parts)
    }
}
