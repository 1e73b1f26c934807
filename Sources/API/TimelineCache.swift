import Foundation
import Guidance
import Store
import Synchronization

/// Applications' timelines kept in memory between the writes that change them, so reads, checks and
/// the checking of new events need no database round trip.
///
/// Every entry is tagged with the application's generation and the cache's epoch at the moment the
/// load began. A write bumps the generation of the application it touched (or the epoch, when it may
/// touch many) once inside its transaction and once more after its commit, before its client hears
/// back. A load that raced with a write therefore cannot be stored, and a stored entry never outlives
/// the data it was read from.
final class TimelineCache: Sendable {
    struct Token: Equatable, Sendable {
        let generation: UInt64
        let epoch: UInt64
    }

    /// An application's JSON representation as `GET` answers it, with the span of instants asked about
    /// over which it stays the same (`GuidanceEngine.nextActionSpan`) under settings of one generation.
    struct Representation: Sendable {
        let body: [UInt8]
        let etag: String
        let span: ClosedRange<Date>
        let settings: UInt64
        let token: Token
    }

    /// What a committed write may have changed.
    enum Change: Sendable {
        case none
        case application(Int64)
        /// `event` (as the guidance sees it) was added to application `id`'s timeline as judged at
        /// `from`: once committed, the timeline is extended by it instead of being read again, unless
        /// another write touched it too. `base` is the timeline judged when the cache did not hold it
        /// whole (read inside the transaction, or knowing contacts the cached one did not); when nil,
        /// the cached entry itself is set aside at the write and extended in place, with no copy of
        /// its events.
        case extended(from: Token, id: Int64, base: Entry?, event: EventFact)
        case everything
    }

    /// What the cache knows of one application.
    private struct Slot {
        /// Bumped by every write that touches the application.
        var generation: UInt64 = 0
        /// The generation as of the last commit that touched it. A generation ahead of it means a write
        /// to the application is inside a transaction still open (or one whose commit failed).
        var committedGeneration: UInt64 = 0
        var entry: Entry?
        /// An entry taken out of `entry` by a write that will extend it once committed; out of there,
        /// the entry's facts have no other owner and grow in place.
        var extending: Entry?
        var representation: Representation?

        /// A write touched the application: what was kept of it is stale.
        mutating func bump() {
            generation &+= 1
            entry = nil
            extending = nil
            representation = nil
        }

        /// The entry set aside for extension, leaving none.
        mutating func takeExtending() -> Entry? {
            let taken = extending
            extending = nil
            return taken
        }

        /// Which of the kept values are there, for the counts of `State`.
        var held: (entry: Int, extending: Int, representation: Int) {
            (entry == nil ? 0 : 1, extending == nil ? 0 : 1, representation == nil ? 0 : 1)
        }
    }

    /// Every application the cache knows in one dictionary, so that each step of a write finds its
    /// application's state with one lookup.
    private struct State {
        var slots: [Int64: Slot] = [:]
        /// How many slots hold an entry, an extending entry, a representation: each kind is capped.
        var entries = 0
        var extending = 0
        var representations = 0
        var epoch: UInt64 = 0
        /// The epoch as of the last commit that changed everything.
        var committedEpoch: UInt64 = 0

        func generation(_ id: Int64) -> UInt64 { slots[id]?.generation ?? 0 }

        func token(_ id: Int64) -> Token { Token(generation: generation(id), epoch: epoch) }

        /// Runs `body` on the application's slot, made if missing, and keeps the counts right.
        mutating func update<T>(_ id: Int64, _ body: (inout Slot) -> T) -> T {
            let (result, before, after) = Self.apply(body, to: &slots[id, default: Slot()])
            entries += after.entry - before.entry
            extending += after.extending - before.extending
            representations += after.representation - before.representation
            return result
        }

        private static func apply<T>(_ body: (inout Slot) -> T, to slot: inout Slot) -> (
            T, before: (entry: Int, extending: Int, representation: Int),
            after: (entry: Int, extending: Int, representation: Int)
        ) {
            let before = slot.held
            let result = body(&slot)
            return (result, before, slot.held)
        }

        /// Drops every kept value of the kinds named, keeping generations; values change in place, so
        /// the dictionary is neither copied nor rehashed.
        mutating func drop(
            entries dropEntries: Bool, extending dropExtending: Bool, representations dropRepresentations: Bool
        ) {
            var index = slots.values.startIndex
            while index != slots.values.endIndex {
                if dropEntries { slots.values[index].entry = nil }
                if dropExtending { slots.values[index].extending = nil }
                if dropRepresentations { slots.values[index].representation = nil }
                slots.values.formIndex(after: &index)
            }
            if dropEntries { entries = 0 }
            if dropExtending { extending = 0 }
            if dropRepresentations { representations = 0 }
        }
    }

    private let state = Mutex(State())
    /// Entries kept at most; past it the cache starts over (a home user's data fits many times over).
    let capacity: Int
    /// Entries set aside for extension kept at most.
    static let extendingCapacity = 4096

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    func token(_ id: Int64) -> Token {
        state.withLock { $0.token(id) }
    }

