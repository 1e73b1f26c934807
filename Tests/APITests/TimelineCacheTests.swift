import Guidance
import Store
import Testing

@testable import API

/// The timeline cache across a write: an event committed by the only write to its application extends the
/// cached timeline (in place, without reading the database again), and any other write that came between
/// makes the cache forget it instead, so a stale timeline is never served.
struct TimelineCacheTests {
    static let applicationId: Int64 = 7

    static func event(_ id: Int64) -> EventRecord {
        EventRecord(
            id: id, applicationId: applicationId, EventFields(kind: "note", occurredAt: 1_000 * id, note: "n\(id)"),
            createdAt: 1_000 * id)
    }

    /// `event` as the guidance sees a proposal of it.
    static func proposal(_ event: EventRecord) -> Proposal {
        Facts.proposal(kind: .note, event.fields)
    }

    /// A write of `change` that commits at once.
    static func write(_ change: StoreChange, in cache: TimelineCache) {
        _ = CacheWrite.begin(change, judgement: nil, in: cache).commit()
    }

    /// An entry holding one event, tagged with the cache's current token.
    static func entry(in cache: TimelineCache) throws -> TimelineCache.Entry {
        let application = ApplicationRecord(
            id: applicationId, ApplicationFields(route: "posted_opening"), createdAt: 0, updatedAt: 0)
        let timeline = ApplicationTimeline(application: application, events: [event(1)], contacts: [:])
        return try TimelineCache.Entry(timeline: timeline, statuses: [:], token: cache.token(applicationId))
    }

    /// What else happens around the write of event 2.
    enum Interleaving: String, CaseIterable {
        /// Nothing: the write is the only one.
        case alone
        /// The cached timeline is not there; the write carries the one it judged.
        case carriesItsTimeline
        /// Another write to the same application in the same transaction.
        case anotherWriteBeforeTheCommit
        /// Another write commits after this one and before its loop extends the timeline.
        case anotherWriteBeforeTheExtension
        /// A write that may touch every application.
        case everythingChanges
    }

    @Test(arguments: Interleaving.allCases)
    func aWriteExtendsTheCachedTimelineOnlyWhenNothingElseTouchedIt(_ interleaving: Interleaving) throws {
        let cache = TimelineCache()
        let id = Self.applicationId
        let judged = try Self.entry(in: cache)
        if interleaving != .carriesItsTimeline {
            cache.store(judged)
            #expect(cache.entry(id)?.facts.events.count == 1)
        }
        let judgement = CacheWrite.Judgement(
            judged, whole: interleaving == .carriesItsTimeline, proposal: Self.proposal(Self.event(2)))
        let change = StoreChange.eventAdded(id: 2, applicationId: id)
        let other: StoreChange = interleaving == .everythingChanges ? .everything : .applications([id])
        let write = CacheWrite.begin(change, judgement: judgement, in: cache)
        var otherWrite: CacheWrite?
        if interleaving == .anotherWriteBeforeTheCommit || interleaving == .everythingChanges {
            otherWrite = CacheWrite.begin(other, judgement: nil, in: cache)
        }
        let extend = write.commit()
        _ = otherWrite?.commit()
        // Between the commit and the extension, readers must not get the timeline without the event.
        #expect(cache.entry(id) == nil)
        if interleaving == .anotherWriteBeforeTheExtension {
            _ = CacheWrite.begin(other, judgement: nil, in: cache).commit()
        }
        extend?()
        let kept = cache.entry(id)
        switch interleaving {
        case .alone, .carriesItsTimeline:
            #expect(kept?.facts.events.map(\.id) == [1, 2])
            #expect(kept?.token == cache.token(id))
        case .anotherWriteBeforeTheCommit, .anotherWriteBeforeTheExtension, .everythingChanges:
            #expect(kept == nil)
        }
    }

