import App
import Crypto
import Foundation
import JSON
import Synchronization
import System
import TestSupport
import Testing
import Time

@testable import Reminders

/// The whole service, started as `notapest serve` starts it, sending to a receiver on loopback: an item that
/// falls due reaches a webhook signed, its one-tap link acts through the guidance once, and a retry schedule
/// survives a restart with the same message id.
@Suite(.serialized) struct ReminderServiceEndToEndTests {
    /// A service on an ephemeral port over the database at `path`, with `now` as its clock.
    static func start(
        _ path: String, retryBaseMillis: Int, now: @escaping @Sendable () -> Instant
    ) throws -> Service.Running {
        var options = try ServeOptions.parse(
            [
                "--port", "0", "--quiet", "--event-loops", "1", "--db", path, "--public-url", "http://notapest.test",
                "--delivery-retry-base-ms", String(retryBaseMillis),
            ], environment: [:])
        options.host = "127.0.0.1"
        return try Service.start(options, now: now)
    }

    static func call(
        _ running: Service.Running, _ method: String, _ target: String, _ body: String? = nil,
        headers: [(String, String)] = []
    ) throws -> RawResponse {
        try TestClient(port: running.server.port).request(method, target, body: body, headers: headers)
    }

    /// A recruiter, an application through them, and a resume sent `daysAgo` days before `now`: a follow-up to
    /// the recruiter is due.
    static func seed(_ running: Service.Running, now: Instant, daysAgo: Int64 = 8) throws {
        #expect(try call(running, "POST", "/v1/contacts", #"{"name":"Dana Reyes","role":"recruiter"}"#).status == 201)
        let application = #"{"employer":"Acme","position":"Engineer","route":"recruiter_submitted","recruiter_id":1}"#
        #expect(try call(running, "POST", "/v1/applications", application).status == 201)
        let sent = Instant(millis: now.millis - daysAgo * 86_400_000).rfc3339
        let event = #"{"kind":"resume_sent","occurred_at":"\#(sent)","contact_id":1,"channel":"email"}"#
        #expect(try call(running, "POST", "/v1/applications/1/events", event).status == 201)
    }

