import Foundation
import Guidance
import Store
import Testing
import Time

@testable import API

/// The timeline cache within its byte budget: what it keeps is never more than the budget, the least recently
/// used goes first, and letting go of an entry never leaves a stale one behind or loses a write's extension
/// while there is room for it.
struct TimelineCacheBudgetTests {
    /// Entries for applications 1...9 holding one event each, made before any cache holds them (a fresh cache's
    /// tokens are all alike). Alike as they are, two may weigh a few bytes apart: an array's capacity is what
    /// malloc handed it.
    struct Entries {
        let all: [Int64: TimelineCache.Entry]

        init() throws {
            let probe = TimelineCache()
            all = Dictionary(
                uniqueKeysWithValues: try (1...9).map { ($0, try TimelineCacheTests.entry($0, in: probe)) })
        }

        func weight(_ ids: [Int64]) -> Int {
            ids.reduce(0) { $0 + (all[$1]?.estimatedBytes ?? 0) }
        }

        func store(_ ids: [Int64], in cache: TimelineCache) {
            for id in ids { all[id].map(cache.store) }
        }
    }

    /// The applications among 1...9 whose entries the cache holds.
    static func kept(in cache: TimelineCache) -> [Int64] {
        (1...9).filter { cache.entry($0) != nil }
    }

    /// What the entries the cache holds weigh now.
    static func held(in cache: TimelineCache) -> Int {
        (1...9).reduce(0) { $0 + (cache.entry($1)?.estimatedBytes ?? 0) }
    }

    enum Budget: Sendable {
        /// What 1, 2 and 3 weigh together, and so many bytes more.
        case all(plus: Int)
        /// What the heaviest of them weighs.
        case heaviest
        /// One byte less than the lightest of them weighs.
        case underTheLightest
        case zero
    }

