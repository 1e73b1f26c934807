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
            let (stopping, busy, free) = state.withLock { state in
                state.woken = false
                return (state.stopping, Set(state.inFlight.values), configuration.maxInFlight - state.inFlight.count)
            }
            if stopping { return }
            let now = clock()
            var wakeAt: Instant?
            if let end = holdUntil(now), end > now {
                wakeAt = end
            } else if free > 0 {
                do {
                    let (jobs, next) = try takeUp(at: now, busy: busy, free: free)
                    if !jobs.isEmpty {
                        state.withLockThenWake { state in
                            for job in jobs {
                                state.inFlight[job.delivery.id] = job.delivery.channelId
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

    /// The deliveries due at `now` that may go now, one per channel not `busy`, at most `free`, with their
    /// channels; and when the next is due among the channels then still free (nil when no slot is left, or
    /// nothing waits).
    func takeUp(at now: Instant, busy: Set<Int64>, free: Int) throws -> (jobs: [Job], next: Instant?) {
        try store.read { reading in
            var busy = busy
            var free = free
            var jobs: [Job] = []
            while free > 0 {
                let due = try reading.dueDeliveries(at: now.millis, limit: free, excludingChannels: busy)
                if due.isEmpty { break }
                for delivery in due where free > 0 && !busy.contains(delivery.channelId) {
                    busy.insert(delivery.channelId)
                    guard let channel = try reading.channel(id: delivery.channelId) else { continue }
                    jobs.append(Job(delivery: delivery, channel: channel))
                    free -= 1
                }
            }
            guard free > 0 else { return (jobs, nil) }
            return (jobs, try reading.nextDeliveryDue(excludingChannels: busy).map { Instant(millis: $0) })
        }
    }

    /// Runs the jobs the dispatcher takes up, one at a time, until `stop()`.
    func workLoop() {
        while true {
            let next = state.wait(until: { !$0.jobs.isEmpty || $0.stopping }, deadline: nil) { state -> Job? in
                state.stopping ? nil : state.jobs.removeFirst()
            }
            guard let job = next else { return }
            attempt(job)
            state.withLockThenWake { state in
                state.inFlight[job.delivery.id] = nil
                state.woken = true
            }
        }
    }
}
