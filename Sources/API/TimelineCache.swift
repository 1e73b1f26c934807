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

    struct Entry: Sendable {
        let timeline: ApplicationTimeline
        /// Statuses of the other applications its offer disclosures name.
        let statuses: [Int64: String]
        let token: Token
    }

    /// What a committed write may have changed.
    enum Change: Sendable {
        case none
        case application(Int64)
        case everything
    }

    private struct State {
        var entries: [Int64: Entry] = [:]
        var generations: [Int64: UInt64] = [:]
        var epoch: UInt64 = 0
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

    func entry(_ id: Int64) -> Entry? {
        state.withLock { state in
            guard let entry = state.entries[id],
                entry.token == Token(generation: state.generations[id, default: 0], epoch: state.epoch)
            else { return nil }
            return entry
        }
    }

    /// Keeps a loaded timeline unless a write happened since `token` was taken.
    func store(_ timeline: ApplicationTimeline, statuses: [Int64: String], token: Token) {
        let id = timeline.application.id
        state.withLock { state in
            guard token == Token(generation: state.generations[id, default: 0], epoch: state.epoch) else { return }
            if state.entries.count >= capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[id] = Entry(timeline: timeline, statuses: statuses, token: token)
        }
    }

    func invalidate(_ change: Change) {
        state.withLock { state in
            switch change {
            case .none:
                break
            case .application(let id):
                state.generations[id, default: 0] &+= 1
                state.entries[id] = nil
            case .everything:
                state.epoch &+= 1
                state.entries.removeAll(keepingCapacity: true)
            }
        }
    }
}
