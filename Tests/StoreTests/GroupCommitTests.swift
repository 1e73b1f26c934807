import Dispatch
import Glibc
import SQLite
import TestSupport
import Testing

@testable import Store

@Suite("Group commit: many jobs, one transaction, completions only after COMMIT")
struct GroupCommitTests {
    /// Opens a store in a scratch directory for the length of `body`.
    static func withStore(_ body: (Store, String) throws -> Void) throws {
        try ScratchDirectory.with { directory in
            let path = directory.path("store.sqlite")
            let store = try Store(path: path, readers: 2)
            defer { store.close() }
            try body(store, path)
        }
    }

    /// Queues a job that holds the writer until the returned semaphore is signalled, so the jobs submitted
    /// meanwhile are all queued together when it lets go.
    static func holdWriter(_ store: Store, _ done: DispatchGroup) -> DispatchSemaphore {
        let gate = DispatchSemaphore(value: 0)
        done.enter()
        store.writer.submit({ _ in gate.wait() }) { _ in done.leave() }
        return gate
    }

    static func countContacts(_ path: String) throws -> Int64 {
        let reader = try Database(path: path, options: .reader)
        return try reader.queryOne("SELECT count(*) FROM contacts")?.get(0) ?? -1
    }

    @Test("200 jobs submitted from four threads all complete, in far fewer commits than jobs")
    func manyJobsFewCommits() throws {
        try Self.withStore { store, path throws in
            let done = DispatchGroup()
            let gate = Self.holdWriter(store, done)
            let results = Collector<Result<Int64, any Error>>()
            DispatchQueue.concurrentPerform(iterations: 4) { thread in
                for index in 0..<50 {
                    done.enter()
                    store.writer.submit({ database in
                        try database.insertContact(ContactFields(name: "T\(thread)-\(index)"), now: 1).id
                    }) { result in
                        results.append(result)
                        done.leave()
                    }
                }
            }
            gate.signal()
            done.wait()
            let ids = results.all.compactMap { try? $0.get() }
            #expect(ids.count == 200)
            #expect(Set(ids).count == 200)
            let statistics = store.writer.statistics
            #expect(statistics.jobs == 201)
            #expect(statistics.commits <= 2)
            #expect(statistics.largestBatch >= 200)
            #expect(try Self.countContacts(path) == 200)
        }
    }

    /// What a job does inside its batch.
    enum Step: Sendable {
        case insert(String)
        case insertThenThrow(String)
    }

    struct JobFailure: Error, Equatable {}

    @Test("a job that throws is rolled back to its savepoint alone; its batch-mates commit")
    func failingJobAlone() throws {
        try Self.withStore { store, path throws in
            let done = DispatchGroup()
            let gate = Self.holdWriter(store, done)
            let outcomes = Collector<(String, Bool)>()
            for step in [Step.insert("A"), .insertThenThrow("B"), .insert("C")] {
                done.enter()
                store.writer.submit({ database in
                    switch step {
                    case .insert(let name):
                        _ = try database.insertContact(ContactFields(name: name), now: 1)
                    case .insertThenThrow(let name):
                        _ = try database.insertContact(ContactFields(name: name), now: 1)
                        throw JobFailure()
                    }
                }) { result in
                    let name: String
                    switch step {
                    case .insert(let label), .insertThenThrow(let label): name = label
                    }
                    outcomes.append((name, (try? result.get()) != nil))
                    done.leave()
                }
            }
            gate.signal()
            done.wait()
            let succeeded = Dictionary(uniqueKeysWithValues: outcomes.all)
            #expect(succeeded == ["A": true, "B": false, "C": true])
            let names = try store.readers.withReader { database in
                try database.allContacts().map(\.name)
            }
            #expect(names == ["A", "C"])
            #expect(store.writer.statistics.failedJobs == 1)
            #expect(store.writer.statistics.largestBatch >= 3)
        }
    }

