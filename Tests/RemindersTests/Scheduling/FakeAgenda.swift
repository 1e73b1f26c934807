import Foundation
import Store
import Time

@testable import Reminders

/// An agenda source whose items the test sets, which records what it was asked.
final class FakeAgenda: TimedAgendaSource, @unchecked Sendable {
    private let lock = NSLock()
    private var items: [ReminderItem] = []
    private var settings = ReminderSettings(timeZone: "UTC")
    private var events: [Int64: Instant] = [:]
    private var asked: [Set<Int64>?] = []
    private var delayMicroseconds: UInt32 = 0

    /// Makes every read of the items take at least this long, as a large agenda does.
    func setDelay(milliseconds: UInt32) {
        lock.withLock { delayMicroseconds = milliseconds * 1000 }
    }

    /// Replaces every item.
    func set(_ items: [ReminderItem]) {
        lock.withLock { self.items = items }
    }

    func set(_ settings: ReminderSettings) {
        lock.withLock { self.settings = settings }
    }

    /// Each application's first event after any instant asked about (what `nextEvents` answers, when later).
    func setEvents(_ events: [Int64: Instant]) {
        lock.withLock { self.events = events }
    }

    /// The applications each call of `reminderItems` asked for (nil: every one), in order; forgets them.
    func takeAsked() -> [Set<Int64>?] {
        lock.withLock {
            defer { asked = [] }
            return asked
        }
    }

    func reminderItems(of applications: Set<Int64>?, asOf: Instant, horizonDays: Int) throws -> [ReminderItem] {
        let delay = lock.withLock { delayMicroseconds }
        if delay > 0 { usleep(delay) }
        return lock.withLock {
            asked.append(applications)
            let limit = asOf.adding(days: horizonDays)
            return items.filter { item in
                item.item.dueFrom <= limit && (applications?.contains(item.application.id) ?? true)
            }.map { item in
                var item = item
                item.item.overdue = item.item.dueBy.map { asOf > $0 } ?? false
                return item
            }
        }
    }

    func reminderSettings() -> ReminderSettings {
        lock.withLock { settings }
    }

    func nextEvents(of applications: Set<Int64>?, after asOf: Instant) throws -> [Int64: Instant] {
        lock.withLock {
            events.filter { event in event.value > asOf && (applications?.contains(event.key) ?? true) }
        }
    }
}

/// A clock the test moves.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Instant

    init(_ instant: Instant) {
        self.instant = instant
    }

    var now: Instant { lock.withLock { instant } }

    func set(_ instant: Instant) {
        lock.withLock { self.instant = instant }
    }
}

/// Counts the calls of a closure.
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var calls: Int { lock.withLock { count } }

    func call() {
        lock.withLock { count += 1 }
    }
}
