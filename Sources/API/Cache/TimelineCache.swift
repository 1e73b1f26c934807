import Foundation
import Guidance
import JSON
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
///
/// What it keeps fits a byte budget, however the data grows: past it, the applications used least recently
/// lose their entries and representations (never their generations), so letting go can only cause a load
/// from the database later, never a stale answer.
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
        /// What `entry`, `extending` and `representation` weigh together, as last counted.
        var bytes = 0

        /// A write touched the application: what was kept of it is stale.
        mutating func bump() {
            generation &+= 1
            release()
        }

        /// Lets go of every kept value; the generations stay.
        mutating func release() {
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

        /// The estimated heap of the kept values.
        var weight: Int {
            (entry?.estimatedBytes ?? 0) + (extending?.estimatedBytes ?? 0) + (representation?.estimatedBytes ?? 0)
        }
    }

    /// Every application the cache knows, each in one slot, so that each step of a write finds its application's
    /// state with one lookup; and the order in which the slots holding something were last used.
    private struct State {
        /// Where each application's slot lies in `slots`. A slot is never removed, since its generation must never
        /// start over: that costs 150 to 300 bytes per application read or written, outside the budget.
        var positions: [Int64: Int] = [:]
        var slots: [Slot] = []
        /// The positions of the slots that hold anything, least recently used first.
        var recency = RecencyList()
        /// The most bytes the slots may hold together.
        let budget: Int
        /// The bytes they hold now: the sum of their `bytes`.
        var bytes = 0
        /// Slots emptied to stay within the budget, since start.
        var evictions = 0
        var epoch: UInt64 = 0
        /// The epoch as of the last commit that changed everything.
        var committedEpoch: UInt64 = 0

        init(budget: Int) {
            self.budget = budget
        }

        func generation(_ id: Int64) -> UInt64 { positions[id].map { slots[$0].generation } ?? 0 }

        func token(_ id: Int64) -> Token { Token(generation: generation(id), epoch: epoch) }

        /// The position of the application's slot, made if missing.
        mutating func position(_ id: Int64) -> Int {
            if let position = positions[id] { return position }
            slots.append(Slot())
            positions[id] = slots.count - 1
            return slots.count - 1
        }

        /// Runs `body` on the application's slot, made if missing, and counts its bytes again. With `using`
        /// (`body` kept a value), the slot becomes the most recently used, and the least recently used are
        /// emptied while the bytes exceed the budget.
        mutating func update<T>(_ id: Int64, using: Bool = false, _ body: (inout Slot) -> T) -> T {
            let position = position(id)
            let result = body(&slots[position])
            let weight = slots[position].weight
            bytes += weight - slots[position].bytes
            slots[position].bytes = weight
            if weight == 0 {
                recency.remove(position)
            } else if using {
                recency.touch(position)
                while bytes > budget, let oldest = recency.oldest {
                    release(oldest)
                    evictions += 1
                }
            }
            return result
        }

        /// A read found what the slot at `position` keeps: it becomes the most recently used. A few array
        /// accesses, no allocation.
        mutating func used(_ position: Int) {
            recency.touch(position)
        }

        private mutating func release(_ position: Int) {
            slots[position].release()
            bytes -= slots[position].bytes
            slots[position].bytes = 0
            recency.remove(position)
        }

        /// Lets go of every kept value, keeping generations; only the slots holding something are visited.
        mutating func releaseAll() {
            var next = recency.oldest
            while let position = next {
                next = recency.newer(than: position)
                slots[position].release()
                slots[position].bytes = 0
            }
            recency.removeAll()
            bytes = 0
        }
    }

    private let state: Mutex<State>
    /// The most bytes the kept timelines and representations may hold together, as their `estimatedBytes` count
    /// them; past it the least recently used are let go. A value heavier than the whole budget is not kept, so
    /// a budget of 0 keeps nothing.
    let budget: Int

    /// A cache holding at most `budget` bytes.
    init(budget: Int = 64 << 20) {
        self.budget = max(budget, 0)
        state = Mutex(State(budget: max(budget, 0)))
    }

    /// The bytes held now, and how many applications' values were let go to stay within the budget since start.
    var usage: (bytes: Int, evictions: Int) {
        state.withLock { ($0.bytes, $0.evictions) }
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
            let (generation, committed) =
                state.positions[id].map {
                    (state.slots[$0].generation, state.slots[$0].committedGeneration)
                } ?? (0, 0)
            return token == Token(generation: generation, epoch: state.epoch) && generation == committed
                && state.epoch == state.committedEpoch
        }
    }

    /// The entries of `ids`, in their order (nil for each not held), under one lock.
    func entries(_ ids: [Int64]) -> [Entry?] {
        state.withLock { state in
            ids.map { id in
                guard let position = state.positions[id], let entry = state.slots[position].entry,
                    entry.token == Token(generation: state.slots[position].generation, epoch: state.epoch)
                else { return nil }
                state.used(position)
                return entry
            }
        }
    }

    /// The tokens of `ids`, under one lock.
    func tokens(_ ids: [Int64]) -> [Int64: Token] {
        state.withLock { state in
            var tokens: [Int64: Token] = [:]
            tokens.reserveCapacity(ids.count)
            for id in ids { tokens[id] = state.token(id) }
            return tokens
        }
    }

    func entry(_ id: Int64) -> Entry? {
        state.withLock { state in
            guard let position = state.positions[id], let entry = state.slots[position].entry,
                entry.token == Token(generation: state.slots[position].generation, epoch: state.epoch)
            else { return nil }
            state.used(position)
            return entry
        }
    }

    /// The kept representation of an application as of `asOf` under settings of generation `settings`, if
    /// no write touched the application since and `asOf` lies in its span.
    func representation(_ id: Int64, settings: UInt64, asOf: Date) -> Representation? {
        state.withLock { state in
            guard let position = state.positions[id], let kept = state.slots[position].representation,
                kept.settings == settings, kept.span.contains(asOf),
                kept.token == Token(generation: state.slots[position].generation, epoch: state.epoch)
            else { return nil }
            state.used(position)
            return kept
        }
    }

    /// Keeps a representation unless a write happened since the token of the timeline it was made from.
    func keep(_ representation: Representation, of id: Int64) {
        guard representation.estimatedBytes <= budget else { return }
        state.withLock { state in
            guard representation.token == state.token(id) else { return }
            state.update(id, using: true) { $0.representation = representation }
        }
    }

    /// Keeps a timeline read by a pass over many applications (the agenda) only while there is room for it
    /// without letting anything go: such a pass would otherwise push out, one by one, the timelines that
    /// single reads keep using, and then its own, churning memory for nothing.
    func offer(_ entry: Entry) {
        let id = entry.application.id
        state.withLock { state in
            guard entry.token == state.token(id), state.bytes + entry.estimatedBytes <= state.budget else { return }
            state.update(id, using: true) { $0.entry = entry }
        }
    }

    /// Keeps a loaded timeline unless a write happened since its token was taken.
    func store(_ entry: Entry) {
        let id = entry.application.id
        guard entry.estimatedBytes <= budget else { return }
        state.withLock { state in
            guard entry.token == state.token(id) else { return }
            state.update(id, using: true) { $0.entry = entry }
        }
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
                guard entry.estimatedBytes <= budget else { return }
                state.update(id, using: true) { [entry = consume entry] slot in slot.entry = entry }
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
                // The most recently used: the write extends it in a moment. Still evictable meanwhile, and
                // the extension then keeps nothing, so what is kept is never older than the commit.
                state.update(id, using: true) { $0.extending = kept }
            }
        case .everything:
            state.epoch &+= 1
            state.releaseAll()
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
