import SQLite

/// One unit of work queued for the writer, with its result type erased so jobs of any type share a queue.
struct WriterJob: Sendable {
    /// What running a job left behind: its own error, if it threw, and how to report to the submitter once the
    /// transaction's fate is known.
    struct Outcome {
        /// The job's own error; nil when it returned.
        let error: (any Error)?
        /// Calls the completion: with the job's own failure if it threw, else with `commitError` if the commit
        /// failed, else with the job's result.
        let finish: ((any Error)?) -> Void
    }

    /// Runs outside any transaction and alone, for work SQLite refuses inside one (VACUUM, checkpoints, backups).
    let runsAlone: Bool
    /// Runs alone in a transaction of its own, which the writer counts as a commit when the job did not throw.
    let commitsAlone: Bool
    /// Runs the work; a batched job runs in a savepoint of its own inside the batch's transaction.
    let execute: @Sendable (Database) -> Outcome
    /// Reports an error to a job that could not run, e.g. because BEGIN failed.
    let fail: @Sendable (any Error) -> Void

    /// Wraps a typed job and its completion.
    init<T: Sendable>(
        runsAlone: Bool, _ job: @escaping @Sendable (Database) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) {
        self.runsAlone = runsAlone
        commitsAlone = false
        fail = { completion(.failure($0)) }
        execute = { database in
            Self.outcome(telling: { $0 }, completion) {
                // Inside the batch's transaction this nests as a SAVEPOINT, so a throw undoes this job alone
                // (https://sqlite.org/lang_savepoint.html).
                try runsAlone ? job(database) : database.transaction(.immediate, job)
            }
        }
    }

    /// Wraps a Store job, which writes through a `WriteTransaction`, and its completion, which gets what the
    /// job's writes changed with its value, and errors as the Store tells them (`StoreError.from`). An
    /// `.unbounded` job runs alone, in its own transaction with the statement journal on disk.
    init<T: Sendable>(
        _ job: @escaping @Sendable (inout WriteTransaction) throws -> T, extent: WriteExtent,
        completion: @escaping @Sendable (Result<Committed<T>, any Error>) -> Void
    ) {
        let alone = extent == .unbounded
        runsAlone = alone
        commitsAlone = alone
        fail = { completion(.failure(StoreError.from($0))) }
        execute = { database in
            Self.outcome(telling: StoreError.from, completion) {
                let write = {
                    try database.transaction(.immediate) { database in
                        var transaction = WriteTransaction(database)
                        let value = try job(&transaction)
                        return Committed(value: value, change: transaction.change)
                    }
                }
                return try alone ? database.withTemporaryFilesOnDisk(write) : write()
            }
        }
    }

    /// Runs `work` and keeps how to tell `completion` its fate, each error as `telling` says.
    private static func outcome<T: Sendable>(
        telling: @escaping @Sendable (any Error) -> any Error,
        _ completion: @escaping @Sendable (Result<T, any Error>) -> Void, _ work: () throws -> T
    ) -> Outcome {
        let result: Result<T, any Error>
        do {
            result = .success(try work())
        } catch {
            result = .failure(error)
        }
        var ownError: (any Error)?
        if case .failure(let error) = result {
            ownError = error
        }
        return Outcome(error: ownError) { commitError in
            if ownError == nil, let commitError {
                completion(.failure(telling(commitError)))
            } else {
                completion(result.mapError(telling))
            }
        }
    }
}