    @Test("when COMMIT fails (a deferred foreign key), every job of the batch gets the error and nothing is kept")
    func commitFailure() throws {
        try Self.withStore { store, path throws in
            let done = DispatchGroup()
            let gate = Self.holdWriter(store, done)
            let errors = Collector<SQLiteError?>()
            let jobs: [@Sendable (Database) throws -> Void] = [
                { database in _ = try database.insertContact(ContactFields(name: "innocent"), now: 1) },
                { database in
                    // Deferred, the foreign key is checked at COMMIT (https://sqlite.org/foreignkeys.html#fk_deferred).
                    try database.execute("PRAGMA defer_foreign_keys = ON")
                    let fields = ApplicationFields(route: "recruiter_submitted", recruiterId: 999)
                    _ = try database.insertApplication(fields, now: 1)
                },
            ]
            for job in jobs {
                done.enter()
                store.writer.submit(job) { result in
                    if case .failure(let error) = result {
                        errors.append(error as? SQLiteError)
                    } else {
                        errors.append(nil)
                    }
                    done.leave()
                }
            }
            gate.signal()
            done.wait()
            #expect(errors.all.count == 2)
            #expect(errors.all.allSatisfy { $0?.isForeignKeyViolation == true })
            #expect(try Self.countContacts(path) == 0)
            #expect(store.writer.statistics.failedBatches == 1)
            #expect(try store.writer.perform { database in try database.isEmpty() })
        }
    }

    @Test("a job queued while a batch runs joins that batch's commit instead of waiting for one of its own")
    func lateJobJoinsTheRunningBatch() throws {
        try Self.withStore { store, path throws in
            let writer = store.writer
            let before = writer.statistics
            let done = DispatchGroup()
            done.enter()
            done.enter()
            writer.submit({ database in
                _ = try database.insertContact(ContactFields(name: "first"), now: 1)
                writer.submit({ database in
                    _ = try database.insertContact(ContactFields(name: "late"), now: 1)
                }) { _ in done.leave() }
            }) { _ in done.leave() }
            done.wait()
            let after = writer.statistics
            #expect(after.commits - before.commits == 1)
            #expect(after.jobs - before.jobs == 2)
            #expect(after.largestBatch >= 2)
            #expect(try Self.countContacts(path) == 2)
        }
    }

    @Test("a job that runs alone, queued while a batch runs, waits for its commit, and so do the jobs behind it")
    func aloneJobIsNotPulledIntoARunningBatch() throws {
        try Self.withStore { store, path throws in
            let writer = store.writer
            let before = writer.statistics
            let done = DispatchGroup()
            let seen = Collector<String>()
            for _ in 0..<3 { done.enter() }
            writer.submit({ database in
                _ = try database.insertContact(ContactFields(name: "first"), now: 1)
                writer.submitAlone({ database in
                    let committed = try Self.countContacts(path)
                    seen.append("alone: in a transaction \(database.isInTransaction), sees \(committed)")
                }) { _ in done.leave() }
                writer.submit({ database in
                    _ = try database.insertContact(ContactFields(name: "behind"), now: 1)
                }) { _ in done.leave() }
            }) { _ in done.leave() }
            done.wait()
            #expect(seen.all == ["alone: in a transaction false, sees 1"])
            #expect(writer.statistics.commits - before.commits == 2)
            #expect(try Self.countContacts(path) == 2)
        }
    }

