import Foundation
import Reminders
import Store
import Testing
import Time

@testable import API

/// `/v1/channels`: made, read, listed, changed and deleted like contacts, with what only a channel has: a kind
/// fixed at creation, a token never shown, a signing secret shown once, and the baseline of what was due.
@Suite struct ChannelAPITests {
    static let webhook = #"{"name":"n8n","kind":"webhook","url":"https://n8n.example/webhook/notapest"}"#

    @Test func aChannelIsMadeReadListedChangedAndDeleted() throws {
        let api = try InProcessAPI()
        let created = try api.call("POST", "/v1/channels", Self.webhook)
        #expect(created.status == 201)
        #expect(created.header("Location") == "/v1/channels/1")
        #expect(created.header("ETag") == "\"channel-1-v1\"")
        #expect(created.header("Cache-Control") == "no-store", "the answer holds the signing secret")
        let body = try created.decode(ChannelBody.self)
        #expect(body.kind == "webhook" && body.mode == "each" && body.digestAt == "08:00" && body.enabled)
        #expect(
            body.actions == ["send_thank_you", "debrief_recruiter", "record_directions", "follow_up", "touch_base"])
        let secret = try #require(body.secret)
        #expect(WebhookSecret.key(of: secret)?.count == 32)

        let fetched = try api.call("GET", "/v1/channels/1")
        #expect(fetched.status == 200 && fetched.header("ETag") == "\"channel-1-v1\"")
        #expect(try fetched.decode(ChannelBody.self).secret == nil, "the secret is shown once")
        #expect(!fetched.bodyText.contains(secret))
        #expect(try api.call("GET", "/v1/channels/1", headers: [("If-None-Match", "\"channel-1-v1\"")]).status == 304)
        let list = try api.call("GET", "/v1/channels").decode(ListBody<ChannelBody>.self)
        #expect(list.items.map(\.id) == [1] && list.items[0].secret == nil)

        let patched = try api.call(
            "PATCH", "/v1/channels/1", #"{"name":"Home Assistant","mode":"digest","digest_at":"07:30"}"#,
            headers: [("If-Match", "\"channel-1-v1\"")])
        #expect(patched.status == 200 && patched.header("ETag") == "\"channel-1-v2\"")
        let changed = try patched.decode(ChannelBody.self)
        #expect(changed.name == "Home Assistant" && changed.mode == "digest" && changed.digestAt == "07:30")
        #expect(try api.store.read { try $0.channel(id: 1) }?.secret == secret, "a patch keeps the secret")

