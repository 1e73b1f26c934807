import Guidance
import Store

/// One write's passage through the timeline cache: `begin` inside the writer's transaction, once the job has
/// written, with what the Store says its writes changed; `commit` after the group commit kept them, before the
/// write's client hears back. Only the writer thread begins and commits, in the order it runs the jobs.
///
/// The cache's invariant: what it hands out for an application (its timeline, or its representation) is what
/// the database held at the last commit that changed that application's timeline, from the moment that
/// commit's client hears back; and a judgement made against a timeline is trusted inside the writer's
/// transaction only while no write to that application has come since, committed or not.
///
/// How it holds:
/// - Each application has a generation, the cache an epoch. What the cache keeps carries the token (generation
///   and epoch) taken before its data was read, and is kept and handed out only while that token is current.
/// - `begin` bumps the generation of every application the change names (the epoch, for a change of
///   everything): later jobs of the same batch then judge again (`TimelineCache.isSettled`), and a load begun
///   before the write cannot be kept. `commit` bumps them once more: a load begun between the two read what
///   was there before the commit, since readers see only what is committed, so it cannot be kept either.
/// - The one exception is a new event judged against a timeline: when its write added the event and changed
///   nothing else, and no other write touched the application between `begin` and `commit` (its generation
///   moved by its own bump alone), the timeline judged, with the event, is the committed state. `commit` then
///   returns the extension instead of bumping again; it runs on the event loop that answers, before the
///   client hears back, never on the writer thread, and keeps nothing if another write came in between.
/// - Letting go of values to stay within the budget keeps the generations, so it can only cause a load later,
///   never a stale answer.
struct CacheWrite: Sendable {
    /// The timeline a new event was judged against, and the event as the guidance saw it: what `commit` needs
    /// to extend the cached timeline by the event rather than forget it.
    struct Judgement: Sendable {
        let applicationId: Int64
        /// The cache's token for the timeline judged.
        let token: TimelineCache.Token
        /// The timeline judged when it is not the cached one as it stands (read inside the transaction, or
        /// knowing contacts the cached one does not); when nil, the cached entry itself is set aside at `begin`
        /// and extended in place, with no copy of its events.
        let whole: TimelineCache.Entry?
        let proposal: Proposal

        /// A judgement of `proposal` against `entry`, keeping the entry itself only if `whole`.
        init(_ entry: TimelineCache.Entry, whole: Bool, proposal: Proposal) {
            applicationId = entry.application.id
            token = entry.token
            self.whole = whole ? entry : nil
            self.proposal = proposal
        }
    }

    /// What the write touched, as the cache sees it.
    private enum Scope: Sendable {
        case none
        case applications(Set<Int64>)
        /// `event` was added to application `id`'s timeline as judged at `from`; `base` is the judged timeline
        /// when it is not the cached one (`Judgement.whole`).
        case extended(from: TimelineCache.Token, id: Int64, base: TimelineCache.Entry?, event: EventFact)
        case everything
    }

    private let cache: TimelineCache
    private let scope: Scope

    private init(_ cache: TimelineCache, _ scope: Scope) {
        self.cache = cache
        self.scope = scope
    }

    /// Inside the writer's transaction, once the job has written: `change` is what the Store derived from its
    /// writes, `judgement` what a new event was judged against, if the job stored one.
    static func begin(_ change: StoreChange, judgement: Judgement?, in cache: TimelineCache) -> CacheWrite {
        let scope: Scope
        switch change {
        case .none, .settings:
            // A timeline holds no setting: what is worked out under the settings is tagged with their
            // generation (`Representation.settings`), which the stored settings replace once committed.
            scope = .none
        case .eventAdded(let eventId, let applicationId):
            if let judgement, judgement.applicationId == applicationId {
                let event = EventFact(id: Int(eventId), judgement.proposal)
                scope = .extended(from: judgement.token, id: applicationId, base: judgement.whole, event: event)
            } else {
                scope = .applications([applicationId])
            }
        case .applications(let ids):
            scope = .applications(ids)
        case .everything:
            scope = .everything
        }
        cache.state.withLock { forget(scope, in: &$0) }
        return CacheWrite(cache, scope)
    }

    /// After the commit, before the client hears back: what the write touched is forgotten and settled,
    /// except a timeline it only extended, whose extension is returned, to run on the event loop that answers
    /// before the client hears back. Its token is taken now, so any write in between makes it keep nothing.
    func commit() -> (@Sendable () -> Void)? {
        let outcome: (token: TimelineCache.Token, base: TimelineCache.Entry?)? = cache.state.withLock { state in
            defer { Self.settle(scope, in: &state) }
            guard case .extended(let from, let id, let base, _) = scope else {
                Self.forget(scope, in: &state)
                return nil
            }
            let sole = state.epoch == from.epoch && state.generation(id) == from.generation &+ 1
            guard sole else {
                state.update(id) { $0.bump() }
                return nil
            }
            Self.forget(scope, in: &state)
            return (state.token(id), base)
        }
        guard let outcome, case .extended(let from, let id, _, let event) = scope else { return nil }
        return { [cache] in
            if var base = outcome.base {
                base.record(event, as: outcome.token)
                cache.store(base)
                return
            }
            cache.state.withLock { state in
                guard outcome.token == state.token(id) else {
                    state.update(id) { $0.extending = nil }
                    return
                }
                // Taken out, not copied: the entry must hold the only reference to grow in place.
                guard var entry = state.update(id, { $0.takeExtending() }), entry.token == from else { return }
                entry.record(event, as: outcome.token)
                guard entry.estimatedBytes <= cache.budget else { return }
                state.update(id, using: true) { [entry = consume entry] slot in slot.entry = entry }
            }
        }
    }

    /// Bumps what `scope` touched, setting aside the entry a new event will extend.
    private static func forget(_ scope: Scope, in state: inout TimelineCache.State) {
        switch scope {
        case .none:
            break
        case .applications(let ids):
            for id in ids { state.update(id) { $0.bump() } }
        case .extended(let from, let id, let base, _):
            // Set aside at the first bump (`begin`), kept at the second (`commit`); moved, not copied, so its
            // facts keep a single owner.
            let kept: TimelineCache.Entry? = state.update(id) { slot in
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

    /// Once committed, what `scope` touched is settled at its current generation or epoch.
    private static func settle(_ scope: Scope, in state: inout TimelineCache.State) {
        switch scope {
        case .none:
            break
        case .applications(let ids):
            for id in ids { state.update(id) { $0.committedGeneration = $0.generation } }
        case .extended(_, let id, _, _):
            state.update(id) { $0.committedGeneration = $0.generation }
        case .everything:
            state.committedEpoch = state.epoch
        }
    }
}
