import Store
import System
import Time

/// The dispatcher's loop and the workers'.
extension Sender {
    /// How long the dispatcher waits before reading again after the Store failed it (readers exhausted, say).
    static let storeRetryMillis: Int64 = 1_000

    /// Takes up what is due, then sleeps until the next delivery is due, quiet hours end, a worker finishes or
    /// `wake()` is called; until `stop()`.
    func dispatchLoop() {
        while true {
            let (stopping, busy, free, channelWrites) = state.withLock { state in
                state.woken = false
                return (state.stopping, state.busy, configuration.maxInFlight - state.busy.count, state.channelWrites)
            }
            if stopping { return }
            let now = clock()
            var wakeAt: Instant?
            if let end = settings().holdUntil(now), end > now {
                wakeAt = end
            } else if free > 0 {
                do {
                    let (jobs, next) = try takeUp(at: now, busy: busy, free: free, channelWrites: channelWrites)
                    if !jobs.isEmpty {
                        state.withLockThenWake { state in
                            for job in jobs {
                                state.busy.insert(job.channel.id)
                                for delivery in job.deliveries { state.inFlight[delivery.id] = job.channel.id }
                            }
                            state.jobs += jobs
                        }
                    }
                    wakeAt = next
                } catch {
                    log("reminders: the sender could not read the outbox: \(error)")
                    wakeAt = now.adding(milliseconds: Self.storeRetryMillis)
                }
            }
            // With every slot taken, a worker's end wakes the dispatcher; with none due, a `wake()` does.
            let deadline = wakeAt.map { Clock.monotonicMilliseconds() + max(0, $0.millis - clock().millis) }
            state.wait(until: { $0.woken || $0.stopping }, deadline: deadline) { _ in }
        }
    }

    /// The deliveries due at `now` that may go now, as runs of at most `runLength` of one channel not `busy`, at
    /// most `free` runs, with their channels as read and `channelWrites` (the count taken before the read); and
    /// when the next is due among the channels then still free (nil when no slot is left, or nothing waits).
    func takeUp(at now: Instant, busy: Set<Int64>, free: Int, channelWrites: UInt64) throws
        -> (runs: [Job], next: Instant?)
    {
        try store.read { reading in
            let due = try reading.dueRuns(
                at: now.millis, channels: free, runLength: configuration.runLength, excludingChannels: busy)
            var runs: [Job] = []
            var busy = busy
            for deliveries in due {
                guard let channelId = deliveries.first?.channelId else { continue }
                busy.insert(channelId)
                if let channel = try reading.channel(id: channelId) {
                    runs.append(Job(deliveries: deliveries, channel: channel, channelWrites: channelWrites))
                }
            }
            guard runs.count < free else { return (runs, nil) }
            return (runs, try reading.nextDeliveryDue(excludingChannels: busy).map { Instant(millis: $0) })
        }
    }

    /// Runs the runs the dispatcher takes up, one at a time, until `stop()`.
    func workLoop() {
        while true {
            let next = state.wait(until: { !$0.jobs.isEmpty || $0.stopping }, deadline: nil) { state -> Job? in
                state.stopping ? nil : state.jobs.removeFirst()
            }
            guard let job = next else { return }
            run(job)
            state.withLockThenWake { state in
                for delivery in job.deliveries { state.inFlight[delivery.id] = nil }
                state.busy.remove(job.channel.id)
                state.woken = true
            }
        }
    }

    /// Sends the run's deliveries one after another, each outcome handed to the Store before the next goes, until
    /// the run ends early: the service stops, a channel was written since it was taken, quiet hours begin, or an
    /// outcome disables its channel. Returns once every outcome handed over is committed. What it did not send
    /// stays in the outbox as it was. The settings are read at the start and again after an agenda write, not for
    /// every message: they sit behind a lock every worker and request would otherwise queue on.
    func run(_ job: Job) {
        let writes = RunWrites()
        defer { writes.wait() }
        var gaveUpInRow = job.channel.gaveUpInRow
        // The count first, then the settings: a write between the two leaves settings newer than the count says,
        // never older.
        var seen = state.withLock { $0.agendaWrites }
        var settings = settings()
        var listed = ListedItems()
        for index in job.deliveries.indices {
            let (goesOn, agendaWrites) = state.withLock {
                (!$0.stopping && $0.channelWrites == job.channelWrites, $0.agendaWrites)
            }
            if agendaWrites != seen {
                seen = agendaWrites
                settings = self.settings()
            }
            let now = clock()
            guard goesOn, settings.holdUntil(now).map({ $0 <= now }) ?? true else { return }
            let context = AttemptContext(
                timeZone: settings.timeZone, agendaWrites: agendaWrites, later: job.deliveries[index...])
            guard
                attempt(
                    job.deliveries[index], on: job.channel, context: context, listed: &listed,
                    gaveUpInRow: &gaveUpInRow, writes: writes)
            else { return }
        }
    }
}
