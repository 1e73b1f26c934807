/// Counters of the writer's group commits, for tests, benchmarks and metrics.
public struct WriterStatistics: Sendable, Equatable {
    /// Transactions committed: one COMMIT each, however many jobs they held. A job run alone counts when it ran a
    /// transaction of its own that committed (an `.unbounded` Store job); VACUUM, checkpoints and backups do not.
    public var commits: Int = 0
    /// Batches whose COMMIT (or BEGIN) failed, so none of their jobs was kept.
    public var failedBatches: Int = 0
    /// Jobs that ran, whatever their outcome; a job run again after a restart counts once.
    public var jobs: Int = 0
    /// Jobs that threw, or whose failure ended their transaction, and were not kept.
    public var failedJobs: Int = 0
    /// Transactions SQLite rolled back on a job's error, whose other jobs then ran again in a new one.
    public var restarts: Int = 0
    /// The most jobs one transaction held.
    public var largestBatch: Int = 0

    /// Zero counters.
    public init() {}
}
