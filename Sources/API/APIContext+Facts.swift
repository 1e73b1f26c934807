import Guidance
import Store

/// Every application's facts for the agenda and its calendar feed, taken from the timeline cache where it
/// holds them and read from the database, a part at a time, where it does not. The cache's budget is then the
/// only memory the agenda keeps between requests, and one part of applications the most it reads at once:
/// the agenda no longer holds a second copy of every timeline, which grew with the data without bound.
extension APIContext {
    /// Applications per part at most: enough that the parts are judged on every core, few enough that a part's
    /// facts are a small, bounded amount of memory.
    static let factsPart = 4_096

    /// Events read from the database per part, about: the parts of applications the cache does not hold
    /// shrink as their timelines grow, so that what one part reads stays the same size however many events
    /// an application has.
    static let eventsReadPerPart = 8_192

    /// Calls `body` with the facts of every application, by id, a part at a time. Each application's facts
    /// are consistent with a commit; two applications' may be of different commits when one lands meanwhile,
    /// as with two separate reads.
    func forEachFactsPart(
        partSize: Int = APIContext.factsPart, eventsPerPart: Int = APIContext.eventsReadPerPart,
        _ body: ([ApplicationFacts]) throws -> Void
    ) throws {
        try forEachPart(partSize: partSize, eventsPerPart: eventsPerPart, reading: facts(of:), body)
    }

    /// The same with the cache's entries, which hold the facts and what they were made from.
    func forEachEntryPart(
        partSize: Int = APIContext.factsPart, eventsPerPart: Int = APIContext.eventsReadPerPart,
        _ body: ([TimelineCache.Entry]) throws -> Void
    ) throws {
        try forEachPart(partSize: partSize, eventsPerPart: eventsPerPart, reading: entries(of:), body)
    }

    /// Calls `body` with what `reading` gives of every application, by id, a part at a time.
    private func forEachPart<Part>(
        partSize: Int, eventsPerPart: Int, reading: ([Int64]) throws -> (Part, eventsRead: Int),
        _ body: (Part) throws -> Void
    ) throws {
        let ids = try read { reading in try reading.applicationIds() }
        var size = min(partSize, 32)
        var start = 0
        var read = 0
        // What the parts read is freed amid the timelines the cache keeps, in pages malloc would otherwise keep.
        defer { if read >= Self.eventsReadPerPart { Memory.returnFreePages() } }
        while start < ids.count {
            let part = Array(ids[start..<min(start + size, ids.count)])
            let (values, eventsRead) = try reading(part)
            try body(values)
            read += eventsRead
            start += part.count
            // The next part as large as the events read per application allow, within the bounds.
            let perApplication = max(1, eventsRead / max(1, part.count))
            size = eventsRead == 0 ? partSize : min(partSize, max(16, eventsPerPart / perApplication))
        }
    }

    /// The facts of the applications `ids` that exist, in the order of `ids`: each from the cache, or read in
    /// one reader transaction for all the cache lacks, which are then offered to the cache (kept while it has
    /// room, never in place of another); and how many events were read.
    func facts(of ids: [Int64]) throws -> (facts: [ApplicationFacts], eventsRead: Int) {
        let (cached, loaded, eventsRead) = try lookUp(ids)
        var facts: [ApplicationFacts] = []
        facts.reserveCapacity(ids.count)
        for (id, entry) in zip(ids, cached) {
            if let entry = entry ?? loaded[id] { facts.append(entry.facts) }
        }
        return (facts, eventsRead)
    }

    /// The same as the cache's entries, which hold the facts and what they were made from: a caller that reads
    /// the facts where they lie copies none.
    func entries(of ids: [Int64]) throws -> (entries: [TimelineCache.Entry], eventsRead: Int) {
        let (cached, loaded, eventsRead) = try lookUp(ids)
        var entries: [TimelineCache.Entry] = []
        entries.reserveCapacity(ids.count)
        for (id, entry) in zip(ids, cached) {
            if let entry = entry ?? loaded[id] { entries.append(entry) }
        }
        return (entries, eventsRead)
    }

    /// The entries the cache holds of `ids` (nil where it holds none), those read of the others, and how many
    /// events were read.
    private func lookUp(_ ids: [Int64]) throws -> (
        cached: [TimelineCache.Entry?], loaded: [Int64: TimelineCache.Entry], eventsRead: Int
    ) {
        let cached = timelines.entries(ids)
        let missing = zip(ids, cached).compactMap { $1 == nil ? $0 : nil }
        var loaded: [Int64: TimelineCache.Entry] = [:]
        var eventsRead = 0
        guard !missing.isEmpty else { return (cached, loaded, eventsRead) }
        // Tokens before the read: a write committed meanwhile makes the cache refuse what was read.
        let tokens = timelines.tokens(missing)
        try read { reading in
            let read = try reading.timelines(ofApplications: missing)
            let others = Set(read.flatMap { Facts.otherApplicationIds($0) })
            let statuses = others.isEmpty ? [:] : try reading.statuses(ofApplications: others)
            loaded.reserveCapacity(read.count)
            for timeline in read {
                let id = timeline.application.id
                eventsRead += timeline.events.count
                var own: [Int64: String] = [:]
                for other in Facts.otherApplicationIds(timeline) { own[other] = statuses[other] }
                guard let token = tokens[id] else { continue }
                let entry = try TimelineCache.Entry(timeline: timeline, statuses: own, token: token)
                timelines.offer(entry)
                loaded[id] = entry
            }
        }
        return (cached, loaded, eventsRead)
    }
}
