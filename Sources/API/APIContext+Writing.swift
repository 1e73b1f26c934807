import HTTP
import Store
import System

/// Writes: every one runs in the writer's group commit through the Store, which says what it changed, and the
/// timeline cache follows through a `CacheWrite` begun inside the transaction and committed after it.
extension APIContext {
    /// A handler that validates on the event loop, then runs its database work in the writer's next group
    /// commit and answers once that commit is durable, after the cache has followed it (a timeline the write
    /// only extended is extended on the event loop, also before the client hears back). A write whose extent is
    /// `.unbounded` (a delete that takes rows without a bound along) runs alone in a transaction of its own.
    func write(
        _ extent: WriteExtent = .bounded,
        _ prepare: @escaping @Sendable (Request) throws -> @Sendable (inout WriteTransaction) throws -> Written
    ) -> Handler {
        .deferred { [self] request, responder in
            let job: @Sendable (inout WriteTransaction) throws -> Written
            do {
                job = try prepare(request)
            } catch {
                responder.fail(error)
                return
            }
            store.submit({ [self] transaction in try began(job, &transaction) }, extent: extent) { [self] result in
                switch result {
                case .success(let committed):
                    let (written, cacheWrite) = committed.value
                    let extend = finished(written, cacheWrite)
                    tellReminders(committed.change, written)
                    written.deliver(to: responder, before: extend)
                case .failure(let error):
                    responder.fail(APIError.fromWrite(error))
                }
            }
        }
    }

    /// Runs `job` like `write`'s, for a handler that answers in its own way: `answer` is called on the writer
    /// thread once the commit ended, with the job's answer or the error to answer with. The job stores no
    /// event, so there is no timeline to extend on the loop.
    func submit(
        _ job: @escaping @Sendable (inout WriteTransaction) throws -> Written,
        answer: @escaping @Sendable (Result<Written, any Error>) -> Void
    ) {
        store.submit({ [self] transaction in try began(job, &transaction) }) { [self] result in
            answer(
                result.map { committed in
                    let (written, cacheWrite) = committed.value
                    // Nil: only a stored event is extended.
                    _ = finished(written, cacheWrite)
                    tellReminders(committed.change, written)
                    return written
                }.mapError(APIError.fromWrite))
        }
    }

    /// Inside the transaction: runs the job, then begins the cache's part with what the Store says it changed.
    private func began(
        _ job: (inout WriteTransaction) throws -> Written, _ transaction: inout WriteTransaction
    ) throws -> (Written, CacheWrite) {
        let started = Clock.monotonicMicroseconds()
        defer { metrics.recordDatabase(read: false, micros: Clock.monotonicMicroseconds() - started) }
        let written = try job(&transaction)
        return (written, CacheWrite.begin(transaction.change, judgement: written.judgement, in: timelines))
    }

    /// After the commit, on the writer thread: the reminders learn what it changed (recording it and signalling
    /// is all they do there), and the sender that the outbox changed when it did.
    private func tellReminders(_ change: StoreChange, _ written: Written) {
        guard let reminders else { return }
        let change = change.then(written.remindersChange)
        if change != .none { reminders.changed(change) }
        if written.outboxChanged { reminders.outboxChanged() }
    }

    /// After the commit, before the client hears back: the settings the job stored replace those in memory,
    /// and the cache commits; returns the extension of a timeline the write only extended, for the loop.
    private func finished(_ written: Written, _ cacheWrite: CacheWrite) -> (@Sendable () -> Void)? {
        if let settings = written.settings { replaceSettings(settings) }
        return cacheWrite.commit()
    }
}