        #expect(try api.call("DELETE", "/v1/channels/1", headers: [("If-Match", "\"channel-1-v1\"")]).status == 412)
        #expect(try api.call("DELETE", "/v1/channels/1", headers: [("If-Match", "\"channel-1-v2\"")]).status == 204)
        #expect(try api.call("GET", "/v1/channels/1").status == 404)
        #expect(try api.call("PATCH", "/v1/channels/1", #"{"name":"x"}"#).status == 404)
    }

    @Test func listsArePagedByCursor() throws {
        let api = try InProcessAPI()
        for _ in 0..<3 { _ = try api.create("/v1/channels", Self.webhook) }
        let first = try api.call("GET", "/v1/channels?limit=2").decode(ListBody<ChannelBody>.self)
        #expect(first.items.map(\.id) == [1, 2])
        let cursor = try #require(first.nextCursor)
        let second = try api.call("GET", "/v1/channels?limit=2&cursor=\(cursor)").decode(ListBody<ChannelBody>.self)
        #expect(second.items.map(\.id) == [3] && second.nextCursor == nil)
        #expect(try api.call("GET", "/v1/channels?cursor=nope").status == 400)
    }

    /// A secret 24 to 64 bytes long is taken as given; the service makes one only when none is given.
    @Test func aGivenSecretIsKept() throws {
        let api = try InProcessAPI()
        let secret = "whsec_" + Base64Text.of(bytes: 24)
        let response = try api.call(
            "POST", "/v1/channels",
            #"{"name":"h","kind":"webhook","url":"http://127.0.0.1:9/h","secret":"\#(secret)"}"#)
        #expect(response.status == 201)
        #expect(try response.decode(ChannelBody.self).secret == secret)
    }

    @Test func theTokenIsWrittenButNeverShown() throws {
        let api = try InProcessAPI()
        let created = try api.call(
            "POST", "/v1/channels", #"{"name":"g","kind":"gotify","url":"https://gotify.example","token":"AbCdEf123"}"#)
        #expect(created.status == 201)
        #expect(!created.bodyText.contains("AbCdEf123") && !created.bodyText.contains("token"))
        #expect(try created.decode(ChannelBody.self).secret == nil, "only webhooks sign")
        #expect(!(try api.call("GET", "/v1/channels/1").bodyText.contains("AbCdEf123")))
        #expect(!(try api.call("GET", "/v1/channels").bodyText.contains("AbCdEf123")))
        #expect(try api.call("PATCH", "/v1/channels/1", #"{"name":"Gotify"}"#).status == 200)
        #expect(try api.store.read { try $0.channel(id: 1) }?.token == "AbCdEf123", "a patch without it keeps it")
        #expect(try api.call("PATCH", "/v1/channels/1", #"{"token":"new"}"#).status == 200)
        #expect(try api.store.read { try $0.channel(id: 1) }?.token == "new")
        let cleared = try api.call("PATCH", "/v1/channels/1", #"{"token":null}"#)
        #expect(cleared.status == 422)
        #expect(try cleared.decode(ProblemBody.self).fields == ["token"])

        _ = try api.create("/v1/channels", #"{"name":"n","kind":"ntfy","url":"https://ntfy.sh/jobs","token":"tk_1"}"#)
        #expect(try api.call("PATCH", "/v1/channels/2", #"{"token":null}"#).status == 200)
        #expect(try api.store.read { try $0.channel(id: 2) }?.token == nil, "ntfy's token is optional")
    }

    @Test func theKindIsFixedAndTheSecretOnlyRotated() throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/channels", Self.webhook)
        let kind = try api.call("PATCH", "/v1/channels/1", #"{"kind":"apprise"}"#)
        #expect(kind.status == 422)
        #expect(try kind.decode(ProblemBody.self).fields == ["kind"])
        #expect(try api.call("PATCH", "/v1/channels/1", #"{"kind":"webhook"}"#).status == 200)
        let secret = try api.call("PATCH", "/v1/channels/1", #"{"secret":"whsec_\#(Base64Text.of(bytes: 32))"}"#)
        #expect(secret.status == 400)
        #expect(try secret.decode(ProblemBody.self).fields == ["secret"])
        let readOnly = try api.call("PATCH", "/v1/channels/1", #"{"disabled_reason":"mine"}"#)
        #expect(readOnly.status == 400)
        #expect(try readOnly.decode(ProblemBody.self).fields == ["disabled_reason"])
        #expect(try api.store.read { try $0.channel(id: 1) }?.version == 2, "refused patches wrote nothing")
    }

    /// The service disables a channel with a reason; the reason stays while it stays disabled, and goes once the
    /// client enables it (or disables it itself), which also wakes the sender for its waiting deliveries.
    @Test func enablingAgainClearsTheReasonAndWakesTheSender() throws {
        let api = try InProcessAPI()
        let reminders = FakeReminders()
        api.context.attach(reminders: reminders)
        _ = try api.create("/v1/channels", Self.webhook)
        _ = try api.store.perform {
            try $0.setChannelEnabled(id: 1, false, reason: "the receiver answered 410", now: 1)
        }
        #expect(
            try api.call("GET", "/v1/channels/1").decode(ChannelBody.self).disabledReason == "the receiver answered 410"
        )
        let renamed = try api.call("PATCH", "/v1/channels/1", #"{"name":"still off"}"#).decode(ChannelBody.self)
        #expect(!renamed.enabled && renamed.disabledReason == "the receiver answered 410")
        #expect(reminders.outboxChanges == 0)
        let enabled = try api.call("PATCH", "/v1/channels/1", #"{"enabled":true}"#).decode(ChannelBody.self)
        #expect(enabled.enabled && enabled.disabledReason == nil)
        #expect(reminders.outboxChanges == 1)
        _ = try api.store.perform { try $0.setChannelEnabled(id: 1, false, reason: "10 deliveries gave up", now: 1) }
        let off = try api.call("PATCH", "/v1/channels/1", #"{"enabled":false}"#).decode(ChannelBody.self)
        #expect(!off.enabled && off.disabledReason == nil, "disabled by the client: not the service's reason")
    }

    @Test func aRetriedCreateMakesOneChannel() throws {
        let api = try InProcessAPI()
        let key = [("Idempotency-Key", "channel-1")]
        let first = try api.call("POST", "/v1/channels", Self.webhook, headers: key)
        let again = try api.call("POST", "/v1/channels", Self.webhook, headers: key)
        #expect(first.status == 201 && again.status == 201)
        #expect(again.header("Idempotent-Replayed") == "true")
        #expect(try again.decode(ChannelBody.self) == first.decode(ChannelBody.self))
        #expect(try api.call("GET", "/v1/channels").decode(ListBody<ChannelBody>.self).items.count == 1)
        #expect(
            try api.call(
                "POST", "/v1/channels", #"{"name":"other","kind":"apprise","url":"https://a.example/notify/k"}"#,
                headers: key
            ).status == 422)
    }

    @Test func theNumberOfChannelsIsBounded() throws {
        let api = try InProcessAPI()
        for _ in 0..<ChannelInput.maxChannels { _ = try api.create("/v1/channels", Self.webhook) }
        let refused = try api.call("POST", "/v1/channels", Self.webhook)
        #expect(refused.status == 409)
        #expect(try refused.decode(ProblemBody.self).detail.contains("\(ChannelInput.maxChannels) channels"))
        #expect(try api.call("DELETE", "/v1/channels/1").status == 204)
        #expect(try api.call("POST", "/v1/channels", Self.webhook).status == 201, "room again after a delete")
    }

    /// A channel starts from the agenda as it is: whatever is due already is marked (and overdue too, where it
    /// is), snoozed items included, so that only what falls due later is sent one by one.
    @Test func aNewChannelMarksWhatIsDueAlready() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        _ = try api.create(
            "/v1/agenda/snoozes",
            #"{"application_id":1,"action":"follow_up","contact_id":1,"until":"2026-11-22T00:00:00Z"}"#)
        api.clock.set("2026-11-20T16:00:00Z")
        _ = try api.create("/v1/channels", Self.webhook)
        let marks = try api.store.read { try $0.marks(channelId: 1) }
        let interview = Instant(rfc3339: "2026-11-19T15:00:00Z")?.millis ?? 0
        let followUp = Instant(rfc3339: "2026-11-09T00:00:00Z")?.millis ?? 0
        let expected: Set<String> = [
            "1:debrief_recruiter:1:\(interview) due", "1:debrief_recruiter:1:\(interview) overdue",
            "1:follow_up:1:\(followUp) due", "1:record_directions:-:\(interview) due",
            "1:send_thank_you:2:\(interview) due", "1:send_thank_you:2:\(interview) overdue",
        ]
        #expect(Set(marks.map { "\($0.item.itemKey) \($0.item.phase.rawValue)" }) == expected)
        #expect(marks.allSatisfy { $0.deliveryId == nil }, "baseline marks queue nothing")
    }

    /// Every committed write is told to the reminders with what it changed; a channel's as everything, since it
    /// changes what is sent though no timeline.
    @Test func theRemindersHearOfEveryCommit() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        let reminders = FakeReminders()
        api.context.attach(reminders: reminders)
        try InterviewScenario.seed(api)
        #expect(reminders.changes == [.eventAdded(id: 1, applicationId: 1), .eventAdded(id: 2, applicationId: 1)])
        reminders.reset()
        _ = try api.create("/v1/channels", Self.webhook)
        _ = try api.call("PATCH", "/v1/channels/1", #"{"name":"x"}"#)
        _ = try api.call("PUT", "/v1/settings", #"{"quiet_hours_start":"22:00","quiet_hours_end":"07:00"}"#)
        _ = try api.call("DELETE", "/v1/channels/1")
        #expect(reminders.changes == [.everything, .everything, .settings, .everything])
        reminders.reset()
        #expect(try api.call("PATCH", "/v1/channels/9", #"{"name":"x"}"#).status == 404)
        #expect(reminders.changes.isEmpty, "a refused write commits nothing, and nothing is told")
    }
}

/// Base64 text of made-up bytes, for secrets of a given length.
enum Base64Text {
    static func of(bytes count: Int) -> String {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }).base64EncodedString()
    }
}