    struct Boundary: CustomTestStringConvertible, Sendable {
        let name: String
        let budget: Budget
        /// What is kept after storing 1, 2 and 3 in that order, and how many were let go.
        let kept: [Int64]
        let evictions: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Boundary(name: "one byte to spare: all three kept", budget: .all(plus: 1), kept: [1, 2, 3], evictions: 0),
        Boundary(name: "exactly the budget: all three kept", budget: .all(plus: 0), kept: [1, 2, 3], evictions: 0),
        Boundary(name: "one byte over: the first stored goes", budget: .all(plus: -1), kept: [2, 3], evictions: 1),
        Boundary(name: "room for one: each store lets the one before go", budget: .heaviest, kept: [3], evictions: 2),
        Boundary(
            name: "entries one byte heavier than the budget are not kept and evict nothing",
            budget: .underTheLightest, kept: [], evictions: 0),
        Boundary(name: "a budget of 0 keeps nothing", budget: .zero, kept: [], evictions: 0),
    ])
    func budgetBoundaries(_ row: Boundary) throws {
        let entries = try Entries()
        let weights = [entries.weight([1]), entries.weight([2]), entries.weight([3])]
        let budget =
            switch row.budget {
            case .all(let plus): entries.weight([1, 2, 3]) + plus
            case .heaviest: weights.max() ?? 0
            case .underTheLightest: (weights.min() ?? 0) - 1
            case .zero: 0
            }
        let cache = TimelineCache(budget: budget)
        entries.store([1, 2, 3], in: cache)
        #expect(cache.usage.bytes == entries.weight(row.kept))
        #expect(cache.usage.bytes <= cache.budget)
        #expect(cache.usage.evictions == row.evictions)
        #expect(Self.kept(in: cache) == row.kept)
    }

    enum Step: Sendable {
        case store(Int64)
        /// A read of the cached timeline (hit or miss).
        case read(Int64)
        /// A committed write to the application.
        case write(Int64)
    }

    struct Order: CustomTestStringConvertible, Sendable {
        let name: String
        let steps: [Step]
        let kept: [Int64]
        let evictions: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Order(name: "stores alone: the first stored goes first", steps: [.store(4)], kept: [2, 3, 4], evictions: 1),
        Order(
            name: "a read makes the oldest the newest", steps: [.read(1), .store(4)], kept: [1, 3, 4], evictions: 1),
        Order(
            name: "reads reorder: the one read longest ago goes",
            steps: [.read(2), .read(1), .store(4), .store(5)], kept: [1, 4, 5], evictions: 2),
        Order(
            name: "storing an application again makes it the newest", steps: [.store(1), .store(4)],
            kept: [1, 3, 4], evictions: 1),
        Order(
            name: "a write frees its entry's bytes: nothing goes", steps: [.write(2), .store(4)], kept: [1, 3, 4],
            evictions: 0),
        Order(
            name: "a read that misses is no use: the next oldest goes",
            steps: [.write(1), .read(1), .store(4), .store(5)], kept: [3, 4, 5], evictions: 1),
    ])
    func leastRecentlyUsedGoesFirst(_ row: Order) throws {
        let entries = try Entries()
        // Room for three entries, not four, whichever three: they may weigh a few bytes apart.
        let cache = TimelineCache(budget: entries.weight([1, 2, 3]) + entries.weight([1]) / 2)
        entries.store([1, 2, 3], in: cache)
        for step in row.steps {
            switch step {
            case .store(let id): entries.store([id], in: cache)
            case .read(let id): _ = cache.entry(id)
            case .write(let id): TimelineCacheTests.write(.applications([id]), in: cache)
            }
            #expect(cache.usage.bytes <= cache.budget)
        }
        #expect(cache.usage.evictions == row.evictions)
        #expect(Self.kept(in: cache) == row.kept)
        #expect(cache.usage.bytes == entries.weight(row.kept))
    }

    @Test("a representation counts toward the budget, and a read of it is a use")
    func representationsCount() throws {
        let entries = try Entries()
        let probe = TimelineCache()
        let representation = TimelineCache.Representation(
            body: Array(repeating: UInt8(ascii: "x"), count: 300), etag: "\"application-1-1-0123456789abcdef\"",
            span: Instant(millis: 0)...Instant(millis: 100_000), settings: 0,
            token: probe.token(1))
        let cache = TimelineCache(
            budget: entries.weight([1, 2, 3]) + representation.estimatedBytes + entries.weight([1]) / 2)
        entries.store([1, 2, 3], in: cache)
        cache.keep(representation, of: 1)
        #expect(cache.usage.bytes == entries.weight([1, 2, 3]) + representation.estimatedBytes)
        entries.store([4], in: cache)
        // Keeping it made application 1 the newest, so 2 went.
        #expect(cache.representation(1, settings: 0, asOf: Instant(millis: 50_000)) != nil)
        entries.store([5], in: cache)
        #expect(cache.usage.evictions == 2)
        #expect(Self.kept(in: cache) == [1, 4, 5])
        #expect(cache.usage.bytes == entries.weight([1, 4, 5]) + representation.estimatedBytes)
    }

    /// What happens to application 1's entry while a write extends it by event 2.
    enum Writing: String, CaseIterable {
        /// Another timeline is loaded meanwhile and the budget is full: the oldest other entry goes instead.
        case anotherLoadFillsTheBudget
        /// The budget holds one entry: the one loaded meanwhile takes the place of the one set aside.
        case evictedWhileWritten
        /// The extended entry no longer fits the budget.
        case outgrowsTheBudget
    }

    @Test(arguments: Writing.allCases)
    func anEntryBeingWrittenIsNeverStale(_ writing: Writing) throws {
        let entries = try Entries()
        let weight = entries.weight([1])
        var grown = try TimelineCacheTests.entry(1, in: TimelineCache())
        grown.record(try Facts.event(TimelineCacheTests.event(2)), as: grown.token)
        let growth = grown.estimatedBytes - weight
        #expect(growth > 0 && growth < weight / 2)
        // Half an entry to spare beyond the growth foreseen: the extension's array gets its capacity from malloc.
        let budget =
            switch writing {
            case .anotherLoadFillsTheBudget: entries.weight([1, 2, 3]) + growth + weight / 2
            case .evictedWhileWritten: max(weight, entries.weight([2]))
            case .outgrowsTheBudget: weight
            }
        let cache = TimelineCache(budget: budget)
        entries.store(writing == .anotherLoadFillsTheBudget ? [1, 2, 3] : [1], in: cache)
        let proposal = TimelineCacheTests.proposal(TimelineCacheTests.event(2))
        let judgement = CacheWrite.Judgement(try #require(entries.all[1]), whole: false, proposal: proposal)
        let write = CacheWrite.begin(.eventAdded(id: 2, applicationId: 1), judgement: judgement, in: cache)
        switch writing {
        case .anotherLoadFillsTheBudget: entries.store([4], in: cache)
        case .evictedWhileWritten: entries.store([2], in: cache)
        case .outgrowsTheBudget: break
        }
        #expect(cache.usage.bytes <= budget)
        write.commit()?()
        #expect(cache.usage.bytes <= budget)
        let extended = cache.entry(1)
        if let extended {
            #expect(extended.facts.events.map(\.id) == [1, 2], "a stale timeline was kept")
            #expect(extended.token == cache.token(1))
        }
        switch writing {
        case .anotherLoadFillsTheBudget:
            #expect(extended != nil, "the entry being written was lost while others were older")
            #expect(Self.kept(in: cache) == [1, 3, 4])
            #expect(cache.usage.bytes == Self.held(in: cache))
        case .evictedWhileWritten:
            #expect(extended == nil && Self.kept(in: cache) == [2])
        case .outgrowsTheBudget:
            #expect(extended == nil && cache.usage.bytes == 0)
        }
    }

    @Test("a write that may touch everything lets go of everything, without counting evictions")
    func everythingEmptiesTheCache() throws {
        let entries = try Entries()
        let cache = TimelineCache(budget: entries.weight([1, 2, 3]))
        entries.store([1, 2, 3], in: cache)
        TimelineCacheTests.write(.everything, in: cache)
        #expect(cache.usage.bytes == 0 && cache.usage.evictions == 0)
        #expect(Self.kept(in: cache) == [])
        // Kept again from then on; entries loaded before the change are not.
        entries.store([4], in: cache)
        cache.store(try TimelineCacheTests.entry(5, in: cache))
        #expect(Self.kept(in: cache) == [5])
        #expect(cache.usage.bytes == Self.held(in: cache) && cache.usage.evictions == 0)
    }

    @Test("the estimate counts what an entry's events hold, and grows with each event recorded")
    func estimateCountsTheEvents() throws {
        let cache = TimelineCache()
        let plain = try TimelineCacheTests.entry(1, in: cache)
        let note = String(repeating: "n", count: 1_000)
        var event = TimelineCacheTests.event(1)
        event.note = note
        let application = plain.application
        let noted = try TimelineCache.Entry(
            timeline: ApplicationTimeline(application: application, events: [event], contacts: [:]), statuses: [:],
            token: cache.token(1))
        #expect((1_000...1_100).contains(noted.estimatedBytes - plain.estimatedBytes))
        var longer = noted
        var second = TimelineCacheTests.event(2)
        second.note = note
        longer.record(try Facts.event(second), as: longer.token)
        #expect(longer.estimatedBytes - noted.estimatedBytes >= 1_000 + MemoryLayout<EventFact>.stride)
        #expect(noted.estimatedBytes > plain.estimatedBytes, "the copy that recorded changed only itself")
    }
}
