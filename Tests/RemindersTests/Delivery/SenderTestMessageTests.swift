import Glibc
import Store
import Testing

@testable import Reminders

@Suite("Sender.sendTest: a channel.test message sent at once, answered, and logged as a delivery")
struct SenderTestMessageTests {
    typealias F = MessageFixtures

    @Test("delivered: the receiver gets a signed channel.test, and the log holds it delivered")
    func delivered() throws {
        let receiver = try Receiver()
        let harness = try SenderHarness()
        let channel = try harness.channel(.webhook, url: receiver.url("/hook"))
        let outcome = harness.sender.sendTest(to: channel)
        #expect(outcome.delivered && outcome.status == 200 && outcome.error == nil)
        let arrival = try #require(receiver.arrivals.first)
        #expect(SenderTests.verified(arrival))
        let id = try #require(arrival.headers["webhook-id"])
        #expect(id.hasPrefix("msg_") && id.utf8.count == 28)
        let logged = try harness.store.read {
            try $0.deliveries(matching: DeliveryFilter(), after: nil, limit: 10).items
        }
        #expect(logged.count == 1)
        let record = try #require(logged.first)
        #expect(record.messageId == id && record.type == .channelTest && record.status == .delivered)
        #expect(record.attempts == 1 && record.lastStatus == 200)
        #expect(record.body == #"{"channel_id":\#(channel.id),"name":"n8n","message":"A test message from NotAPest."}"#)
        #expect(harness.outcomes == [.delivered])
    }

    @Test(
        "not delivered: the status and error are answered, the test is logged given up and counts for nothing",
        arguments: [
            (Receiver.Reply.status(500), 500, "the receiver answered 500"),
            (.status(410), 410, "the receiver answered 410 Gone"),
        ] as [(Receiver.Reply, Int, String)])
    func failed(_ reply: Receiver.Reply, _ status: Int, _ error: String) throws {
        let receiver = try Receiver { _, _ in reply }
        let harness = try SenderHarness()
        let channel = try harness.channel(.ntfy, url: receiver.url("/alerts"))
        let outcome = harness.sender.sendTest(to: channel)
        #expect(!outcome.delivered && outcome.status == status && outcome.error == error)
        let logged = try harness.store.read {
            try $0.deliveries(matching: DeliveryFilter(), after: nil, limit: 10).items
        }
        #expect(logged.map(\.status) == [.gaveUp])
        #expect(logged.first?.nextAttemptAt == nil)
        let record = try #require(try harness.channelRecord(channel.id))
        #expect(record.fields.enabled && record.gaveUpInRow == 0)
    }

    @Test("no response: no status, the error, and how long it took")
    func refused() throws {
        let (descriptor, port) = try #require(LoopbackSocket.refusingPort())
        defer { close(descriptor) }
        let harness = try SenderHarness()
        let channel = try harness.channel(.gotify, url: "http://127.0.0.1:\(port)", token: "t")
        let outcome = harness.sender.sendTest(to: channel)
        #expect(
            outcome
                == TestOutcome(
                    delivered: false, status: nil, error: "connection refused", durationMillis: outcome.durationMillis))
        #expect(outcome.durationMillis >= 0 && outcome.durationMillis < 2_000)
    }
}
