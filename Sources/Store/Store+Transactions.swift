/// Reads on the calling thread's reader, and writes in the writer's group commits, each reporting what it changed.
extension Store {
    /// Runs `body` on the calling thread's reader, inside one transaction, so that all its queries see one
    /// snapshot (https://sqlite.org/isolation.html). Opens the thread's reader on its first read; the thread holds
    /// it until it ends. Throws what `body` throws, or a `StoreError` (`readersExhausted` when every reader belongs
    /// to another thread).
    public func read<T>(_ body: (ReadTransaction) throws -> T) throws -> T {
        do {
            return try readers.withReader { database in try body(ReadTransaction(database)) }
        } catch {
            throw StoreError.from(error)
        }
    }

    /// Queues `job` for the writer's next group commit, in a savepoint of its own: if it throws, its writes are
    /// undone and the batch's other jobs go on. `completion` is called exactly once, on the writer thread once the
    /// transaction ended (keep it quick: hand the result on), with the job's value and what its writes changed,
    /// durable and visible to every reader; or with the job's own error, or a `StoreError` (`closed`, `full`…).
    /// `job` may run more than once, each time in a transaction that holds none of its earlier run's writes, so
    /// it must do nothing outside the database that cannot be repeated. A job whose `extent` is `.unbounded`
    /// (deleting what has no bound on its size) runs alone in a transaction of its own instead, and only once.
    public func submit<T: Sendable>(
        _ job: @escaping @Sendable (inout WriteTransaction) throws -> T, extent: WriteExtent = .bounded,
        completion: @escaping @Sendable (Result<Committed<T>, any Error>) -> Void
    ) {
        writer.submitTransaction(job, extent: extent, completion: completion)
    }

    /// Runs `job` in the next group commit (alone when `extent` is `.unbounded`) and waits for the commit; for
    /// start-up, tests and tools. Throws what the job threw, or a `StoreError`.
    @discardableResult
    public func perform<T: Sendable>(
        _ job: @escaping @Sendable (inout WriteTransaction) throws -> T, extent: WriteExtent = .bounded
    ) throws -> Committed<T> {
        do {
            return try writer.performTransaction(job, extent: extent)
        } catch {
            throw StoreError.from(error)
        }
    }

    /// The writer's counters so far: commits, jobs, batch sizes, restarts.
    public var statistics: WriterStatistics { writer.statistics }
}
