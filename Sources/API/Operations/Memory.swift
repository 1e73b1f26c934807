import CLinux

/// The process's memory as the system sees it.
public enum Memory {
    /// The size from which glibc maps a block on its own, and gives it back as soon as it is freed: an import
    /// body of 8 MiB or more. Smaller blocks come from the heaps and are used again: an agenda over 10,000
    /// applications writes a few blocks of some MiB per request, and mapping each afresh made the kernel zero
    /// their pages every time (the agenda's CPU per request grew by half: bench/README.md).
    static let mmapThreshold: Int32 = 8 << 20
    /// The free top of a heap past which glibc gives that top back: above what an agenda's request leaves free
    /// at the top of its thread's heap, which it would otherwise give back and fault in again.
    static let trimThreshold: Int32 = 32 << 20

    /// Fixes both thresholds for the life of the process.
    ///
    /// glibc starts both at 128 KiB and raises them each time a mapped block is freed (to up to 32 and 64 MiB),
    /// to spare programs that allocate large blocks over and over the cost of mapping them (mallopt(3)). Then one
    /// import of a large body leaves tens of MiB resident in the heap of the thread that read it, for good, which
    /// not even `malloc_trim` gives back: it trims the top of the main heap only. Fixed, a large body is mapped
    /// and given back, and what the heaps keep between requests is bounded.
    public static func returnLargeBlocksOnFree() {
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
    }

    /// Gives back the whole free pages malloc holds within its heaps (malloc_trim(3)): what a large import freed
    /// amid memory still in use.
    static func returnFreePages() {
        _ = malloc_trim(0)
    }
}
