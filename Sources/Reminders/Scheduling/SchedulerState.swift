import Store
import Time

/// What the scheduler's thread holds between wake-ups, and what it does on each: owned by that thread alone.
struct SchedulerState {
    let store: Store
    let source: any AgendaSource
    let configuration: Scheduler.Configuration
    let clock: @Sendable () -> Instant
    let data: MessageData
    /// Told after each transaction that queued a delivery, so the sender starts before the wake-up's last one.
    let queuedSome: @Sendable () -> Void
    let log: @Sendable (String) -> Void

    /// The settings' zone and quiet hours.
    var times: LocalTimes
    var channels: [ChannelRecord] = []
    /// What each channel has handled: loaded once per channel, then kept by what is queued.
    var marks = MarkIndex()
    /// The items of each application that has any, within the horizon.
    var items: [Int64: [ReminderItem]] = [:]
    /// For each application whose items change with time alone, when: its next event, the end of a snooze.
    var changesAt: [Int64: Instant] = [:]
    /// When to recompute everything and purge again; nil before the first wake-up.
    var nextDailyAt: Instant?
    /// When to try again what failed, or to plan again after items moved under the plan.
    var retryAt: Instant?
    /// What a failed wake-up left to recompute.
    var leftDirty: Set<Int64> = []
    var leftEverything = false
    /// The applications recomputed during the wake-up under way.
    var recomputedNow: Set<Int64> = []
    /// Whether `items` is set aside because no channel is enabled: writes then cost the scheduler nothing, and
    /// the first wake-up that finds a channel enabled recomputes every application.
    var idle = false

    init(
        store: Store, source: any AgendaSource, configuration: Scheduler.Configuration,
        clock: @escaping @Sendable () -> Instant, data: MessageData,
        queuedSome: @escaping @Sendable () -> Void = {}, log: @escaping @Sendable (String) -> Void
    ) {
        self.queuedSome = queuedSome
        self.store = store
        self.source = source
        self.configuration = configuration
        self.clock = clock
        self.data = data
        self.log = log
        times = LocalTimes(ReminderSettings(timeZone: "UTC"))
    }

    /// One wake-up: takes in the changes, recomputes what they and the time made stale, purges once a day,
    /// plans at the clock's instant, and queues what the plan says.
    mutating func wake(_ changes: SchedulerInbox.Changes) -> WakeReport {
        let now = clock()
        var everything = changes.everything || leftEverything
        var dirty = changes.dirty.union(leftDirty)
        let daily = nextDailyAt.map { now >= $0 } ?? true
        if daily { everything = true }
        for (application, at) in changesAt where at <= now { dirty.insert(application) }
        retryAt = nil
        recomputedNow = []
        do {
            if everything { times = LocalTimes(source.reminderSettings()) }
            if everything || changes.channels { try loadChannels() }
            if !channels.contains(where: \.fields.enabled) {
                if !idle {
                    items = [:]
                    changesAt = [:]
                    idle = true
                }
            } else if everything || idle {
                try recompute(nil, now: now)
                idle = false
                everything = true
            } else if !dirty.isEmpty {
                try recompute(dirty, now: now)
            }
            leftDirty = []
            leftEverything = false
        } catch {
            log("reminders: the agenda could not be read, trying again shortly: \(error)")
            leftDirty = dirty
            leftEverything = everything
            retryAt = now.adding(milliseconds: configuration.retryMillis)
        }
        var purged = false
        if daily && !leftEverything {
            purged = purge(now: now)
            nextDailyAt = purged ? now.adding(days: 1) : now.adding(milliseconds: configuration.retryMillis)
        }
        let (queued, digests, planned) = queue(now: now)
        return WakeReport(
            at: now, recomputed: everything ? items.count : recomputedNow.count, everything: everything,
            queued: queued, digestsRecorded: digests, purged: purged, nextWake: nextWake(after: now, planned: planned))
    }

    /// The earliest instant after `now` among the plan's, the applications' own changes, the daily work and a
    /// retry.
    func nextWake(after now: Instant, planned: Instant?) -> Instant? {
        var next = planned
        for candidate in [changesAt.values.min(), nextDailyAt, retryAt] {
            guard let candidate else { continue }
            next = min(next ?? candidate, candidate)
        }
        // Never in the past: an instant already due that did not get done now waits for the retry delay.
        return next.map { $0 > now ? $0 : now.adding(milliseconds: configuration.retryMillis) }
    }

    /// Reads the channels, and the marks of those not held yet (all at start-up; afterwards, a new channel's
    /// baseline marks, written with it), in one snapshot; forgets the marks of channels deleted.
    mutating func loadChannels() throws {
        let held = marks
        let (channels, loaded) = try store.read { reader in
            let channels = try reader.allChannels()
            var loaded: [Int64: [ReminderMark]] = [:]
            for channel in channels where !held.holds(channelId: channel.id) {
                loaded[channel.id] = try reader.marks(channelId: channel.id)
            }
            return (channels, loaded)
        }
        self.channels = channels
        let ids = Set(channels.map(\.id))
        for channelId in Array(marks.channelIds) where !ids.contains(channelId) { marks.forget(channelId: channelId) }
        for (channelId, channelMarks) in loaded {
            marks.hold(channelId: channelId)
            marks.insert(channelMarks.lazy.map(\.item), channelId: channelId)
        }
    }

    /// Recomputes the items of `applications` (every one when nil) as of `now`, and when each changes next with
    /// time alone.
    mutating func recompute(_ applications: Set<Int64>?, now: Instant) throws {
        // Grouped by application as read: each list is moved into `items`, not copied again.
        let agenda = try source.reminderAgenda(of: applications, asOf: now, horizonDays: configuration.horizonDays)
        let snoozes = try store.read { reader in
            if let applications {
                try reader.activeSnoozes(ofApplications: applications, at: now.millis)
            } else {
                try reader.activeSnoozes(at: now.millis)
            }
        }
        if let applications {
            for application in applications {
                items[application] = agenda.items[application]
                changesAt[application] = nil
            }
            recomputedNow.formUnion(applications)
        } else {
            items = agenda.items
            changesAt = [:]
            recomputedNow.formUnion(items.keys)
        }
        for (application, at) in agenda.nextEvents where at > now {
            changesAt[application] = min(changesAt[application] ?? at, at)
        }
        // A snooze hides its item until `until`: then the item is listed again.
        for snooze in snoozes {
            let until = Instant(millis: snooze.fields.until)
            changesAt[snooze.fields.applicationId] = min(changesAt[snooze.fields.applicationId] ?? until, until)
        }
    }
}