    @Test(
        "an unbounded job waits for the running batch's commit, runs alone with temporary files on disk; the next finds them in memory"
    )
    func unboundedJobRunsAloneOnDisk() throws {
        try Self.withStore { store, path throws in
            let writer = store.writer
            let before = writer.statistics
            let done = DispatchGroup()
            let seen = Collector<String>()
            @Sendable func temporaryStore(_ transaction: WriteTransaction) throws -> Int {
                try transaction.connection.database.queryOne("PRAGMA temp_store")?.get(0, as: Int.self) ?? -1
            }
            for _ in 0..<3 { done.enter() }
            store.submit({ transaction in
                _ = try transaction.insertContact(ContactFields(name: "first"), now: 1)
                store.submit(
                    { transaction in
                        let committed = try Self.countContacts(path)
                        let inside = transaction.connection.database.isInTransaction
                        seen.append(
                            "unbounded: temp_store \(try temporaryStore(transaction)), in a transaction "
                                + "\(inside), sees \(committed)")
                    }, extent: .unbounded
                ) { _ in done.leave() }
                store.submit({ transaction in
                    seen.append("behind: temp_store \(try temporaryStore(transaction))")
                }) { _ in done.leave() }
            }) { _ in done.leave() }
            done.wait()
            #expect(
                seen.all == [
                    "unbounded: temp_store 1, in a transaction true, sees 1", "behind: temp_store 2",
                ])
            // Three transactions committed: the first batch, the unbounded job's own, the batch behind it.
            #expect(writer.statistics.commits - before.commits == 3)
        }
    }

    @Test("an unbounded job that throws keeps none of its writes")
    func unboundedJobRollsBack() throws {
        try Self.withStore { store, path throws in
            let before = store.writer.statistics
            #expect(throws: JobFailure.self) {
                try store.perform(
                    { transaction in
                        _ = try transaction.insertContact(ContactFields(name: "undone"), now: 1)
                        throw JobFailure()
                    }, extent: .unbounded)
            }
            #expect(try Self.countContacts(path) == 0)
            let failed = store.writer.statistics
            #expect(failed.commits == before.commits)
            #expect(failed.failedJobs - before.failedJobs == 1)
            #expect(try store.perform({ _ in 1 }, extent: .unbounded).value == 1)
            #expect(store.writer.statistics.commits - failed.commits == 1)
        }
    }

    @Test("a completion runs only once the job's data is visible to another connection")
    func completionAfterCommit() throws {
        try Self.withStore { store, path throws in
            let done = DispatchGroup()
            let seen = Collector<Int64>()
            for index in 0..<20 {
                done.enter()
                store.writer.submit({ database in
                    try database.insertContact(ContactFields(name: "C\(index)"), now: 1).id
                }) { result in
                    // A fresh read-only connection: it sees only committed data (https://sqlite.org/isolation.html).
                    let visible =
                        (try? result.get()).flatMap { id in
                            try? Database(path: path, options: .reader).contact(id: id)?.id
                        } ?? -1
                    seen.append(visible)
                    done.leave()
                }
            }
            done.wait()
            #expect(seen.all.count == 20)
            #expect(seen.all.allSatisfy { $0 > 0 })
        }
    }

    @Test("the store's writer checkpoints at Store.checkpointPages, past SQLite's default")
    func writerCheckpointThreshold() throws {
        try Self.withStore { store, _ throws in
            let pages = try store.writer.perform { database in
                try database.queryOne("PRAGMA wal_autocheckpoint")?.get(0, as: Int.self)
            }
            #expect(pages == Store.checkpointPages)
            #expect(Store.checkpointPages > 1000)
        }
    }

    @Test("perform returns the job's value or rethrows its error; jobs run in a transaction, alone ones outside")
    func perform() throws {
        try Self.withStore { store, _ throws in
            #expect(try store.writer.perform { database in database.isInTransaction })
            #expect(try store.writer.performAlone { database in database.isInTransaction } == false)
            #expect(throws: JobFailure.self) {
                try store.writer.perform { _ in throw JobFailure() }
            }
            let checkpoint = try store.writer.performAlone { database in try database.walCheckpoint(.truncate) }
            #expect(checkpoint.walFrames == 0)
        }
    }

    @Test("perform from a completion, on the writer thread, is refused instead of deadlocking")
    func performOnWriterThread() throws {
        try Self.withStore { store, _ throws in
            let done = DispatchGroup()
            let refused = Collector<Bool>()
            done.enter()
            store.writer.submit({ _ in 1 }) { _ in
                do {
                    _ = try store.writer.perform { _ in 2 }
                    refused.append(false)
                } catch DatabaseWriterError.performOnWriterThread {
                    refused.append(true)
                } catch {
                    refused.append(false)
                }
                done.leave()
            }
            done.wait()
            #expect(refused.all == [true])
        }
    }

    @Test("close runs the queued jobs first, then refuses new ones with .closed")
    func closeDrains() throws {
        try ScratchDirectory.with { directory in
            let path = directory.path("drain.sqlite")
            let store = try Store(path: path, readers: 1)
            let done = DispatchGroup()
            let gate = Self.holdWriter(store, done)
            let results = Collector<Bool>()
            for index in 0..<10 {
                done.enter()
                store.writer.submit({ database in
                    _ = try database.insertContact(ContactFields(name: "Q\(index)"), now: 1)
                }) { result in
                    results.append((try? result.get()) != nil)
                    done.leave()
                }
            }
            let closed = DispatchGroup()
            closed.enter()
            DispatchQueue.global().async {
                store.close()
                closed.leave()
            }
            // Give close() the chance to mark the writer closing while the jobs are still queued.
            while store.writer.isAcceptingJobs {
                usleep(1_000)
            }
            gate.signal()
            closed.wait()
            done.wait()
            #expect(results.all == Array(repeating: true, count: 10))
            let late = Collector<Bool>()
            store.writer.submit({ _ in 0 }) { result in
                if case .failure(let error) = result, let writerError = error as? DatabaseWriterError,
                    case .closed = writerError
                {
                    late.append(true)
                }
            }
            #expect(late.all == [true])
            #expect(try Self.countContacts(path) == 10)
            store.close()
        }
    }
}
