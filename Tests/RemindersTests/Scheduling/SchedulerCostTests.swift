import Foundation
import Glibc
import Guidance
import Store
import TestSupport
import Testing
import Time

@testable import Reminders

/// What one wake-up costs with 10,000 applications of 3 items each on 10 channels: a measurement, not a timed
/// test. It runs only when `NOTAPEST_SCHEDULER_COST` is set (build in release for figures worth reading):
///
///     NOTAPEST_SCHEDULER_COST=1 swift test -c release -Xswiftc -enable-testing --filter SchedulerCostTests
@Suite("The scheduler's cost per wake-up", .serialized)
struct SchedulerCostTests {
    typealias P = PlanFixture
    /// 2026-06-01T12:00:00Z.
    static let now = Instant(millis: 1_780_315_200_000)
    static let enabled = ProcessInfo.processInfo.environment["NOTAPEST_SCHEDULER_COST"] != nil

    /// Each application's items: a thank-you overdue (both phases marked), a follow-up due (marked), a check-in
    /// ahead, spread over the year.
    static func items(applications: Int) -> [ReminderItem] {
        (1...Int64(applications)).flatMap { id in
            [
                P.item(id, .sendThankYou, dueFrom: now.adding(days: -3), dueBy: now.adding(days: -2)),
                P.item(id, .followUp, dueFrom: now.adding(milliseconds: -id * P.minute)),
                P.item(id, .touchBase, dueFrom: now.adding(milliseconds: (id % 300 + 1) * P.day + id)),
            ]
        }
    }

    /// The marks of a channel that has sent everything reached.
    static func marks(_ items: [ReminderItem]) -> Set<ItemPhase> {
        Set(items.flatMap { $0.phasesReached(at: now) })
    }

    /// Thread CPU time and wall time of `body`, in milliseconds.
    static func measure<T>(_ body: () throws -> T) rethrows -> (value: T, cpu: Double, wall: Double) {
        func cpuNanos() -> Int64 {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
        }
        let wallStart = DispatchTime.now().uptimeNanoseconds
        let cpuStart = cpuNanos()
        let value = try body()
        let cpu = Double(cpuNanos() - cpuStart) / 1e6
        let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e6
        return (value, cpu, wall)
    }

    static func report(_ line: String) {
        print("scheduler cost: \(line)")
    }

    @Test("the plan over every item is linear in the items", .enabled(if: enabled))
    func plan() throws {
        let times = try #require(LocalTimes(zoneNamed: "Europe/Berlin"))
        var perItem: [Double] = []
        for applications in [5_000, 10_000, 20_000] {
            let items = Self.items(applications: applications)
            let marks = Self.marks(items)
            let channels = (1...10).map { P.channel(Int64($0), createdAt: 0) }
            let all = MarkIndex(Dictionary(uniqueKeysWithValues: channels.map { ($0.id, marks) }))
            _ = SchedulePlan(channels: channels, items: items, marks: all, times: times, now: Self.now)
            let runs = (0..<5).map { _ in
                Self.measure { SchedulePlan(channels: channels, items: items, marks: all, times: times, now: Self.now) }
            }
            let best = try #require(runs.min { $0.cpu < $1.cpu })
            #expect(best.value.itemMessages.isEmpty)
            #expect(best.value.wakeAt == Self.now.adding(milliseconds: P.day + 300))
            perItem.append(best.cpu / Double(items.count))
            Self.report(
                "plan, \(applications) applications × 3 items × 10 channels: \(String(format: "%.1f", best.cpu)) ms CPU"
            )
        }
        Self.report(
            "plan, CPU per item at 5k, 10k, 20k applications: \(perItem.map { String(format: "%.2f µs", $0 * 1000) })")
    }

