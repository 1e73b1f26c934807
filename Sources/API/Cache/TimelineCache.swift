import Guidance
import JSON
import Store
import System
import Time

/// Applications' timelines kept in memory between the writes that change them, so reads, checks and
/// the checking of new events need no database round trip.
///
/// Every entry and representation is tagged with the token (the application's generation and the cache's
/// epoch) taken before its data was read, and is kept and handed out only while that token is current. Writes
/// move the tokens through `CacheWrite`, where the invariant that keeps what is handed out from ever being
/// stale is written down.
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
        let span: ClosedRange<Instant>
        let settings: UInt64
        let token: Token
    }

    /// Touched by `CacheWrite` for writes; everything else goes through the methods here. Behind a pthread
    /// mutex, not `Mutex`: that one is a priority-inheriting futex, which hands the lock over to a waiter that
    /// may not be running, and the event loops, the writer and the reminders' threads all take this one often.
    let state: ConditionLock<State>
    /// The most bytes the kept timelines and representations may hold together, as their `estimatedBytes` count
    /// them; past it the least recently used are let go. A value heavier than the whole budget is not kept, so
    /// a budget of 0 keeps nothing.
    let budget: Int

    /// A cache holding at most `budget` bytes.
    init(budget: Int = 64 << 20) {
        self.budget = max(budget, 0)
        state = ConditionLock(State(budget: max(budget, 0)))
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

    /// How many applications one hold of the lock looks up at most: the reminders look up thousands at a time
    /// from a thread at a low priority, which the kernel may stop while it holds the lock, and every loop then
    /// waits for it; a few microseconds' hold keeps that rare and short.
    static let lookUpsPerHold = 128

    /// The entries of `ids`, in their order (nil for each not held), `lookUpsPerHold` under each hold of the lock
    /// (each entry stands for its own application, checked against its own token).
    func entries(_ ids: [Int64]) -> [Entry?] {
        var found: [Entry?] = []
        found.reserveCapacity(ids.count)
        forEachHold(over: ids) { state, id in
            guard let position = state.positions[id], let entry = state.slots[position].entry,
                entry.token == Token(generation: state.slots[position].generation, epoch: state.epoch)
            else {
                found.append(nil)
                return
            }
            state.used(position)
            found.append(entry)
        }
        return found
    }

    /// The tokens of `ids`, `lookUpsPerHold` under each hold of the lock.
    func tokens(_ ids: [Int64]) -> [Int64: Token] {
        var tokens: [Int64: Token] = [:]
        tokens.reserveCapacity(ids.count)
        forEachHold(over: ids) { state, id in tokens[id] = state.token(id) }
        return tokens
    }

    /// Calls `body` with the state and each of `ids` in order, taking the lock once per `lookUpsPerHold` of them.
    private func forEachHold(over ids: [Int64], _ body: (inout State, Int64) -> Void) {
        for start in stride(from: 0, to: ids.count, by: Self.lookUpsPerHold) {
            let part = ids[start..<min(start + Self.lookUpsPerHold, ids.count)]
            state.withLock { state in
                for id in part { body(&state, id) }
            }
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
    func representation(_ id: Int64, settings: UInt64, asOf: Instant) -> Representation? {
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
}
