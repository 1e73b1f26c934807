import Dispatch
import Reminders
import Store
import Synchronization
import Testing
import Time

@testable import API

/// `POST /v1/channels/{id}/secret` and `/test`: a new signing secret with the old one honoured for a day, and a
/// test message sent off the event loops, a few at a time.
@Suite struct ChannelActionAPITests {
    @Test func aNewSecretIsShownOnceAndTheOldOneSignsForADay() throws {
        let api = try InProcessAPI()
        let old = try api.call("POST", "/v1/channels", ChannelAPITests.webhook).decode(ChannelBody.self).secret
        let rotated = try api.call("POST", "/v1/channels/1/secret")
        #expect(rotated.status == 200)
        #expect(rotated.header("Cache-Control") == "no-store")
        #expect(rotated.header("ETag") == "\"channel-1-v2\"")
        let secret = try #require(try rotated.decode(ChannelBody.self).secret)
        #expect(secret != old && WebhookSecret.key(of: secret) != nil)
        let stored = try #require(try api.store.read { try $0.channel(id: 1) })
        #expect(stored.secret == secret && stored.previousSecret == old)
        let now = try #require(Instant(rfc3339: "2026-11-02T12:00:00Z"))
        #expect(stored.previousSecretUntil == now.millis + 24 * 3_600_000)
        #expect(try api.call("GET", "/v1/channels/1").decode(ChannelBody.self).secret == nil)
    }

    @Test func aRetriedRotationAnswersTheSameSecret() throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/channels", ChannelAPITests.webhook)
        let key = [("Idempotency-Key", "rotate")]
        let first = try api.call("POST", "/v1/channels/1/secret", headers: key).decode(ChannelBody.self)
        let again = try api.call("POST", "/v1/channels/1/secret", headers: key)
        #expect(again.header("Idempotent-Replayed") == "true")
        #expect(try again.decode(ChannelBody.self).secret == first.secret)
        #expect(try api.store.read { try $0.channel(id: 1) }?.version == 2, "rotated once")
    }

    @Test func onlyAWebhookHasASecret() throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/channels", #"{"name":"a","kind":"apprise","url":"https://a.example/notify/k"}"#)
        #expect(try api.call("POST", "/v1/channels/1/secret").status == 409)
        #expect(try api.call("POST", "/v1/channels/2/secret").status == 404)
        #expect(try api.call("POST", "/v1/channels/1/secret", #"{"secret":"x"}"#).status == 400)
        let form = try api.send(
            "POST", "/v1/channels/1/secret", body: "", contentType: "application/x-www-form-urlencoded", headers: [])
        #expect(form.status == 415, "a cross-site form cannot rotate it")
    }

    @Test func aTestAnswersWhatCameOfIt() throws {
        let api = try InProcessAPI()
        let reminders = FakeReminders(
            outcome: TestOutcome(delivered: false, status: 500, error: "the receiver answered 500", durationMillis: 37))
        api.context.attach(reminders: reminders)
        _ = try api.create("/v1/channels", ChannelAPITests.webhook)
        let response = try api.call("POST", "/v1/channels/1/test")
        #expect(response.status == 200, "200 whatever the outcome")
        #expect(response.header("Cache-Control") == "no-store")
        #expect(
            try response.decode(TestOutcomeBody.self)
                == TestOutcomeBody(delivered: false, status: 500, error: "the receiver answered 500", durationMs: 37))
        #expect(reminders.tested.map(\.id) == [1])
        #expect(try api.call("POST", "/v1/channels/2/test").status == 404)
        #expect(reminders.tested.count == 1)
    }

    @Test func withoutRemindersATestIsNotDelivered() throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/channels", ChannelAPITests.webhook)
        let response = try api.call("POST", "/v1/channels/1/test")
        #expect(response.status == 200)
        #expect(
            try response.decode(TestOutcomeBody.self)
                == TestOutcomeBody(
                    delivered: false, status: nil, error: "the reminders are not running in this service", durationMs: 0
                ))
    }

    /// Tests wait for their receivers on threads of their own: while as many as allowed wait, another is refused
    /// at once (and other requests answered), and each waiting one is answered when its receiver is.
    @Test func testsWaitOffTheLoopsAFewAtATime() throws {
        let api = try InProcessAPI()
        let gate = Gate()
        let reminders = FakeReminders(release: gate)
        api.context.attach(reminders: reminders)
        _ = try api.create("/v1/channels", ChannelAPITests.webhook)
        let limit = api.context.channelTests.limit
        // The harness is used from the test's threads only; these calls wait for their answers within its bound.
        nonisolated(unsafe) let shared = api
        let statuses = Mutex<[Int]>([])
        let group = DispatchGroup()
        for _ in 0..<limit {
            DispatchQueue.global().async(group: group) {
                let status = (try? shared.call("POST", "/v1/channels/1/test").status) ?? 0
                statuses.withLock { $0.append(status) }
            }
        }
        #expect(gate.arrived(limit), "every allowed test reached its receiver")
        let refused = try api.call("POST", "/v1/channels/1/test")
        #expect(refused.status == 503 && refused.header("Retry-After") == "1")
        #expect(try api.call("GET", "/v1/channels/1").status == 200, "other requests are answered meanwhile")
        gate.open()
        #expect(group.wait(timeout: .now() + Gate.bound) == .success)
        #expect(statuses.withLock { $0 } == Array(repeating: 200, count: limit))
        #expect(try api.call("POST", "/v1/channels/1/test").status == 200, "room again once they ended")
    }
}
