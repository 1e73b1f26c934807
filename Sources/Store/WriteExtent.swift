/// How much of what is stored one write may change, which decides how the writer runs it.
public enum WriteExtent: Sendable {
    /// Changes a number of existing pages bounded by what its request carries: it shares the group commit with
    /// the other jobs, in a savepoint whose statement journal the writer keeps in memory.
    case bounded
    /// May change existing pages in proportion to what is stored: an application deleted with its whole
    /// timeline, a channel with its deliveries, the daily purge. Runs alone, in a transaction of its own whose
    /// statement journal spills to a temporary file past 64 KiB (`Database.withTemporaryFilesOnDisk`), so its
    /// memory does not grow with the data. Costs a commit of its own; for rare writes.
    case unbounded
}