    @Test("entries are values: a change to one copy, in place or not, never shows in another")
    func entriesAreValues() throws {
        let cache = TimelineCache()
        let original = try Self.entry(in: cache)
        var changed = original
        changed.record(try Facts.event(Self.event(2)), as: cache.token(Self.applicationId))
        #expect(original.facts.events.map(\.id) == [1])
        #expect(changed.facts.events.map(\.id) == [1, 2])
        let contact = ContactRecord(id: 5, ContactFields(name: "Dana"), createdAt: 0, updatedAt: 0)
        let knowing = original.knowing(contacts: [5: contact], statuses: [9: "active"])
        #expect(original.contacts.isEmpty && original.statuses.isEmpty)
        #expect(knowing.contacts.keys.sorted() == [5] && knowing.statuses == [9: "active"])
        #expect(knowing.facts.contacts[5] != nil && original.facts.contacts[5] == nil)
        #expect(changed.contacts.isEmpty)
    }

    @Test("a token taken while a write to the application is in the open transaction is never settled")
    func tokensTakenDuringAnOpenWriteAreNotSettled() {
        let cache = TimelineCache()
        let id = Self.applicationId
        let other: Int64 = 8
        let before = cache.token(id)
        #expect(cache.isSettled(id, at: before))
        // A write to the application runs in the writer's transaction; meanwhile an event loop loads the
        // timeline (without that write, which is not committed) and judges a proposal against it.
        let write = CacheWrite.begin(.applications([id]), judgement: nil, in: cache)
        let during = cache.token(id)
        #expect(!cache.isSettled(id, at: before))
        #expect(!cache.isSettled(id, at: during))
        #expect(cache.isSettled(other, at: cache.token(other)))
        _ = write.commit()
        #expect(!cache.isSettled(id, at: during))
        #expect(cache.isSettled(id, at: cache.token(id)))
        // The same for a write that may touch every application.
        let everything = CacheWrite.begin(.everything, judgement: nil, in: cache)
        let duringEverything = cache.token(other)
        #expect(!cache.isSettled(other, at: duringEverything))
        _ = everything.commit()
        #expect(!cache.isSettled(other, at: duringEverything))
        #expect(cache.isSettled(other, at: cache.token(other)))
    }

    /// An entry for application `id` holding one event, tagged with the cache's current token.
    static func entry(_ id: Int64, in cache: TimelineCache) throws -> TimelineCache.Entry {
        let application = ApplicationRecord(
            id: id, ApplicationFields(route: "posted_opening"), createdAt: 0, updatedAt: 0)
        var first = event(1)
        first.applicationId = id
        let timeline = ApplicationTimeline(application: application, events: [first], contacts: [:])
        return try TimelineCache.Entry(timeline: timeline, statuses: [:], token: cache.token(id))
    }
}

/// Many applications are looked up a part at a time under the lock, and come back in the order asked, each
/// entry or nil, across the parts' boundaries.
struct TimelineCacheLookUpTests {
    static func entry(_ id: Int64, in cache: TimelineCache) throws -> TimelineCache.Entry {
        let application = ApplicationRecord(
            id: id, ApplicationFields(route: "posted_opening"), createdAt: 0, updatedAt: 0)
        let timeline = ApplicationTimeline(application: application, events: [], contacts: [:])
        return try TimelineCache.Entry(timeline: timeline, statuses: [:], token: cache.token(id))
    }

    @Test(
        "entries and tokens of more applications than one hold looks up, in order",
        arguments: [
            1, TimelineCache.lookUpsPerHold, TimelineCache.lookUpsPerHold + 1, 3 * TimelineCache.lookUpsPerHold + 5,
        ])
    func manyAtOnce(_ count: Int) throws {
        let cache = TimelineCache()
        // Every third application is held.
        for id in stride(from: Int64(3), through: Int64(count), by: 3) { cache.store(try Self.entry(id, in: cache)) }
        let ids = (1...Int64(count)).reversed().map { $0 }
        let found = cache.entries(ids)
        #expect(found.count == ids.count)
        #expect(zip(ids, found).allSatisfy { id, entry in (entry?.application.id == id) == (id % 3 == 0) })
        let tokens = cache.tokens(ids)
        #expect(tokens.count == count && ids.allSatisfy { tokens[$0] == cache.token($0) })
    }
}
