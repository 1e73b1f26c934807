import Dispatch
import Foundation
import Guidance
import Synchronization

/// The agenda over all applications, spread over the cores: each application's items depend on
/// its own facts only, so slices are judged in parallel and their sorted lists merged, and the
/// JSON of the merged list is written in parallel slices too.
enum AgendaComputation {
    /// Below this many applications one thread is faster than the hand-offs.
    static let parallelThreshold = 2_000

    static var parts: Int { max(1, min(4, ProcessInfo.processInfo.activeProcessorCount)) }

    static func items(_ facts: [ApplicationFacts], engine: GuidanceEngine, asOf: Date, horizonDays: Int)
        -> [AgendaItem]
    {
        let parts = facts.count < parallelThreshold ? 1 : Self.parts
        guard parts > 1 else { return engine.agenda(for: facts, asOf: asOf, horizonDays: horizonDays) }
        let results = Mutex<[[AgendaItem]]>(Array(repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let slice = facts[bounds(of: part, parts: parts, count: facts.count)]
            let items = engine.agenda(for: slice, asOf: asOf, horizonDays: horizonDays)
            results.withLock { $0[part] = items }
        }
        return results.withLock { $0 }.reduce([]) { merge($0, $1) }
    }

    /// The `GET /v1/agenda` body: each slice of the applications is judged and its items written in
    /// parallel, then the written items are put in agenda order by position alone, so no item is moved
    /// or copied between threads.
    static func document(_ facts: [ApplicationFacts], engine: GuidanceEngine, asOf: Int64, horizonDays: Int)
        -> [UInt8]
    {
        let parts = facts.count < parallelThreshold ? 1 : Self.parts
        let date = GuidanceJSON.date(asOf)
        let slices = Mutex<[AgendaWriter.Slice?]>(Array(repeating: nil, count: parts))
        let judge: @Sendable (Int) -> Void = { part in
            let (items, order) = engine.agendaItems(
                for: facts[bounds(of: part, parts: parts, count: facts.count)], asOf: date, horizonDays: horizonDays)
            let slice = AgendaWriter.slice(items, order: order)
            slices.withLock { $0[part] = slice }
        }
        if parts == 1 { judge(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: judge) }
        let written = slices.withLock { $0 }.compactMap { $0 }
        return AgendaWriter.agenda(written, order: order(written.map(\.keys)), asOf: asOf, horizonDays: horizonDays)
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

    /// Two lists in agenda order as one.
    static func merge(_ a: [AgendaItem], _ b: [AgendaItem]) -> [AgendaItem] {
        guard !a.isEmpty else { return b }
        guard !b.isEmpty else { return a }
        var merged: [AgendaItem] = []
        merged.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if AgendaItem.precedes(b[j], a[i]) {
                merged.append(b[j])
                j += 1
            } else {
                merged.append(a[i])
                i += 1
            }
        }
        merged.append(contentsOf: a[i...])
        merged.append(contentsOf: b[j...])
        return merged
    }
}
