import Glibc
import SQLite
import System

/// The one connection that writes, on a thread of its own, committing jobs in groups.
///
/// Callers submit jobs from any thread. The thread sleeps until jobs arrive, then takes every job queued at that
/// moment and runs them in ONE `BEGIN IMMEDIATE` transaction, each in a SAVEPOINT of its own: a job that throws is
/// rolled back alone and gets its error, the others go on. When SQLite answers a job's error by rolling back the
/// whole transaction (SQLITE_FULL, SQLITE_IOERR…), that job gets its error and the others run again in a new
/// transaction: a job may run more than once, so it must do nothing outside the database that cannot be repeated
/// before its completion is called. Jobs queued while they run join the same transaction,
/// up to `batchLimit` in all, until none is waiting. Then it commits once, so at
/// `synchronous = FULL` a whole batch costs one WAL sync instead of one per job
/// (https://sqlite.org/wal.html#performance_considerations). Only after COMMIT returns does it call the
/// completions, so a job that is told it succeeded is durable and visible to every reader. If BEGIN or COMMIT
/// fails, nothing of the batch is kept and every job gets the error.
///
/// The `Database` is opened, used and closed on the writer thread alone, as its SQLITE_OPEN_NOMUTEX connection
/// requires; it never crosses threads.
final class DatabaseWriter: Sendable {
    /// The database file.
    let path: String
    /// The most jobs one transaction holds; a longer queue is split into several transactions.
    let batchLimit: Int
    let shared: ConditionLock<WriterState>
    /// The writer thread; `pthread_t` is an integer on Linux.
    let thread: pthread_t

    /// Starts the writer thread, which opens the database with `options` and runs `prepare` on it (outside any
    /// transaction, e.g. migrations) before it accepts jobs. Throws what opening or `prepare` threw.
    init(
        path: String, options: DatabaseOptions = DatabaseOptions(), batchLimit: Int = 512,
        prepare: @escaping @Sendable (Database) throws -> Void = { _ in }
    ) throws {
        self.path = path
        self.batchLimit = max(batchLimit, 1)
        let shared = ConditionLock(WriterState())
        self.shared = shared
        let limit = self.batchLimit
        thread = try Self.spawn {
            Self.serve(shared: shared, path: path, options: options, batchLimit: limit, prepare: prepare)
        }
        let failure: (any Error)? = shared.wait(until: { state in
            if case .starting = state.phase {
                return false
            }
            return true
        }) { state in
            if case .failed(let error) = state.phase {
                return error
            }
            return nil
        }
        if let failure {
            pthread_join(thread, nil)
            throw failure
        }
    }

    deinit {
        close()
    }

    /// Queues `job` for the next group commit. `completion` is called exactly once, on the writer thread after the
    /// transaction ended (keep it quick: hand the result on), or at once on the caller's thread with
    /// `DatabaseWriterError.closed` if the writer is closed. `job` may run more than once (see the type's
    /// description), each time in a transaction that holds none of its earlier run's writes.
    func submit<T: Sendable>(
        _ job: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        enqueue(WriterJob(runsAlone: false, job, completion: completion))
    }

    /// Queues `job` to run alone and outside any transaction, for work SQLite refuses inside one (VACUUM,
    /// `walCheckpoint`, backups). Jobs before it commit first; it gets no savepoint and no rollback.
    func submitAlone<T: Sendable>(
        _ job: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        enqueue(WriterJob(runsAlone: true, job, completion: completion))
    }

    /// Runs `job` in the next group commit and waits for the commit; for start-up, tests and command-line tools.
    /// Throws `DatabaseWriterError.performOnWriterThread` when called from a completion, which would deadlock.
    func perform<T: Sendable>(_ job: @escaping @Sendable (Database) throws -> T) throws -> T {
        try waitFor { submit(job, completion: $0) }
    }

    /// Queues a Store job for the next group commit, like `submit`, or to run alone when `extent` is
    /// `.unbounded`; its completion gets what the job's writes changed with its value.
    func submitTransaction<T: Sendable>(
        _ job: @escaping @Sendable (inout WriteTransaction) throws -> T, extent: WriteExtent = .bounded,
        completion: @escaping @Sendable (Result<Committed<T>, any Error>) -> Void
    ) {
        enqueue(WriterJob(job, extent: extent, completion: completion))
    }

    /// Runs a Store job in the next group commit and waits for the commit, like `perform`.
    func performTransaction<T: Sendable>(
        _ job: @escaping @Sendable (inout WriteTransaction) throws -> T, extent: WriteExtent = .bounded
    ) throws -> Committed<T> {
        try waitFor { submitTransaction(job, extent: extent, completion: $0) }
    }

    /// Runs `job` alone, outside any transaction, and waits for it; see `submitAlone`.
    func performAlone<T: Sendable>(_ job: @escaping @Sendable (Database) throws -> T) throws -> T {
        try waitFor { submitAlone(job, completion: $0) }
    }

    /// Whether `submit` queues jobs: true from the end of `init` until `close()` is called.
    var isAcceptingJobs: Bool {
        shared.withLock { state in
            if case .running = state.phase {
                return true
            }
            return false
        }
    }

    /// The counters so far: commits, jobs, batch sizes.
    var statistics: WriterStatistics {
        shared.withLock { $0.statistics }
    }

    /// Stops accepting jobs, runs those already queued, closes the database and ends the thread. Idempotent;
    /// returns once the database is closed, except when called on the writer thread itself (from a completion),
    /// where it only asks the thread to finish.
    func close() {
        let mustJoin: Bool? = shared.withLockThenWake { state in
            switch state.phase {
            case .running:
                state.phase = .closing
                return true
            case .closing:
                return false
            case .starting, .failed, .closed:
                return nil
            }
        }
        guard let mustJoin else { return }
        if isWriterThread {
            if mustJoin {
                pthread_detach(thread)
            }
            return
        }
        if mustJoin {
            pthread_join(thread, nil)
        } else {
            shared.wait(until: { state in
                if case .closed = state.phase {
                    return true
                }
                return false
            }) { _ in }
        }
    }

    /// Whether the caller runs on the writer thread.
    var isWriterThread: Bool {
        pthread_equal(thread, pthread_self()) != 0
    }

    private func enqueue(_ job: WriterJob) {
        let accepted = shared.withLockThenWake { state in
            guard case .running = state.phase else { return false }
            state.queue.append(job)
            return true
        }
        if !accepted {
            job.fail(DatabaseWriterError.closed)
        }
    }

    private func waitFor<T: Sendable>(
        _ start: (@escaping @Sendable (Result<T, any Error>) -> Void) -> Void
    ) throws -> T {
        guard !isWriterThread else {
            throw DatabaseWriterError.performOnWriterThread
        }
        let box = ConditionLock<Result<T, any Error>?>(nil)
        start { result in
            box.withLockThenWake { $0 = result }
        }
        let result = box.wait(until: { $0 != nil }) { $0 }
        // Never nil once the wait ends; the fallback only avoids a force unwrap.
        return try (result ?? .failure(DatabaseWriterError.closed)).get()
    }
}
