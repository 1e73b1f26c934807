import System
import Time

extension Scheduler {
    /// What the thread does next.
    private enum Next {
        case wake(SchedulerInbox.Changes)
        case stop
    }

    /// A wake-up for writes comes at the earliest this many times the last one's duration after it ended...
    static let busySpacing: Int64 = 20
    /// ...and at most this long after it: what a write changes is queued within about this long plus the
    /// coalescing delay.
    static let maxSpacingMillis: Int64 = 1_000
    /// A wake-up for an instant of the plan comes at the earliest `busySpacing` times the last one's duration after
    /// it ended, and never later than this past its instant: items falling due one after another (every few
    /// milliseconds over a busy day) are planned together, at most a twentieth of a core, each late by at most this.
    static let maxTimedSpacingMillis: Int64 = 250

    /// The thread's life: a first wake-up that loads everything, then one each time the plan's next instant
    /// comes, changes have waited out the coalescing delay, or it is nudged; until stopped.
    static func run(
        _ initial: SchedulerState, inbox: ConditionLock<SchedulerInbox>, clock: @Sendable () -> Instant,
        coalesceMillis: Int64
    ) {
        var state = initial
        var changes = SchedulerInbox.Changes(everything: true)
        // When the last wake-up ended and how long it took: a burst of writes that goes on is recomputed at
        // most once per `busySpacing` times that long, so that the scheduler takes a bounded share of a core
        // however fast the writes come (a write's reminders may wait up to `maxSpacingMillis` for it).
        var endedAt: Int64 = 0
        var tookMillis: Int64 = 0
        while true {
            let startedAt = Clock.monotonicMilliseconds()
            let report = state.wake(changes)
            endedAt = Clock.monotonicMilliseconds()
            tookMillis = endedAt - startedAt
            // The plan's instants are the clock's; the sleep is on the wall clock, which is the same clock but in
            // tests. When the wall deadline passes before the clock reaches the instant (a test's clock stands
            // still until the test moves it), the deadline is taken again from the clock: a wake-up happens only
            // once the instant has come, so a test's steps are the only wake-ups it sees.
            var wakeWall = report.nextWake.map { Clock.wallMilliseconds() + ($0.millis - clock().millis) }
            inbox.withLockThenWake { inbox in
                inbox.wakes += 1
                inbox.lastReport = report
                inbox.spans = inbox.spans.suffix(1) + [SchedulerInbox.WakeSpan(startedAt: startedAt, endedAt: endedAt)]
            }
            // How long until `busySpacing` times the last wake-up's duration, at most `cap`, has passed since it ended.
            func spacingLeft(_ cap: Int64) -> Int64 {
                endedAt + min(tookMillis * busySpacing, cap) - Clock.monotonicMilliseconds()
            }
            let next = inbox.wait { inbox -> (value: Next?, deadline: Int64?) in
                if inbox.stopping { return (.stop, nil) }
                if inbox.nudged { return (.wake(inbox.take()), nil) }
                let wall = Clock.wallMilliseconds()
                if let nextWake = report.nextWake, let planned = wakeWall, wall >= planned {
                    let ahead = nextWake.millis - clock().millis
                    let spaced = spacingLeft(maxTimedSpacingMillis)
                    if ahead <= 0 && spaced <= 0 { return (.wake(inbox.take()), nil) }
                    wakeWall = wall + max(ahead, spaced)
                }
                var deadline = wakeWall
                if let since = inbox.pendingSince {
                    // The spacing is measured on the monotonic clock and moved onto the wall clock's deadline.
                    let rest = spacingLeft(maxSpacingMillis)
                    let due = max(since + coalesceMillis, wall + rest)
                    if wall >= due { return (.wake(inbox.take()), nil) }
                    deadline = min(deadline ?? due, due)
                }
                return (nil, deadline)
            }
            guard case .wake(let taken) = next else { return }
            changes = taken
        }
    }
}
