import Glibc
import SQLite
import System

extension DatabaseWriter {
    /// Starts the writer's thread running `body`.
    static func spawn(_ body: @escaping @Sendable () -> Void) throws(DatabaseWriterError) -> pthread_t {
        do {
            return try SystemThread.spawn(named: "writer", body)
        } catch {
            throw .threadStartFailed(code: error.code)
        }
    }

    /// The writer thread's life: open and prepare, then serve batches until closed and drained, then close.
    /// Holds the shared state, never the writer itself, so dropping the last reference to the writer closes it.
    static func serve(
        shared: ConditionLock<WriterState>, path: String, options: DatabaseOptions, batchLimit: Int,
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
                state.statistics.restarts += statistics.restarts
                state.statistics.largestBatch = max(state.statistics.largestBatch, statistics.largestBatch)
            }
            deliver()
        }
        database.close()
        shared.withLockThenWake { $0.phase = .closed }
    }
}
