import Glibc
import SQLite

extension DatabaseWriter {
    /// Carries the thread's body through pthread_create's untyped argument.
    private final class ThreadBody {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts a POSIX thread running `body`.
    static func spawn(_ body: @escaping @Sendable () -> Void) throws(DatabaseWriterError) -> pthread_t {
        var thread = pthread_t()
        let argument = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        let code = pthread_create(
            &thread, nil,
            { argument in
                guard let argument else { return nil }
                Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue().run()
                return nil
            }, argument)
        guard code == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(argument).release()
            throw .threadStartFailed(code: code)
        }
        return thread
    }

    /// The writer thread's life: open and prepare, then serve batches until closed and drained, then close.
    /// Holds the shared state, never the writer itself, so dropping the last reference to the writer closes it.
    static func serve(
        shared: WaitableLock<WriterState>, path: String, options: DatabaseOptions, batchLimit: Int,
        prepare: @Sendable (Database) throws -> Void
    ) {
        let database: Database
        do {
            database = try Database(path: path, options: options)
        } catch {
            shared.withLockThenWake { $0.phase = .failed(error) }
            return
        }
        do {
            try prepare(database)
        } catch {
            database.close()
            shared.withLockThenWake { $0.phase = .failed(error) }
            return
        }
        shared.withLockThenWake { $0.phase = .running }
        while let batch = shared.wait(until: \.hasWorkOrIsClosing, then: { $0.takeBatch(limit: batchLimit) }) {
            let (statistics, deliver) = run(batch, limit: batchLimit, on: database) { room in
                shared.withLock { $0.takeLateJobs(limit: room) }
            }
            shared.withLock { state in
                state.statistics.commits += statistics.commits
                state.statistics.failedBatches += statistics.failedBatches
                state.statistics.jobs += statistics.jobs
                state.statistics.failedJobs += statistics.failedJobs
                state.statistics.largestBatch = max(state.statistics.largestBatch, statistics.largestBatch)
            }
            deliver()
        }
        database.close()
        shared.withLockThenWake { $0.phase = .closed }
    }

    /// Runs one batch and returns what it counted and how to call the completions, which the caller does once
    /// the counters are updated. Before COMMIT, jobs queued while the batch ran join it (`late`, given the room
    /// left under `limit`): the sync is what a commit costs, so a job that can still share this one need not
    /// wait for a sync of its own. The batch ends when no job is waiting, which comes soon, since every client
    /// with a job in the batch waits for its answer before sending more.
    private static func run(
        _ first: [WriterJob], limit: Int, on database: Database, late: (Int) -> [WriterJob]
    ) -> (statistics: WriterStatistics, deliver: () -> Void) {
        var statistics = WriterStatistics()
        if let job = first.first, job.runsAlone {
            let outcome = job.execute(database)
            statistics.largestBatch = 1
            statistics.jobs = 1
            statistics.failedJobs = outcome.error == nil ? 0 : 1
            return (statistics, { outcome.finish(nil) })
        }
        var batch = first
        var outcomes: [WriterJob.Outcome] = []
        outcomes.reserveCapacity(batch.count)
        var batchError: (any Error)?
        do {
            try database.transaction(.immediate) { database in
                while true {
                    if outcomes.count == batch.count {
                        let joining = batch.count < limit ? late(limit - batch.count) : []
                        if joining.isEmpty { break }
                        batch.append(contentsOf: joining)
                    }
                    let outcome = batch[outcomes.count].execute(database)
                    outcomes.append(outcome)
                    // After SQLITE_FULL, SQLITE_IOERR and the like SQLite may roll the whole transaction back by
                    // itself (https://sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction);
                    // later savepoints would then open transactions of their own, so the batch stops here.
                    if let error = outcome.error, !database.isInTransaction {
                        throw DatabaseWriterError.batchRolledBack(underlying: error)
                    }
                }
            }
            statistics.commits = 1
        } catch {
            batchError = error
            statistics.failedBatches = 1
        }
        statistics.largestBatch = batch.count
        statistics.jobs = outcomes.count
        statistics.failedJobs = outcomes.count { $0.error != nil }
        let failure = batchError
        let jobs = batch
        return (
            statistics,
            {
                for (index, job) in jobs.enumerated() {
                    if index < outcomes.count {
                        outcomes[index].finish(failure)
                    } else {
                        job.fail(failure ?? DatabaseWriterError.closed)
                    }
                }
            }
        )
    }
}