    /// Makes a webhook channel to `url` and returns its secret.
    static func webhook(_ running: Service.Running, to url: String) throws -> String {
        let created = try call(
            running, "POST", "/v1/channels", #"{"name":"hook","kind":"webhook","url":"\#(url)"}"#)
        #expect(created.status == 201, "\(String(decoding: created.body, as: UTF8.self))")
        return try #require(created.object["secret"] as? String)
    }

    /// The newest delivery's status once it is `status`, or as it is after 10 s of asking.
    static func waitForNewestDelivery(_ running: Service.Running, status wanted: String) throws -> String? {
        let deadline = Clock.monotonicMilliseconds() + 10_000
        var status: String?
        while true {
            let items = try call(running, "GET", "/v1/deliveries").object["items"] as? [[String: Any]]
            status = items?.first?["status"] as? String
            if status == wanted || Clock.monotonicMilliseconds() > deadline { return status }
            usleep(20_000)
        }
    }

    /// Whether `arrival` carries a Standard Webhooks signature of its id, timestamp and body made with `secret`.
    static func isSigned(_ arrival: Receiver.Arrival, secret: String) -> Bool {
        guard let key = WebhookSecret.key(of: secret), let id = arrival.headers["webhook-id"],
            let timestamp = arrival.headers["webhook-timestamp"],
            let signatures = arrival.headers["webhook-signature"]
        else { return false }
        let expected = Base64.encode(HMAC.sha256(key: key, message: Array("\(id).\(timestamp).".utf8) + arrival.body))
        return signatures.split(separator: " ").contains { $0 == "v1,\(expected)" }
    }

    @Test("an item falling due reaches a webhook, signed, and its done link records the follow-up once")
    func dueItemReachesWebhookAndLinkActs() throws {
        try ScratchDirectory.with { scratch in
            let receiver = try Receiver()
            let now = Instant(rfc3339: "2026-11-20T12:00:00Z") ?? Instant(millis: 0)
            let running = try Self.start(scratch.path("e2e.sqlite"), retryBaseMillis: 30_000, now: { now })
            defer { running.stop() }
            let secret = try Self.webhook(running, to: receiver.url("/hook"))
            try Self.seed(running, now: now)

            let arrival = try #require(receiver.waitForArrivals(1).first, "no message within 10 s of the write")
            #expect(Self.isSigned(arrival, secret: secret))
            let body = try JSONParser.parse(arrival.body)
            #expect(body["type"]?.stringValue == "agenda.item_due")
            #expect(body["data"]?["action"]?.stringValue == "follow_up")
            #expect(body["data"]?["contact"]?["name"]?.stringValue == "Dana Reyes")
            let done = try #require(body["data"]?["links"]?["done"]?.stringValue)
            #expect(done.hasPrefix("http://notapest.test/a/"))
            let path = String(done.dropFirst("http://notapest.test".count))

            // Delivered, and shown so.
            #expect(try Self.waitForNewestDelivery(running, status: "delivered") == "delivered")

            // The link: a GET changes nothing, a POST records the follow-up, a second POST finds it used.
            #expect(try Self.call(running, "GET", path).status == 200)
            let before = try Self.call(running, "GET", "/v1/applications/1/events").object["items"] as? [Any]
            #expect(before?.count == 1)
            let acted = try Self.call(running, "POST", path, headers: [("Accept", "application/json")])
            #expect(acted.status == 200 || acted.status == 201, "\(String(decoding: acted.body, as: UTF8.self))")
            let after = try Self.call(running, "GET", "/v1/applications/1/events").object["items"] as? [[String: Any]]
            #expect(after?.count == 2)
            #expect(after?.last?["kind"] as? String == "follow_up")
            #expect(try Self.call(running, "POST", path, headers: [("Accept", "application/json")]).status == 410)
            // Nothing more was sent for the item the link did.
            #expect(receiver.arrivals.count == 1)
        }
    }

    @Test("a delivery that failed is sent again after a restart, once, under the same webhook-id")
    func retryScheduleSurvivesRestart() throws {
        try ScratchDirectory.with { scratch in
            // The first request fails; every later one is delivered.
            let receiver = try Receiver(plan: { _, index in index == 0 ? .status(500) : .status(204) })
            let path = scratch.path("restart.sqlite")
            // The retry needs time to pass, so the clock runs; it starts on a Wednesday at noon, so that the
            // item is due and the hour not quiet whenever and wherever the test runs.
            let start = Instant(rfc3339: "2026-11-18T12:00:00Z") ?? Instant(millis: 0)
            let offset = start.millis - Clock.wallMilliseconds()
            let clock: @Sendable () -> Instant = { Instant(millis: Clock.wallMilliseconds() + offset) }
            var running = try Self.start(path, retryBaseMillis: 1_500, now: clock)
            _ = try Self.webhook(running, to: receiver.url("/hook"))
            try Self.seed(running, now: clock())
            let first = try #require(receiver.waitForArrivals(1).first)
            // Once the failure is recorded, stop in the middle of the schedule.
            #expect(try Self.waitForNewestDelivery(running, status: "failed") == "failed")
            running.stop()
            #expect(receiver.arrivals.count == 1, "the retry went before the restart")

            running = try Self.start(path, retryBaseMillis: 1_500, now: clock)
            defer { running.stop() }
            let arrivals = receiver.waitForArrivals(2)
            #expect(arrivals.count == 2)
            #expect(arrivals.last?.headers["webhook-id"] == first.headers["webhook-id"])
            #expect(try Self.waitForNewestDelivery(running, status: "delivered") == "delivered")
            #expect(receiver.arrivals.count == 2, "delivered twice")
        }
    }
}
