import Glibc

/// What other threads hand the scheduler's thread, under its lock: the changes since it last looked, and the
/// requests to wake or to stop.
struct SchedulerInbox: Sendable {
    /// The applications written since the last wake-up.
    var dirty: Set<Int64> = []
    /// A write that may have changed anything: settings, channels, an import.
    var everything = false
    /// The channels changed (one disabled by the sender), and nothing else.
    var channels = false
    /// The wall-clock time (ms) of the first change not yet taken: the recomputation follows it after the
    /// coalescing delay, however many changes come in between.
    var pendingSince: Int64?
    /// Wake now, with or without changes.
    var nudged = false
    var stopping = false
    /// The thread, once started.
    var thread: pthread_t?
    /// Wake-ups done so far, and what the last one did.
    var wakes = 0
    var lastReport: WakeReport?
    /// When the last two wake-ups ran (monotonic milliseconds), the last one last.
    var spans: [WakeSpan] = []

    /// When a wake-up started and ended, in monotonic milliseconds.
    struct WakeSpan: Sendable, Equatable {
        var startedAt: Int64
        var endedAt: Int64
    }

    /// What has changed since the last wake-up.
    struct Changes: Sendable {
        var dirty: Set<Int64> = []
        var everything = false
        var channels = false
    }

    /// Takes the changes, leaving none.
    mutating func take() -> Changes {
        defer {
            dirty = []
            everything = false
            channels = false
            pendingSince = nil
            nudged = false
        }
        return Changes(dirty: dirty, everything: everything, channels: channels)
    }
}
