import Reminders
import Store
import Testing
import Time

@testable import API

/// `/v1/deliveries`: the outbox as a log, newest first, filtered by channel and status, each item message with
/// its item (and not its links); a failed or given-up delivery sent again with the same message id.
@Suite struct DeliveryAPITests {
    static let itemBody = """
        {"application_id":1,"action":"follow_up","rule":"wait-before-follow-up","contact_id":1,"channel":"email",\
        "due_from":"2026-11-09T00:00:00Z","due_by":null,"overdue":false,"message":"Follow up with Dana.",\
        "key":"1:follow_up:1:1794182400000","application":{"id":1,"employer":"Acme","position":"Engineer"},\
        "contact":{"id":1,"name":"Dana","email":null,"phone":null},\
        "links":{"done":"https://n.example/a/t1","snooze":"https://n.example/a/t2"}}
        """

    /// Two channels; deliveries 1 (item, channel 1, failed), 2 (digest, channel 2, delivered), 3 (test, channel
    /// 1, gave up), 4 (item, channel 1, pending), queued a minute apart from 12:00.
    static func fill(_ api: InProcessAPI) throws {
        _ = try api.create("/v1/channels", ChannelAPITests.webhook)
        _ = try api.create("/v1/channels", #"{"name":"a","kind":"apprise","url":"https://a.example/notify/k"}"#)
        let start = Instant(rfc3339: "2026-11-02T12:00:00Z")?.millis ?? 0
        let itemBody = Self.itemBody
        _ = try api.store.perform { transaction in
            func queue(_ n: Int64, channel: Int64, _ type: DeliveryType, key: String?, body: String) throws -> Int64 {
                let at = start + (n - 1) * 60_000
                return try transaction.enqueueDelivery(
                    channelId: channel, itemKey: key,
                    DeliveryMessage(messageId: "msg_\(n)", type: type, body: body), nextAttemptAt: at, now: at
                ).id
            }
            let first = try queue(1, channel: 1, .itemDue, key: "1:follow_up:1:1794182400000", body: itemBody)
            _ = try transaction.recordDeliveryAttempt(
                id: first, .failed(status: 500, error: "the receiver answered 500", retryAt: start + 3_600_000),
                now: start + 1_000)
            let second = try queue(2, channel: 2, .digest, key: nil, body: #"{"date":"2026-11-02","items":[]}"#)
            _ = try transaction.recordDeliveryAttempt(id: second, .delivered(status: 200), now: start + 61_000)
            let third = try queue(3, channel: 1, .channelTest, key: nil, body: #"{"channel_id":1}"#)
            _ = try transaction.recordDeliveryAttempt(
                id: third, .gaveUp(status: 410, error: "gone"), now: start + 121_000)
            _ = try queue(4, channel: 1, .itemOverdue, key: "1:follow_up:1:1794182400000", body: itemBody)
        }
    }

    @Test func theLogIsNewestFirstAndFiltered() throws {
        let api = try InProcessAPI()
        try Self.fill(api)
        let all = try api.call("GET", "/v1/deliveries").decode(ListBody<DeliveryBody>.self)
        #expect(all.items.map(\.id) == [4, 3, 2, 1])
        #expect(
            try api.call("GET", "/v1/deliveries?channel_id=1").decode(ListBody<DeliveryBody>.self).items.map(\.id)
                == [4, 3, 1])
        #expect(
            try api.call("GET", "/v1/deliveries?status=failed").decode(ListBody<DeliveryBody>.self).items.map(\.id)
                == [1])
        #expect(
            try api.call("GET", "/v1/deliveries?channel_id=2&status=failed").decode(ListBody<DeliveryBody>.self)
                .items.isEmpty)
        #expect(try api.call("GET", "/v1/deliveries?channel_id=9").decode(ListBody<DeliveryBody>.self).items.isEmpty)
        let page = try api.call("GET", "/v1/deliveries?limit=3").decode(ListBody<DeliveryBody>.self)
        #expect(page.items.map(\.id) == [4, 3, 2])
        let cursor = try #require(page.nextCursor)
        #expect(
            try api.call("GET", "/v1/deliveries?limit=3&cursor=\(cursor)").decode(ListBody<DeliveryBody>.self).items
                .map(\.id) == [1])
        for bad in ["channel_id=0", "channel_id=x", "status=sent", "limit=0", "cursor=c1"] {
            let response = try api.call("GET", "/v1/deliveries?\(bad)")
            #expect(response.status == 400, "\(bad)")
        }
    }

    @Test func aDeliveryShowsItsItemWithoutLinks() throws {
        let api = try InProcessAPI()
        try Self.fill(api)
        let failed = try api.call("GET", "/v1/deliveries/1")
        #expect(failed.status == 200 && failed.header("ETag") != nil)
        let body = try failed.decode(DeliveryBody.self)
        #expect(body.type == "agenda.item_due" && body.status == "failed" && body.attempts == 1)
        #expect(body.lastStatus == 500 && body.lastError == "the receiver answered 500")
        #expect(body.nextAttemptAt == "2026-11-02T13:00:00Z" && body.deliveredAt == nil)
        #expect(body.messageId == "msg_1" && body.channelId == 1 && body.createdAt == "2026-11-02T12:00:00Z")
        let item = try #require(body.item)
        #expect(item["key"] == .string("1:follow_up:1:1794182400000"))
        #expect(item["application"]?["employer"] == .string("Acme"))
        #expect(item["links"] == nil, "a link is a credential: not in the log")
        #expect(!failed.bodyText.contains("/a/t1"))
        let digest = try api.call("GET", "/v1/deliveries/2").decode(DeliveryBody.self)
        #expect(digest.item == nil && digest.status == "delivered" && digest.deliveredAt == "2026-11-02T12:01:01Z")
        #expect(try api.call("GET", "/v1/deliveries/3").decode(DeliveryBody.self).item == nil)
        #expect(try api.call("GET", "/v1/deliveries/9").status == 404)
    }

    @Test func aFailedOrGivenUpDeliveryIsSentAgain() throws {
        let api = try InProcessAPI()
        try Self.fill(api)
        let reminders = FakeReminders()
        api.context.attach(reminders: reminders)
        api.clock.set("2026-11-02T12:30:00Z")
        let retried = try api.call("POST", "/v1/deliveries/1/retry")
        #expect(retried.status == 200)
        let body = try retried.decode(DeliveryBody.self)
        #expect(body.status == "pending" && body.messageId == "msg_1" && body.nextAttemptAt == "2026-11-02T12:30:00Z")
        #expect(reminders.outboxChanges == 1)
        #expect(try api.call("POST", "/v1/deliveries/3/retry").decode(DeliveryBody.self).status == "pending")
        #expect(reminders.outboxChanges == 2)
        for (id, status) in [(1, "pending"), (2, "delivered"), (4, "pending")] {
            let refused = try api.call("POST", "/v1/deliveries/\(id)/retry")
            #expect(refused.status == 409, "\(id)")
            #expect(try refused.decode(ProblemBody.self).detail.contains(status), "\(id)")
        }
        #expect(try api.call("POST", "/v1/deliveries/9/retry").status == 404)
        #expect(reminders.outboxChanges == 2, "a refused retry wakes nothing")
        #expect(try api.call("POST", "/v1/deliveries/1/retry", #"{"now":true}"#).status == 400)
    }

    @Test func theOutboxAndTheAttemptsAreOnMetrics() throws {
        let api = try InProcessAPI()
        try Self.fill(api)
        api.clock.set("2026-11-02T12:10:00Z")
        api.context.metrics.recordDelivery(kind: .ntfy, outcome: .delivered)
        api.context.metrics.recordDelivery(kind: .ntfy, outcome: .delivered)
        api.context.metrics.recordDelivery(kind: .webhook, outcome: .gaveUp)
        api.context.metrics.recordDelivery(kind: .apprise, outcome: .withdrawn)
        let text = try api.call("GET", "/metrics").bodyText
        let lines = Set(text.split(separator: "\n").map(String.init))
        for expected in [
            #"notapest_deliveries_total{kind="ntfy",outcome="delivered"} 2"#,
            #"notapest_deliveries_total{kind="webhook",outcome="gave_up"} 1"#,
            #"notapest_deliveries_total{kind="gotify",outcome="failed"} 0"#,
            #"notapest_deliveries_total{kind="apprise",outcome="withdrawn"} 1"#,
            #"notapest_outbox_deliveries{status="pending"} 1"#,
            #"notapest_outbox_deliveries{status="failed"} 1"#,
            #"notapest_outbox_deliveries{status="delivered"} 1"#,
            #"notapest_outbox_deliveries{status="gave_up"} 1"#,
            // The oldest waiting was queued at 12:00 (the failed one): ten minutes.
            "notapest_outbox_oldest_waiting_age_seconds 600",
            "# TYPE notapest_deliveries_total counter", "# TYPE notapest_outbox_deliveries gauge",
        ] {
            #expect(lines.contains(expected), "\(expected)")
        }
        let series = lines.filter { $0.hasPrefix("notapest_deliveries_total{") }
        #expect(series.count == ChannelKind.allCases.count * 4, "a closed set of series")
    }
}