    @Test("a whole wake-up: recompute one application, plan, queue, write", .enabled(if: enabled))
    func wake() throws {
        try ScratchDirectory.with { directory in
            let store = try Store(path: directory.path("cost.sqlite"), readers: 2)
            defer { store.close() }
            let items = Self.items(applications: 10_000)
            let agenda = IndexedAgenda(items)
            let marks = Self.marks(items)
            try store.perform { transaction in
                for index in 1...10 {
                    let channel = try transaction.insertChannel(P.fields("c\(index)"), now: 0)
                    try transaction.insertBaselineMarks(channelId: channel.id, marks, now: Self.now.millis)
                }
            }
            let clock = TestClock(Self.now)
            var state = SchedulerState(
                store: store, source: agenda, configuration: Scheduler.Configuration(publicURL: "https://n.example"),
                clock: { clock.now },
                data: MessageData(publicURL: "https://n.example", linkKey: Array(repeating: 1, count: 32)),
                log: { Self.report("log: \($0)") })
            let first = Self.measure { state.wake(SchedulerInbox.Changes(everything: true)) }
            #expect(first.value.queued == 0)
            Self.report(
                "first wake-up (10 channels' marks loaded, every application recomputed, purge): "
                    + "\(String(format: "%.0f", first.cpu)) ms CPU, \(String(format: "%.0f", first.wall)) ms")

            // The daily work is measured by the first wake-up; keep it out of the others.
            state.nextDailyAt = .highest
            let quiet = try #require(
                (0..<5).map { _ in Self.measure { state.wake(SchedulerInbox.Changes(dirty: [42])) } }.min {
                    $0.cpu < $1.cpu
                })
            #expect(quiet.value.queued == 0 && quiet.value.recomputed == 1)
            Self.report("a write's wake-up, nothing due: \(String(format: "%.1f", quiet.cpu)) ms CPU")

            // The first check-in ahead falls due: one message on each of the 10 channels.
            let due = try #require(
                items.filter { $0.item.action == .touchBase }.min { $0.item.dueFrom < $1.item.dueFrom })
            #expect(quiet.value.nextWake == due.item.dueFrom)
            clock.set(due.item.dueFrom)
            let one = Self.measure { state.wake(SchedulerInbox.Changes()) }
            #expect(one.value.queued == 10)
            Self.report(
                "one item falls due on 10 channels (10 deliveries, one write): "
                    + "\(String(format: "%.1f", one.cpu)) ms CPU, \(String(format: "%.1f", one.wall)) ms")

            // 1,000 items written earlier fall due at the same instant: each application is recomputed at that
            // instant for its messages' wording, and 10,000 deliveries are written in one transaction.
            var burst = items
            let instant = due.item.dueFrom.adding(milliseconds: 1)
            for index in 1...1_000 {
                burst.append(P.item(Int64(index), .debriefRecruiter, dueFrom: instant))
            }
            agenda.set(burst)
            _ = state.wake(SchedulerInbox.Changes(dirty: Set(1...1_000)))
            clock.set(instant)
            let many = Self.measure { state.wake(SchedulerInbox.Changes()) }
            #expect(many.value.queued == 10_000)
            Self.report(
                "1,000 items fall due at once on 10 channels (10,000 deliveries, one write): "
                    + "\(String(format: "%.0f", many.cpu)) ms CPU, \(String(format: "%.0f", many.wall)) ms")
        }
    }
}

/// An agenda source over items held by application, so that the measurement counts the scheduler and not the
/// source's search.
final class IndexedAgenda: AgendaSource, @unchecked Sendable {
    private let lock = NSLock()
    private var byApplication: [Int64: [ReminderItem]] = [:]

    init(_ items: [ReminderItem]) {
        set(items)
    }

    func set(_ items: [ReminderItem]) {
        lock.withLock { byApplication = Dictionary(grouping: items, by: \.application.id) }
    }

    func reminderItems(of applications: Set<Int64>?, asOf: Instant, horizonDays: Int) throws -> [ReminderItem] {
        lock.withLock {
            guard let applications else { return byApplication.values.flatMap { $0 } }
            return applications.flatMap { byApplication[$0] ?? [] }
        }
    }

    func reminderSettings() -> ReminderSettings {
        ReminderSettings(timeZone: "Europe/Berlin")
    }
}