    /// Whether a judgement of application `id` made at `token` still holds for a write in the writer's
    /// transaction: no write touched the application since, and none is pending. A token taken while
    /// another write to it was inside the open transaction matches the current one until that write
    /// commits, yet the timeline read under it lacked that write, since readers see only what is
    /// committed; a job that joins the same transaction must then judge again.
    func isSettled(_ id: Int64, at token: Token) -> Bool {
        state.withLock { state in
            let slot = state.slots[id] ?? Slot()
            return token == Token(generation: slot.generation, epoch: state.epoch)
                && slot.generation == slot.committedGeneration && state.epoch == state.committedEpoch
        }
    }

    func entry(_ id: Int64) -> Entry? {
        state.withLock { state in
            guard let slot = state.slots[id], let entry = slot.entry,
                entry.token == Token(generation: slot.generation, epoch: state.epoch)
            else { return nil }
            return entry
        }
    }

    /// The kept representation of an application as of `asOf` under settings of generation `settings`, if
    /// no write touched the application since and `asOf` lies in its span.
    func representation(_ id: Int64, settings: UInt64, asOf: Date) -> Representation? {
        state.withLock { state in
            guard let slot = state.slots[id], let kept = slot.representation, kept.settings == settings,
                kept.span.contains(asOf), kept.token == Token(generation: slot.generation, epoch: state.epoch)
            else { return nil }
            return kept
        }
    }

    /// Keeps a representation unless a write happened since the token of the timeline it was made from.
    func keep(_ representation: Representation, of id: Int64) {
        state.withLock { state in
            guard representation.token == state.token(id) else { return }
            if state.representations >= capacity {
                state.drop(entries: false, extending: false, representations: true)
            }
            state.update(id) { $0.representation = representation }
        }
    }

    /// Keeps a loaded timeline unless a write happened since its token was taken.
    func store(_ entry: Entry) {
        let id = entry.application.id
        state.withLock { state in
            guard entry.token == state.token(id) else { return }
            Self.put(entry, into: &state, capacity: capacity)
        }
    }

    private static func put(_ entry: consuming Entry, into state: inout State, capacity: Int) {
        if state.entries >= capacity { state.drop(entries: true, extending: false, representations: false) }
        let id = entry.application.id
        state.update(id) { [entry = consume entry] slot in slot.entry = entry }
    }

    /// Inside the writer's transaction, before the commit: later jobs of the same batch must not
    /// trust what was judged before this write.
    func invalidate(_ change: Change) {
        state.withLock { Self.forget(change, in: &$0) }
    }

    /// After the commit, before the client hears back. Only the writer thread bumps generations, in
    /// order, so an extended timeline whose generation moved by exactly its own in-transaction bump
    /// was touched by no other write, and is the committed state. That one is not built here, on the
    /// writer thread: the returned closure builds and keeps it, on the event loop that answers, before
    /// the client hears back. Its token is taken now, so any write in between makes it discarded.
    func committed(_ change: Change) -> (@Sendable () -> Void)? {
        let outcome: (token: Token, base: Entry?)? = state.withLock { state in
            defer { Self.settle(change, in: &state) }
            guard case .extended(let from, let id, let base, _) = change else {
                Self.forget(change, in: &state)
                return nil
            }
            let sole = state.epoch == from.epoch && state.generation(id) == from.generation &+ 1
            guard sole else {
                state.update(id) { $0.bump() }
                return nil
            }
            Self.forget(change, in: &state)
            return (state.token(id), base)
        }
        guard let outcome, case .extended(let from, let id, _, let event) = change else { return nil }
        return { [self] in
            if var base = outcome.base {
                base.record(event, as: outcome.token)
                store(base)
                return
            }
            state.withLock { state in
                guard outcome.token == state.token(id) else {
                    state.update(id) { $0.extending = nil }
                    return
                }
                // Taken out, not copied: the entry must hold the only reference to grow in place.
                guard var entry = state.update(id, { $0.takeExtending() }), entry.token == from else { return }
                entry.record(event, as: outcome.token)
                Self.put(consume entry, into: &state, capacity: capacity)
            }
        }
    }

    private static func forget(_ change: Change, in state: inout State) {
        switch change {
        case .none:
            break
        case .application(let id):
            state.update(id) { $0.bump() }
        case .extended(let from, let id, let base, _):
            // Set aside at the first bump (inside the transaction), kept at the second (the commit); moved,
            // not copied, so its facts keep a single owner.
            let kept: Entry? = state.update(id) { slot in
                let kept = base == nil ? slot.entry ?? slot.extending : nil
                slot.bump()
                return kept
            }
            if let kept, kept.token == from {
                if state.extending >= extendingCapacity {
                    state.drop(entries: false, extending: true, representations: false)
                }
                state.update(id) { $0.extending = kept }
            }
        case .everything:
            state.epoch &+= 1
            state.drop(entries: true, extending: true, representations: true)
        }
    }

    /// Once a change is committed, what it touched is settled at its current generation or epoch.
    private static func settle(_ change: Change, in state: inout State) {
        switch change {
        case .none:
            break
        case .application(let id), .extended(_, let id, _, _):
            state.update(id) { $0.committedGeneration = $0.generation }
        case .everything:
            state.committedEpoch = state.epoch
        }
    }
}
