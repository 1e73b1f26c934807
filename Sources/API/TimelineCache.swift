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
        /// another write touched it too. `base` is the timeline judged when the cache did not hold it whole (read inside the
        /// transaction, or knowing contacts the cached one did not); when nil, the cached entry itself
        /// is set aside at the write and extended in place, with no copy of its events.
        case extended(from: Token, id: Int64, base: Entry?, event: EventFact)
        case everything
    }

    private struct State {
        var entries: [Int64: Entry] = [:]
        /// Entries taken out of `entries` by a write that will extend them once committed; out of the
        /// dictionary, the entry's facts have no other owner and grow in place.
        var extending: [Int64: Entry] = [:]
        var representations: [Int64: Representation] = [:]
        var generations: [Int64: UInt64] = [:]
        var epoch: UInt64 = 0
        /// Each application's generation, and the epoch, as of the last commit that touched them. A
        /// generation ahead of it means a write to the application is inside a transaction still open
        /// (or one whose commit failed).
        var committedGenerations: [Int64: UInt64] = [:]
        var committedEpoch: UInt64 = 0
    }

    private let state = Mutex(State())
    /// Entries kept at most; past it the cache starts over (a home user's data fits many times over).
    let capacity: Int

    init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    func token(_ id: Int64) -> Token {
        state.withLock { Token(generation: $0.generations[id, default: 0], epoch: $0.epoch) }
    }

    /// Whether a judgement of application `id` made at `token` still holds for a write in the writer's
    /// transaction: no write touched the application since, and none is pending. A token taken while
    /// another write to it was inside the open transaction matches the current one until that write
    /// commits, yet the timeline read under it lacked that write, since readers see only what is
    /// committed; a job that joins the same transaction must then judge again.
    func isSettled(_ id: Int64, at token: Token) -> Bool {
        state.withLock { state in
            let generation = state.generations[id, default: 0]
            return token == Token(generation: generation, epoch: state.epoch)
                && generation == state.committedGenerations[id, default: 0] && state.epoch == state.committedEpoch
        }
    }

    func entry(_ id: Int64) -> Entry? {
        state.withLock { state in
            guard let entry = state.entries[id],
                entry.token == Token(generation: state.generations[id, default: 0], epoch: state.epoch)
            else { return nil }
            return entry
        }
    }

    /// The kept representation of an application as of `asOf` under settings of generation `settings`, if
    /// no write touched the application since and `asOf` lies in its span.
    func representation(_ id: Int64, settings: UInt64, asOf: Date) -> Representation? {
        state.withLock { state in
            guard let kept = state.representations[id], kept.settings == settings, kept.span.contains(asOf),
                kept.token == Token(generation: state.generations[id, default: 0], epoch: state.epoch)
            else { return nil }
            return kept
        }
    }

    /// Keeps a representation unless a write happened since the token of the timeline it was made from.
    func keep(_ representation: Representation, of id: Int64) {
        state.withLock { state in
            guard representation.token == Token(generation: state.generations[id, default: 0], epoch: state.epoch)
            else { return }
            if state.representations.count >= capacity { state.representations.removeAll(keepingCapacity: true) }
            state.representations[id] = representation
        }
    }

    /// Keeps a loaded timeline unless a write happened since its token was taken.
    func store(_ entry: Entry) {
        let id = entry.application.id
        state.withLock { state in
            guard entry.token == Token(generation: state.generations[id, default: 0], epoch: state.epoch) else {
                return
            }
            Self.put(entry, into: &state, capacity: capacity)
        }
    }

    private static func put(_ entry: consuming Entry, into state: inout State, capacity: Int) {
        if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
        state.entries[entry.application.id] = entry
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
            let sole = state.epoch == from.epoch && state.generations[id, default: 0] == from.generation &+ 1
            guard sole else {
                Self.bump(id, in: &state)
                return nil
            }
            Self.forget(change, in: &state)
            return (Token(generation: state.generations[id, default: 0], epoch: state.epoch), base)
        }
        guard let outcome, case .extended(let from, let id, _, let event) = change else { return nil }
        return { [self] in
            if var base = outcome.base {
                base.record(event, as: outcome.token)
                store(base)
                return
            }
            state.withLock { state in
                guard var entry = state.extending.removeValue(forKey: id), entry.token == from,
                    outcome.token == Token(generation: state.generations[id, default: 0], epoch: state.epoch)
                else { return }
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
            bump(id, in: &state)
        case .extended(let from, let id, let base, _):
            // Set aside at the first bump (inside the transaction), kept at the second (the commit); moved,
            // not copied, so its facts keep a single owner.
            let kept =
                base == nil ? state.entries.removeValue(forKey: id) ?? state.extending.removeValue(forKey: id) : nil
            bump(id, in: &state)
            if let kept, kept.token == from {
                if state.extending.count >= 4096 { state.extending.removeAll(keepingCapacity: true) }
                state.extending[id] = kept
            }
        case .everything:
            state.epoch &+= 1
            state.entries.removeAll(keepingCapacity: true)
            state.extending.removeAll(keepingCapacity: true)
            state.representations.removeAll(keepingCapacity: true)
        }
    }

    /// Once a change is committed, what it touched is settled at its current generation or epoch.
    private static func settle(_ change: Change, in state: inout State) {
        switch change {
        case .none:
            break
        case .application(let id), .extended(_, let id, _, _):
            state.committedGenerations[id] = state.generations[id, default: 0]
        case .everything:
            state.committedEpoch = state.epoch
        }
    }

    private static func bump(_ id: Int64, in state: inout State) {
        state.generations[id, default: 0] &+= 1
        state.entries[id] = nil
        state.extending[id] = nil
        state.representations[id] = nil
    }
}
