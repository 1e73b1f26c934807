import Crypto
import Glibc
import JSON
import Store
import System
import Testing
import Time

@testable import Reminders

@Suite("Sender: the outbox sent to local receivers, each outcome recorded with the channel's bookkeeping")
struct SenderTests {
    typealias F = MessageFixtures

    /// Whether `arrival` carries a Standard Webhooks signature made with `secret` over what arrived.
    static func verified(_ arrival: Receiver.Arrival, secret: String = F.secret) -> Bool {
        guard let id = arrival.headers["webhook-id"], let timestamp = arrival.headers["webhook-timestamp"],
            let signatures = arrival.headers["webhook-signature"]
        else { return false }
        let expected = F.signatures(id: id, timestamp: timestamp, body: arrival.body, secrets: [secret])
        return signatures.split(separator: " ").contains { $0 == expected[0] }
    }

    @Test("each kind's request arrives as the receiver expects it, and each delivery is recorded delivered")
    func kinds() throws {
        let receiver = try Receiver()
        let harness = try SenderHarness()
        let webhook = try harness.channel(.webhook, url: receiver.url("/hook"))
        let ntfy = try harness.channel(.ntfy, url: receiver.url("/alerts"), token: "tk_1")
        let gotify = try harness.channel(.gotify, url: receiver.url("/gotify"), token: "AppToken")
        let apprise = try harness.channel(.apprise, url: receiver.url("/notify/reminders"))
        let queued = try [webhook, ntfy, gotify, apprise].map { try harness.enqueue($0) }
        let started = Clock.wallMilliseconds()
        try harness.start()
        let events = harness.waitForEvents(4)
        #expect(events.map(\.outcome) == Array(repeating: .delivered, count: 4))
        #expect(Set(events.map(\.kind)) == Set(ChannelKind.allCases))

        let byPath = Dictionary(receiver.arrivals.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let hook = try #require(byPath["/hook"])
        #expect(hook.headers["webhook-id"] == queued[0].messageId)
        #expect(Self.verified(hook))
        let timestamp = try #require(hook.headers["webhook-timestamp"].flatMap { Int64($0) })
        #expect(timestamp * 1000 >= started - 1000 && timestamp * 1000 <= Clock.wallMilliseconds())
        let hookBody = try JSONParser.parse(hook.body)
        #expect(hookBody["type"] == "agenda.item_due" && hookBody["data"] == F.item())

        let topic = try #require(byPath["/"])
        #expect(topic.headers["authorization"] == "Bearer tk_1")
        #expect(try JSONParser.parse(topic.body)["topic"] == "alerts")
        let message = try #require(byPath["/gotify/message"])
        #expect(message.headers["x-gotify-key"] == "AppToken")
        #expect(try JSONParser.parse(message.body)["title"] == "Thank Ada Lovelace at Acme, by Mon 9 Nov, 09:00")
        let notify = try #require(byPath["/notify/reminders"])
        #expect(try JSONParser.parse(notify.body)["type"] == "info")

        for delivery in queued {
            let record = try #require(try harness.delivery(delivery.id))
            #expect(record.status == .delivered && record.attempts == 1 && record.lastStatus == 200)
            #expect(record.nextAttemptAt == nil && record.deliveredAt != nil && record.lastError == nil)
        }
    }

    @Test("a 500 is retried after the backoff with the same message id, and then delivered")
    func retried() throws {
        let receiver = try Receiver { _, index in index == 0 ? .status(500) : .status(200) }
        let harness = try SenderHarness(
            configuration: .init(timeout: .seconds(5), retryPolicy: RetryPolicy(baseMillis: 50, random: { 0.5 })))
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let delivery = try harness.enqueue(channel)
        try harness.start()
        #expect(harness.waitForEvents(2).map(\.outcome) == [.failed, .delivered])
        let arrivals = receiver.arrivals
        #expect(arrivals.count == 2)
        #expect(arrivals.allSatisfy { $0.headers["webhook-id"] == delivery.messageId && Self.verified($0) })
        #expect(arrivals[1].at - arrivals[0].at >= 45)
        let record = try #require(try harness.delivery(delivery.id))
        #expect(record.status == .delivered && record.attempts == 2 && record.lastStatus == 200)
    }

    struct FailureCase: Sendable, CustomTestStringConvertible {
        let name: String
        let reply: Receiver.Reply
        let timeoutMillis: Int
        let status: Int?
        let error: String
        var testDescription: String { name }
    }

    @Test(
        "a failed attempt is recorded with its status and error, and waits for its next attempt",
        arguments: [
            FailureCase(
                name: "500", reply: .status(500), timeoutMillis: 5_000, status: 500, error: "the receiver answered 500"),
            FailureCase(
                name: "a timeout", reply: .hang, timeoutMillis: 300, status: nil, error: "no response within 300 ms"),
            FailureCase(
                name: "a redirect", reply: .status(302, headers: [("Location", "http://127.0.0.1:1/x")]),
                timeoutMillis: 5_000, status: 302,
                error: "the receiver answered 302, a redirect to http://127.0.0.1:1/x, which is not followed"),
            FailureCase(
                name: "a slow answer", reply: .delayed(millis: 1_000, .status(200)), timeoutMillis: 300, status: nil,
                error: "no response within 300 ms"),
        ])
    func failures(_ row: FailureCase) throws {
        let receiver = try Receiver { _, _ in row.reply }
        let harness = try SenderHarness(
            configuration: .init(
                timeout: .milliseconds(row.timeoutMillis), retryPolicy: RetryPolicy(baseMillis: 60_000, random: { 0.5 })
            ))
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let delivery = try harness.enqueue(channel)
        try harness.start()
        let event = try #require(harness.waitForEvents(1).first)
        #expect(event.outcome == .failed)
        let record = try #require(try harness.delivery(delivery.id))
        #expect(record.status == .failed && record.attempts == 1)
        #expect(record.lastStatus == row.status && record.lastError == row.error)
        let retryAt = try #require(record.nextAttemptAt)
        #expect(retryAt >= event.at + 60_000 - 1_000 && retryAt <= event.at + 60_000)
        #expect(receiver.arrivals.count == 1)
    }

    @Test("a refused connection is a failure with no status")
    func refused() throws {
        let (descriptor, port) = try #require(LoopbackSocket.refusingPort())
        defer { close(descriptor) }
        let harness = try SenderHarness()
        let channel = try harness.channel(.apprise, url: "http://127.0.0.1:\(port)/notify/x")
        let delivery = try harness.enqueue(channel)
        try harness.start()
        #expect(harness.waitForEvents(1).map(\.outcome) == [.failed])
        let record = try #require(try harness.delivery(delivery.id))
        #expect(record.status == .failed && record.lastStatus == nil && record.lastError == "connection refused")
    }

    @Test("a huge answer is delivered: its status counts, its body is dropped")
    func hugeBody() throws {
        let receiver = try Receiver { _, _ in .status(200, body: Array(repeating: 0x61, count: 4 << 20)) }
        let harness = try SenderHarness()
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let delivery = try harness.enqueue(channel)
        try harness.start()
        #expect(harness.waitForEvents(1).map(\.outcome) == [.delivered])
        #expect(try harness.delivery(delivery.id)?.status == .delivered)
    }

    @Test("429 with Retry-After is tried again when the receiver asked")
    func retryAfter() throws {
        let receiver = try Receiver { _, _ in .status(429, headers: [("Retry-After", "120")]) }
        let harness = try SenderHarness()
        let channel = try harness.channel(.ntfy, url: receiver.url("/alerts"))
        let delivery = try harness.enqueue(channel)
        try harness.start()
        let event = try #require(harness.waitForEvents(1).first)
        #expect(event.outcome == .failed)
        let record = try #require(try harness.delivery(delivery.id))
        #expect(record.lastStatus == 429 && record.status == .failed)
        let retryAt = try #require(record.nextAttemptAt)
        #expect(retryAt >= event.at + 120_000 - 1_000 && retryAt <= event.at + 120_000)
    }

    @Test("410 gives the delivery up and disables the channel: its next delivery is not sent")
    func gone() throws {
        let receiver = try Receiver { _, _ in .status(410) }
        let harness = try SenderHarness()
        let channel = try harness.channel(.gotify, url: receiver.url("/gotify"), token: "t")
        let first = try harness.enqueue(channel)
        let second = try harness.enqueue(channel)
        try harness.start()
        #expect(harness.waitForEvents(1).map(\.outcome) == [.gaveUp])
        let record = try #require(try harness.delivery(first.id))
        #expect(record.status == .gaveUp && record.lastStatus == 410 && record.nextAttemptAt == nil)
        let disabled = try #require(try harness.channelRecord(channel.id))
        #expect(!disabled.fields.enabled && disabled.fields.disabledReason == "the receiver answered 410 Gone")
        #expect(try harness.delivery(second.id)?.status == .pending)
        #expect(receiver.arrivals.count == 1)
        #expect(try harness.store.read { try $0.nextDeliveryDue() } == nil)
    }

    @Test("a receiver that hangs holds up only its own channel: another channel's message goes out at once")
    func hangingReceiver() throws {
        let hanging = try Receiver { _, _ in .hang }
        let receiver = try Receiver()
        let harness = try SenderHarness(configuration: .init(timeout: .seconds(3)))
        let stuck = try harness.channel(.webhook, url: hanging.url("/hook"))
        let healthy = try harness.channel(.webhook, url: receiver.url("/hook"))
        try harness.enqueue(stuck)
        try harness.enqueue(stuck)
        let delivery = try harness.enqueue(healthy)
        let started = Clock.wallMilliseconds()
        try harness.start()
        let events = harness.waitForEvents(1)
        #expect(events.map(\.outcome) == [.delivered])
        #expect((events.first?.at ?? .max) - started < 1_500)
        #expect(try harness.delivery(delivery.id)?.status == .delivered)
        #expect(hanging.waitForArrivals(1).count == 1)
        // One per channel: the stuck channel's second message waits behind its first.
        #expect(hanging.arrivals.count == 1)
    }

    @Test("at most eight requests are in flight, and one per channel")
    func inFlight() throws {
        let receiver = try Receiver { _, _ in .delayed(millis: 150, .status(200)) }
        let harness = try SenderHarness()
        #expect(Sender.Configuration.defaultMaxInFlight == 8)
        for number in 0..<12 {
            let channel = try harness.channel(.webhook, url: receiver.url("/hook\(number)"))
            try harness.enqueue(channel)
            try harness.enqueue(channel)
        }
        try harness.start()
        #expect(harness.waitForEvents(24, of: .delivered).count == 24)
        #expect(receiver.mostOpen == 8)
        #expect(receiver.mostOpenByPath.values.allSatisfy { $0 == 1 })
        #expect(receiver.mostOpenByPath.count == 12)
    }

    @Test("ten deliveries given up in a row disable the channel")
    func tenGiveUps() throws {
        let receiver = try Receiver { _, _ in .status(500) }
        let harness = try SenderHarness(
            configuration: .init(timeout: .seconds(5), retryPolicy: RetryPolicy(baseMillis: 0)))
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        for _ in 0..<10 {
            try harness.enqueue(channel)
        }
        try harness.start()
        #expect(harness.waitForEvents(10, of: .gaveUp, seconds: 30).filter { $0.outcome == .gaveUp }.count == 10)
        let record = try #require(try harness.channelRecord(channel.id))
        #expect(!record.fields.enabled && record.fields.disabledReason == "10 deliveries in a row gave up")
        #expect(record.gaveUpInRow == 10)
        #expect(receiver.arrivals.count == 10 * RetryPolicy.maximumAttempts)
    }

    struct InRowCase: Sendable, CustomTestStringConvertible {
        let before: Int
        let reply: Receiver.Reply
        let attemptsBefore: Int
        let after: Int
        let enabled: Bool
        let reason: String?
        var testDescription: String { "\(before) in a row, then \(reply)" }
    }

    @Test(
        "the count of give-ups in a row: one more per give-up, the channel disabled at 10, back to 0 on a delivery",
        arguments: [
            InRowCase(before: 8, reply: .status(500), attemptsBefore: 8, after: 9, enabled: true, reason: nil),
            InRowCase(
                before: 9, reply: .status(500), attemptsBefore: 8, after: 10, enabled: false,
                reason: "10 deliveries in a row gave up"),
            InRowCase(before: 9, reply: .status(500), attemptsBefore: 0, after: 9, enabled: true, reason: nil),
            InRowCase(before: 9, reply: .status(200), attemptsBefore: 8, after: 0, enabled: true, reason: nil),
            InRowCase(
                before: 0, reply: .status(410), attemptsBefore: 0, after: 1, enabled: false,
                reason: "the receiver answered 410 Gone"),
        ])
    func inRow(_ row: InRowCase) throws {
        let receiver = try Receiver { _, _ in row.reply }
        let harness = try SenderHarness()
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let delivery = try harness.enqueue(channel)
        let now = Clock.wallMilliseconds()
        try harness.store.perform { transaction in
            for _ in 0..<row.before {
                _ = try transaction.incrementGaveUpInRow(channelId: channel.id)
            }
            for _ in 0..<row.attemptsBefore {
                _ = try transaction.recordDeliveryAttempt(
                    id: delivery.id, .failed(status: 500, error: "earlier", retryAt: now), now: now)
            }
        }
        try harness.start()
        #expect(harness.waitForEvents(1).count == 1)
        let record = try #require(try harness.channelRecord(channel.id))
        #expect(record.gaveUpInRow == row.after)
        #expect(record.fields.enabled == row.enabled && record.fields.disabledReason == row.reason)
    }

    @Test("an item no longer listed is withdrawn, not sent and not counted; a digest does not ask")
    func withdrawn() throws {
        let receiver = try Receiver()
        let asked = ConditionLock<[String]>([])
        let harness = try SenderHarness(stillListed: { keys, _ in
            asked.withLock { $0 += keys }
            return []
        })
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let item = try harness.enqueue(channel, itemKey: "7:send_thank_you:3:1794070800000")
        let digest = try harness.enqueue(channel, .digest, data: F.digest(items: [F.item()]))
        try harness.start()
        #expect(Set(harness.waitForEvents(2).map(\.outcome)) == [.withdrawn, .delivered])
        #expect(asked.withLock { $0 } == ["7:send_thank_you:3:1794070800000"])
        let record = try #require(try harness.delivery(item.id))
        #expect(record.status == .gaveUp && record.attempts == 0 && record.lastError == Sender.withdrawnReason)
        #expect(try harness.delivery(digest.id)?.status == .delivered)
        #expect(receiver.arrivals.map { $0.headers["webhook-id"] } == [digest.messageId])
        #expect(try harness.channelRecord(channel.id)?.gaveUpInRow == 0)
    }

    @Test("quiet hours hold every message until they end")
    func quietHours() throws {
        let receiver = try Receiver()
        let end = Instant(millis: Clock.wallMilliseconds() + 600)
        let harness = try SenderHarness(holdUntil: { now in now < end ? end : nil })
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        try harness.enqueue(channel)
        try harness.start()
        #expect(harness.waitForEvents(1).map(\.outcome) == [.delivered])
        let arrival = try #require(receiver.arrivals.first)
        #expect(arrival.wallAt >= end.millis)
        #expect(arrival.wallAt < end.millis + 1_000)
    }

    @Test("the sender sleeps until the next delivery is due, or until woken")
    func sleeps() throws {
        let receiver = try Receiver()
        let harness = try SenderHarness()
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let due = Clock.wallMilliseconds() + 400
        try harness.enqueue(channel, due: due)
        try harness.start()
        #expect(harness.waitForEvents(1).map(\.outcome) == [.delivered])
        let first = try #require(receiver.arrivals.first)
        #expect(first.wallAt >= due && first.wallAt < due + 1_000)
        // Now asleep with nothing due: a message queued and a wake make it go at once.
        try harness.enqueue(channel)
        let woken = Clock.wallMilliseconds()
        harness.sender.wake()
        #expect(harness.waitForEvents(2).map(\.outcome) == [.delivered, .delivered])
        #expect(try #require(receiver.arrivals.last).wallAt - woken < 1_000)
    }

    @Test("stop waits for the request in flight, at most its timeout, and records it")
    func stop() throws {
        let receiver = try Receiver { _, _ in .hang }
        let harness = try SenderHarness(configuration: .init(timeout: .milliseconds(500)))
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let delivery = try harness.enqueue(channel)
        try harness.start()
        receiver.waitForArrivals(1)
        let started = Clock.monotonicMilliseconds()
        harness.sender.stop()
        #expect(Clock.monotonicMilliseconds() - started < 1_500)
        #expect(try harness.delivery(delivery.id)?.status == .failed)
        #expect(harness.outcomes == [.failed])
    }
}
