import CLinux

/// The process's memory as the system sees it.
public enum Memory {
    /// The size from which glibc maps a block on its own, and the free top of a heap past which it gives that top
    /// back: glibc's own starting value of both.
    static let threshold: Int32 = 128 * 1024

    /// Makes malloc give large blocks, and the free top of its heaps, back to the system as soon as they are
    /// freed, for the life of the process.
    ///
    /// glibc starts so, but raises both thresholds each time a mapped block is freed (to up to 32 and 64 MiB), to
    /// spare programs that allocate large blocks over and over the cost of mapping them (mallopt(3)). Then one
    /// import of a large body leaves tens of MiB resident in the heap of the thread that read it, for good, which
    /// not even `malloc_trim` gives back: it trims the top of the main heap only. Setting the thresholds keeps them
    /// where glibc starts; a large body then costs a few system calls more.
    public static func returnLargeBlocksOnFree() {
        _ = mallopt(M_MMAP_THRESHOLD, threshold)
        _ = mallopt(M_TRIM_THRESHOLD, threshold)
    }

    /// Gives back the whole free pages malloc holds within its heaps (malloc_trim(3)): what a large import freed
    /// amid memory still in use.
    static func returnFreePages() {
        _ = malloc_trim(0)
    }
}
