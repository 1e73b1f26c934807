/// What the writer thread and its callers share, behind the writer's lock.
struct WriterState: Sendable {
    /// Where the writer is in its life.
    enum Phase: Sendable {
        /// The thread is opening the database and preparing it.
        case starting
        /// Accepting jobs.
        case running
        /// Opening or preparing failed; the thread has ended.
        case failed(any Error)
        /// `close()` was called: no new jobs, the queued ones still run.
        case closing
        /// The queue is drained and the database closed.
        case closed
    }

    var phase = Phase.starting
    /// Jobs waiting for the thread, oldest first.
    var queue: [WriterJob] = []
    var statistics = WriterStatistics()

    /// Takes the jobs for the next transaction: every batched job queued now, oldest first, up to `limit`, or a
    /// single job that runs alone. Nil when the queue is empty.
    mutating func takeBatch(limit: Int) -> [WriterJob]? {
        guard let first = queue.first else { return nil }
        if first.runsAlone {
            queue.removeFirst()
            return [first]
        }
        let count = queue.prefix(limit).prefix { !$0.runsAlone }.count
        if count == queue.count {
            defer { queue = [] }
            return queue
        }
        defer { queue.removeFirst(count) }
        return Array(queue.prefix(count))
    }

    /// Takes the batched jobs at the head of the queue, up to `limit`, to join a transaction already running:
    /// none when the queue is empty or starts with a job that runs alone, which must wait for the commit.
    mutating func takeLateJobs(limit: Int) -> [WriterJob] {
        guard let first = queue.first, !first.runsAlone else { return [] }
        return takeBatch(limit: limit) ?? []
    }

    /// Whether the thread should stop waiting: there is work, or it is time to finish.
    var hasWorkOrIsClosing: Bool {
        if !queue.isEmpty {
            return true
        }
        if case .closing = phase {
            return true
        }
        return false
    }
}
