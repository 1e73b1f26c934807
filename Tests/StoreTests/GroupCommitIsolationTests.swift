import CSQLite
import Dispatch
import SQLite
import TestSupport
import Testing

@testable import Store

/// A job's failure is its own, even when SQLite answers it by ending the whole transaction.
@Suite("Group commit: one job's failure never fails the others of its batch")
struct GroupCommitIsolationTests {
    /// What a job does inside its batch.
    enum Step: Sendable, CustomStringConvertible {
        /// Stores an application named `employer`.
        case application(String)
        /// Creates a contact in a table whose AUTOINCREMENT has handed out the largest rowid
        /// (https://sqlite.org/autoinc.html): SQLITE_FULL, and SQLite undoes only the statement, which writes two
        /// tables and so keeps a statement journal.
        case exhaustedContact
        /// Creates an event in such a table: SQLITE_FULL, and SQLite rolls back the whole transaction, since the
        /// statement kept no journal of its own to undo
        /// (https://sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction).
        case exhaustedEvent
        /// Stores an application, then throws: only its savepoint is undone.
        case applicationThenThrow(String)
        /// Stores an application, releases its own savepoint (so undoing it fails), then throws.
        case applicationReleasedThenThrow(String)
        /// Meets SQLITE_FULL on an event, as above, but catches it and returns as if it had succeeded.
        case exhaustedEventCaught

        var description: String {
            switch self {
            case .application(let name): name
            case .exhaustedContact: "full"
            case .exhaustedEvent: "FULL"
            case .applicationThenThrow(let name): "\(name)!"
            case .applicationReleasedThenThrow(let name): "\(name)!!"
            case .exhaustedEventCaught: "caught"
            }
        }
    }

    struct JobFailure: Error {}

    struct Row: Sendable, CustomTestStringConvertible {
        let steps: [Step]
        /// The employers stored once the batch ends, in id order.
        let stored: [String]
        var testDescription: String { steps.map(\.description).joined(separator: " ") }
    }

    /// How a job ended: "ok", "full" (SQLITE_FULL, its own), or "threw".
    static func describe(_ result: Result<Void, any Error>) -> String {
        switch result {
        case .success: return "ok"
        case .failure(let error as SQLiteError) where error.code == SQLITE_FULL: return "full"
        case .failure(is JobFailure): return "threw"
        case .failure(DatabaseWriterError.transactionEnded): return "ended"
        case .failure(is SQLiteError): return "sqlite"
        case .failure(let error): return "other: \(error)"
        }
    }

    static func expected(_ step: Step) -> String {
        switch step {
        case .application: "ok"
        case .exhaustedContact, .exhaustedEvent: "full"
        case .applicationThenThrow, .applicationReleasedThenThrow: "threw"
        // Its savepoint's RELEASE finds the savepoint gone with the transaction: an error of its own.
        case .exhaustedEventCaught: "sqlite"
        }
    }

    /// Queues a job that holds the writer until the returned semaphore is signalled, so the jobs submitted
    /// meanwhile join its batch; when the batch runs again it passes at once.
    static func holdWriter(_ store: Store, _ done: DispatchGroup) -> DispatchSemaphore {
        let gate = DispatchSemaphore(value: 0)
        done.enter()
        store.writer.submit({ _ in
            gate.wait()
            gate.signal()
        }) { _ in done.leave() }
        return gate
    }

    @Test(arguments: [
        Row(steps: [.application("A"), .exhaustedEvent, .application("C")], stored: ["A", "C"]),
        Row(steps: [.exhaustedEvent, .application("B")], stored: ["B"]),
        Row(steps: [.application("A"), .exhaustedEvent], stored: ["A"]),
        Row(steps: [.exhaustedEvent], stored: []),
        Row(steps: [.application("A"), .exhaustedContact, .application("C")], stored: ["A", "C"]),
        Row(
            steps: [.application("A"), .exhaustedEvent, .application("C"), .exhaustedEvent, .application("E")],
            stored: ["A", "C", "E"]),
        Row(
            steps: [
                .application("A"), .applicationThenThrow("B"), .exhaustedEvent, .exhaustedContact, .application("E"),
            ],
            stored: ["A", "E"]),
        Row(steps: [.exhaustedEvent, .exhaustedEvent, .exhaustedEvent, .application("D")], stored: ["D"]),
        Row(steps: [.application("A"), .applicationReleasedThenThrow("B"), .application("C")], stored: ["A", "C"]),
        Row(steps: [.application("A"), .exhaustedEventCaught, .application("C")], stored: ["A", "C"]),
    ])
    func failingJobFailsAlone(_ row: Row) throws {
        try GroupCommitTests.withStore { store, _ throws in
            try store.writer.perform { database in
                try database.importContact(
                    ContactRecord(id: Int64.max, ContactFields(name: "Last"), createdAt: 1, updatedAt: 1))
                try database.importApplication(
                    ApplicationRecord(
                        id: 1, ApplicationFields(employer: "Seed", route: "posted_opening"), createdAt: 1, updatedAt: 1)
                )
                try database.importEvent(
                    EventRecord(id: Int64.max, applicationId: 1, EventFields(kind: "note", occurredAt: 1), createdAt: 1)
                )
            }
            let before = store.writer.statistics
            let done = DispatchGroup()
            let gate = Self.holdWriter(store, done)
            let outcomes = Collector<(Int, String)>()
            for (index, step) in row.steps.enumerated() {
                done.enter()
                store.writer.submit({ database in
                    switch step {
                    case .application(let name):
                        _ = try database.insertApplication(
                            ApplicationFields(employer: name, route: "posted_opening"), now: 1)
                    case .exhaustedContact:
                        _ = try database.insertContact(ContactFields(name: "One too many"), now: 1)
                    case .exhaustedEvent:
                        _ = try database.insertEvent(applicationId: 1, EventFields(kind: "note", occurredAt: 1), now: 1)
                    case .applicationThenThrow(let name):
                        _ = try database.insertApplication(
                            ApplicationFields(employer: name, route: "posted_opening"), now: 1)
                        throw JobFailure()
                    case .applicationReleasedThenThrow(let name):
                        _ = try database.insertApplication(
                            ApplicationFields(employer: name, route: "posted_opening"), now: 1)
                        try database.execute("RELEASE SAVEPOINT nested_1")
                        throw JobFailure()
                    case .exhaustedEventCaught:
                        _ = try? database.insertEvent(
                            applicationId: 1, EventFields(kind: "note", occurredAt: 1), now: 1)
                    }
                }) { result in
                    outcomes.append((index, Self.describe(result)))
                    done.leave()
                }
            }
            gate.signal()
            done.wait()
            let got = outcomes.all.sorted { $0.0 < $1.0 }.map(\.1)
            #expect(got == row.steps.map(Self.expected))
            let stored = try store.readers.withReader { database in
                try database.query("SELECT employer FROM applications ORDER BY id").map {
                    try $0.get(0, as: String.self)
                }
            }
            #expect(stored == ["Seed"] + row.stored)
            let statistics = store.writer.statistics
            #expect(statistics.jobs - before.jobs == row.steps.count + 1)
            #expect(statistics.failedJobs - before.failedJobs == got.count { $0 != "ok" })
            #expect(statistics.failedBatches == before.failedBatches)
            // The batch still shares its commits: one per retry at most, never one per job.
            let poisoned = row.steps.count {
                switch $0 {
                case .exhaustedEvent, .exhaustedEventCaught, .applicationReleasedThenThrow: true
                case .application, .applicationThenThrow, .exhaustedContact: false
                }
            }
            #expect(statistics.commits - before.commits <= poisoned + 1)
        }
    }
}
