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

    /// The `GET /v1/agenda` body for already sorted items.
    static func body(_ items: [AgendaItem], asOf: Int64, horizonDays: Int) -> [UInt8] {
        let parts = items.count < parallelThreshold ? 1 : Self.parts
        guard parts > 1 else { return AgendaWriter.agenda(items, asOf: asOf, horizonDays: horizonDays) }
        let pieces = Mutex<[[UInt8]]>(Array(repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let bytes = AgendaWriter.items(items[bounds(of: part, parts: parts, count: items.count)])
            pieces.withLock { $0[part] = bytes }
        }
        return AgendaWriter.agenda(pieces: pieces.withLock { $0 }, asOf: asOf, horizonDays: horizonDays)
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
