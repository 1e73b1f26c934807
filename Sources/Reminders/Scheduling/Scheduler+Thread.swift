import System
import Time

extension Scheduler {
    /// What the thread does next.
    private enum Next {
        case wake(SchedulerInbox.Changes)
        case stop
    }

    /// The thread's life: a first wake-up that loads everything, then one each time the plan's next instant
    /// comes, changes have waited out the coalescing delay, or it is nudged; until stopped.
    static func run(
        _ initial: SchedulerState, inbox: ConditionLock<SchedulerInbox>, clock: @Sendable () -> Instant,
        wakeSender: @Sendable () -> Void, coalesceMillis: Int64
    ) {
        var state = initial
        var changes = SchedulerInbox.Changes(everything: true)
        while true {
            let report = state.wake(changes)
            if report.queued > 0 { wakeSender() }
            // The plan's instants are the clock's; the sleep is on the wall clock, which is the same clock but in
            // tests.
            let wakeWall = report.nextWake.map { Clock.wallMilliseconds() + ($0.millis - clock().millis) }
            inbox.withLockThenWake { inbox in
                inbox.wakes += 1
                inbox.lastReport = report
            }
            let next = inbox.wait { inbox -> (value: Next?, deadline: Int64?) in
                if inbox.stopping { return (.stop, nil) }
                let wall = Clock.wallMilliseconds()
                var deadline = wakeWall
                if let since = inbox.pendingSince {
                    let due = since + coalesceMillis
                    if wall >= due { return (.wake(inbox.take()), nil) }
                    deadline = min(deadline ?? due, due)
                }
                if inbox.nudged { return (.wake(inbox.take()), nil) }
                if let wakeWall, wall >= wakeWall { return (.wake(inbox.take()), nil) }
                return (nil, deadline)
            }
            guard case .wake(let taken) = next else { return }
            changes = taken
        }
    }
}
