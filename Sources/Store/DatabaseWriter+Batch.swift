import SQLite

extension DatabaseWriter {
    /// How one transaction over a group of the batch's jobs ended.
    private enum Ending {
        /// Committed; one outcome per job of the group, in order.
        case committed([WriterJob.Outcome])
        /// BEGIN or COMMIT failed: nothing is kept. The outcomes of the jobs that ran, in order; the rest of the
        /// group did not run.
        case failed([WriterJob.Outcome], any Error)
        /// The transaction was gone after the job at `position` of the group ran: SQLite rolled it back on that
        /// job's error. Nothing of the group is kept; that job's fate is its own.
        case ended(position: Int, WriterJob.Outcome)
    }

    /// Runs one batch and returns what it counted and how to call the completions, which the caller does once
    /// the counters are updated. Before COMMIT, jobs queued while the batch ran join it (`late`, given the room
    /// left under `limit`): the sync is what a commit costs, so a job that can still share this one need not
    /// wait for a sync of its own. The batch ends when no job is waiting, which comes soon, since every client
    /// with a job in the batch waits for its answer before sending more.
    ///
    /// A job that throws is normally undone alone by its savepoint. After SQLITE_FULL, SQLITE_IOERR and the like,
    /// though, SQLite may roll back the whole transaction (it does when the failing statement kept no journal
    /// of its own, https://sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction), taking the
    /// work of the jobs before it along. That job alone is told of its error. The jobs before it, which all
    /// succeeded, run again and commit in a transaction of their own; the jobs after it go on in the next. So
    /// each job runs at most twice, and each job that ends a transaction costs at most one more commit.
    static func run(
        _ first: [WriterJob], limit: Int, on database: Database, late: (Int) -> [WriterJob]
    ) -> (statistics: WriterStatistics, deliver: () -> Void) {
        var statistics = WriterStatistics()
        if let job = first.first, job.runsAlone {
            let outcome = job.execute(database)
            statistics.largestBatch = 1
            statistics.jobs = 1
            statistics.failedJobs = outcome.error == nil ? 0 : 1
            statistics.commits = job.commitsAlone && outcome.error == nil ? 1 : 0
            return (statistics, { outcome.finish(nil) })
        }
        var batch = first
        // What each job is told once its fate is known, by position in the batch.
        var finishes: [(() -> Void)?] = Array(repeating: nil, count: batch.count)
        var ran = 0
        // The groups still to run, in order; only the last takes late jobs, so jobs commit in the order queued.
        var groups = [Array(batch.indices)]
        while !groups.isEmpty {
            var group = groups.removeFirst()
            let room = groups.isEmpty ? limit : 0
            let ending = attempt(&group, of: &batch, limit: room, on: database, late: late)
            finishes += repeatElement(nil, count: batch.count - finishes.count)
            switch ending {
            case .committed(let outcomes):
                statistics.commits += 1
                ran += outcomes.count
                for (index, outcome) in zip(group, outcomes) {
                    statistics.failedJobs += outcome.error == nil ? 0 : 1
                    finishes[index] = { outcome.finish(nil) }
                }
            case .failed(let outcomes, let error):
                statistics.failedBatches += 1
                ran += outcomes.count
                for (position, index) in group.enumerated() {
                    guard position < outcomes.count else {
                        let job = batch[index]
                        finishes[index] = { job.fail(error) }
                        continue
                    }
                    let outcome = outcomes[position]
                    statistics.failedJobs += outcome.error == nil ? 0 : 1
                    finishes[index] = { outcome.finish(error) }
                }
            case .ended(let position, let outcome):
                statistics.restarts += 1
                statistics.failedJobs += 1
                ran += 1
                // Its own error if it threw one; if it caught the error and returned, it is still not kept.
                finishes[group[position]] = { outcome.finish(DatabaseWriterError.transactionEnded) }
                let after = Array(group[(position + 1)...])
                let before = Array(group[..<position])
                if !after.isEmpty { groups.insert(after, at: 0) }
                // The jobs before it are counted once, when their second run ends.
                if !before.isEmpty { groups.insert(before, at: 0) }
            }
        }
        statistics.largestBatch = batch.count
        statistics.jobs = ran
        let deliveries = finishes
        return (statistics, { for finish in deliveries { finish?() } })
    }

    /// Runs the jobs at `group`'s positions of `batch` in one transaction, letting late jobs join (appended to
    /// both) while `batch` holds fewer than `limit`.
    private static func attempt(
        _ group: inout [Int], of batch: inout [WriterJob], limit: Int, on database: Database,
        late: (Int) -> [WriterJob]
    ) -> Ending {
        var outcomes: [WriterJob.Outcome] = []
        outcomes.reserveCapacity(group.count)
        var ended: WriterJob.Outcome?
        do {
            try database.transaction(.immediate) { database in
                while true {
                    if outcomes.count == group.count {
                        let joining = batch.count < limit ? late(limit - batch.count) : []
                        if joining.isEmpty { break }
                        group += batch.count..<batch.count + joining.count
                        batch += joining
                    }
                    let outcome = batch[group[outcomes.count]].execute(database)
                    // Checked after every job, not only after one that threw: a job may catch the error after
                    // which SQLite rolled back, and later savepoints would then open transactions of their own.
                    guard database.isInTransaction else {
                        ended = outcome
                        throw DatabaseWriterError.transactionEnded
                    }
                    outcomes.append(outcome)
                }
            }
            return .committed(outcomes)
        } catch {
            if let ended { return .ended(position: outcomes.count, ended) }
            return .failed(outcomes, error)
        }
    }
}
