import Foundation
import JSON
import Store
import System
import Time

@testable import Reminders

/// A real Store in a temporary directory, a sender over it with the real HTTP client, and what the sender's
/// observer heard, to wait on.
final class SenderHarness {
    struct Event: Sendable, Equatable {
        var kind: ChannelKind
        var outcome: SendOutcome
        /// Wall-clock milliseconds at which it was heard.
        var at: Int64
    }

    let directory: URL
    let store: Store
    let events: ConditionLock<[Event]>
    let sender: Sender

    init(
        configuration: Sender.Configuration = Sender.Configuration(
            timeout: .seconds(5), retryPolicy: RetryPolicy(baseMillis: 60_000)),
        clock: @escaping @Sendable () -> Instant = { Instant(millis: Clock.wallMilliseconds()) },
        stillListed: @escaping @Sendable ([String], Instant) -> Set<String> = { keys, _ in Set(keys) },
        holdUntil: @escaping @Sendable (Instant) -> Instant? = { _ in nil },
        settings: (@Sendable () -> Sender.Settings)? = nil
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "notapest-sender-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try Store(path: directory.appendingPathComponent("t.sqlite").path, readers: 4)
        let events = ConditionLock<[Event]>([])
        self.events = events
        sender = Sender(
            store: store, client: ReceiverClient(), configuration: configuration, clock: clock,
            settings: settings ?? { Sender.Settings(timeZone: "Europe/Paris", holdUntil: holdUntil) },
            stillListed: stillListed,
            observer: { kind, outcome in
                events.withLockThenWake { $0.append(Event(kind: kind, outcome: outcome, at: Clock.wallMilliseconds())) }
            })
    }

    deinit {
        sender.stop()
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A channel stored now.
    func channel(
        _ kind: ChannelKind, url: String, token: String? = nil, secret: String? = nil, name: String = "n8n"
    ) throws -> ChannelRecord {
        let fields = ChannelFields(
            name: name, kind: kind, url: url, token: token,
            secret: secret ?? (kind == .webhook ? MessageFixtures.secret : nil), actions: ["send_thank_you"])
        return try store.perform { try $0.insertChannel(fields, now: Clock.wallMilliseconds()) }.value
    }

    /// A message queued for `channel`, due at `due` (now when nil).
    @discardableResult
    func enqueue(
        _ channel: ChannelRecord, _ type: DeliveryType = .itemDue, data: JSON = MessageFixtures.item(),
        itemKey: String? = "7:send_thank_you:3:1794070800000", due: Int64? = nil
    ) throws -> DeliveryRecord {
        let message = DeliveryMessage(messageId: MessageID.make(), type: type, body: data.serialized())
        let key = type == .itemDue || type == .itemOverdue ? itemKey : nil
        let now = Clock.wallMilliseconds()
        return try store.perform {
            try $0.enqueueDelivery(channelId: channel.id, itemKey: key, message, nextAttemptAt: due ?? now, now: now)
        }.value
    }

    func start() throws {
        try sender.start()
    }

    /// Waits (at most `seconds`) until the observer heard `count` outcomes, and returns those it heard.
    @discardableResult
    func waitForEvents(_ count: Int, seconds: Double = 10) -> [Event] {
        let deadline = Clock.monotonicMilliseconds() + Int64(seconds * 1000)
        return events.wait(until: { $0.count >= count }, deadline: deadline) { $0 }
    }

    /// Waits (at most `seconds`) until the observer heard `count` outcomes of `outcome`.
    @discardableResult
    func waitForEvents(_ count: Int, of outcome: SendOutcome, seconds: Double = 10) -> [Event] {
        let deadline = Clock.monotonicMilliseconds() + Int64(seconds * 1000)
        return events.wait(until: { $0.filter { $0.outcome == outcome }.count >= count }, deadline: deadline) { $0 }
    }

    var outcomes: [SendOutcome] { events.withLock { $0.map(\.outcome) } }

    func delivery(_ id: Int64) throws -> DeliveryRecord? {
        try store.read { try $0.delivery(id: id) }
    }

    func channelRecord(_ id: Int64) throws -> ChannelRecord? {
        try store.read { try $0.channel(id: id) }
    }
}
