import Crypto
import JSON
import Outgoing
import Store
import Testing
import Time
@testable import Reminders

@Suite("MessageRenderer: the request each kind of channel gets")
struct MessageRendererTests {
    typealias F = MessageFixtures

    static func render(
        _ channel: ChannelRecord, _ delivery: DeliveryRecord, publicURL: String? = "https://tracker.example",
        at now: Instant = F.now, zone: String = "Europe/Paris"
    ) throws -> OutgoingRequest {
        try MessageRenderer(publicURL: publicURL).request(for: channel, delivery: delivery, at: now, timeZone: zone)
    }

    static func json(_ request: OutgoingRequest) throws -> JSON {
        try JSONParser.parse(request.body)
    }

    @Test("webhook: Standard Webhooks headers, the body {type, timestamp, data} with the stored data, signed")
    func webhook() throws {
        let data = F.item()
        let channel = F.channel(.webhook, url: "https://hooks.example/n8n?x=1", secret: F.secret)
        let request = try Self.render(channel, F.delivery(.itemDue, data), at: Instant(millis: F.now.millis + 999))
        #expect(request.method == "POST" && request.url == "https://hooks.example/n8n?x=1")
        let body = #"{"type":"agenda.item_due","timestamp":"2026-11-09T07:30:00Z","data":"# + data.serialized() + "}"
        #expect(String(decoding: request.body, as: UTF8.self) == body)
        let signature = F.signatures(
            id: "msg_AAAAAAAAAAAAAAAAAAAAAAAA", timestamp: "1794209400", body: request.body, secrets: [F.secret])
        #expect(
            request.headers == [
                .init("Content-Type", "application/json"), .init("User-Agent", "NotAPest"),
                .init("webhook-id", "msg_AAAAAAAAAAAAAAAAAAAAAAAA"), .init("webhook-timestamp", "1794209400"),
                .init("webhook-signature", signature[0]),
            ])
    }

    @Test(
        "webhook: the replaced secret signs too while it is honoured, and not from the instant it ends",
        arguments: [
            (F.now.millis + 1, 2), (F.now.millis, 1), (F.now.millis - 1, 1), (nil, 1),
        ] as [(Int64?, Int)])
    func rotation(_ until: Int64?, _ count: Int) throws {
        let channel = F.channel(
            .webhook, url: "https://hooks.example/n8n", secret: F.secret, previousSecret: F.previousSecret,
            previousSecretUntil: until)
        let request = try Self.render(channel, F.delivery(.channelTest, F.testData))
        let expected = F.signatures(
            id: "msg_AAAAAAAAAAAAAAAAAAAAAAAA", timestamp: "1794209400", body: request.body,
            secrets: [F.secret, F.previousSecret])
        #expect(request.header("webhook-signature") == expected.prefix(count).joined(separator: " "))
    }

    @Test(
        "webhook: a channel without a valid secret makes no request",
        arguments: [nil, "", "whsec_", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0", "whsec_c2VjcmV0"] as [String?])
    func secretMissing(_ secret: String?) {
        let channel = F.channel(.webhook, url: "https://hooks.example/n8n", secret: secret)
        #expect(throws: RenderError.invalidSecret) { try Self.render(channel, F.delivery(.channelTest, F.testData)) }
    }

    @Test(
        "ntfy: posted to the server's root, or the path before the topic, with the topic from the URL's last segment",
        arguments: [
            ("https://ntfy.example/alerts", "https://ntfy.example/", "alerts"),
            ("https://ntfy.example/alerts/", "https://ntfy.example/", "alerts"),
            ("http://ntfy.example:8080/alerts?auth=x#y", "http://ntfy.example:8080/", "alerts"),
            ("https://example.org/ntfy/alerts", "https://example.org/ntfy/", "alerts"),
        ])
    func ntfyURL(_ url: String, _ root: String, _ topic: String) throws {
        let request = try Self.render(F.channel(.ntfy, url: url), F.delivery(.channelTest, F.testData))
        #expect(request.url == root)
        #expect(try Self.json(request)["topic"] == .string(topic))
    }

    @Test("ntfy: title, message, priority, tags, the page to open, and a POST button per link; the token as bearer")
    func ntfyItem() throws {
        let channel = F.channel(.ntfy, url: "https://ntfy.example/alerts", token: "tk_secret")
        let request = try Self.render(channel, F.delivery(.itemDue, F.item()))
        #expect(
            request.headers == [
                .init("Content-Type", "application/json"), .init("User-Agent", "NotAPest"),
                .init("Authorization", "Bearer tk_secret"),
            ])
        func button(_ label: String, _ url: String) -> JSON {
            ["action": "http", "label": .string(label), "url": .string(url), "method": "POST", "clear": true]
        }
        let expected: JSON = [
            "topic": "alerts", "title": "Thank Ada Lovelace at Acme, by Mon 9 Nov, 09:00",
            "message": .string(F.thankYouText + "\nAda Lovelace: ada@acme.example, +44 20 7946 0000"),
            "priority": 3, "tags": ["bell", "send_thank_you"], "click": "https://tracker.example",
            "actions": [
                button("Done", "https://tracker.example/a/done-token"),
                button("Snooze 2 days", "https://tracker.example/a/snooze-token"),
                button("Replied", "https://tracker.example/a/replied-token"),
            ],
        ]
        #expect(try Self.json(request) == expected)
    }

    @Test("ntfy: overdue is priority 4; no public URL, no token and no links leave out click, the header and actions")
    func ntfyBare() throws {
        let channel = F.channel(.ntfy, url: "https://ntfy.example/alerts")
        let request = try Self.render(channel, F.delivery(.itemOverdue, F.item(links: [:])), publicURL: nil)
        let body = try Self.json(request)
        #expect(body["priority"] == 4 && body["tags"] == ["warning", "send_thank_you"])
        #expect(body["click"] == nil && body["actions"] == nil)
        #expect(request.header("Authorization") == nil)
        let digest = try Self.json(
            try Self.render(channel, F.delivery(.digest, F.digest(items: [F.item(overdue: true)]))))
        #expect(digest["priority"] == 3 && digest["actions"] == nil && digest["tags"] == ["calendar"])
    }

    @Test(
        "ntfy: a URL with no topic in its path makes no request",
        arguments: ["https://ntfy.example", "https://ntfy.example/"])
    func ntfyNoTopic(_ url: String) {
        #expect(throws: RenderError.self) {
            try Self.render(F.channel(.ntfy, url: url), F.delivery(.channelTest, F.testData))
        }
    }

    @Test(
        "gotify: POST {url}/message with the token as X-Gotify-Key",
        arguments: [
            ("https://gotify.example", "https://gotify.example/message"),
            ("https://gotify.example/", "https://gotify.example/message"),
            ("https://example.org/gotify/?q=1", "https://example.org/gotify/message"),
        ])
    func gotifyURL(_ url: String, _ target: String) throws {
        let request = try Self.render(
            F.channel(.gotify, url: url, token: "AppToken"), F.delivery(.channelTest, F.testData))
        #expect(request.url == target)
        #expect(request.header("x-gotify-key") == "AppToken")
    }

    @Test("gotify: title, message, priority, and the page to open in extras when there is one")
    func gotifyBody() throws {
        let channel = F.channel(.gotify, url: "https://gotify.example", token: "AppToken")
        let overdue = try Self.json(try Self.render(channel, F.delivery(.itemOverdue, F.item())))
        let expected: JSON = [
            "title": "Overdue: Thank Ada Lovelace at Acme, by Mon 9 Nov, 09:00",
            "message": .string(F.thankYouText + "\nAda Lovelace: ada@acme.example, +44 20 7946 0000"),
            "priority": 8,
            "extras": ["client::notification": ["click": ["url": "https://tracker.example"]]],
        ]
        #expect(overdue == expected)
        let due = try Self.json(try Self.render(channel, F.delivery(.itemDue, F.item()), publicURL: nil))
        #expect(due["priority"] == 5 && due["extras"] == nil)
        let tokenless = F.channel(.gotify, url: "https://gotify.example")
        #expect(throws: RenderError.missingToken) { try Self.render(tokenless, F.delivery(.itemDue, F.item())) }
    }

    @Test("apprise: POST to the notify URL as given, with title, body and info, or warning when overdue")
    func apprise() throws {
        let channel = F.channel(.apprise, url: "http://apprise.local:8000/notify/reminders")
        let request = try Self.render(channel, F.delivery(.itemOverdue, F.item()))
        #expect(request.url == "http://apprise.local:8000/notify/reminders")
        #expect(request.headers == [.init("Content-Type", "application/json"), .init("User-Agent", "NotAPest")])
        let expected: JSON = [
            "title": "Overdue: Thank Ada Lovelace at Acme, by Mon 9 Nov, 09:00",
            "body": .string(F.thankYouText + "\nAda Lovelace: ada@acme.example, +44 20 7946 0000"),
            "type": "warning",
        ]
        #expect(try Self.json(request) == expected)
        for type in [DeliveryType.itemDue, .digest, .channelTest] {
            let data = type == .digest ? F.digest(items: [F.item()]) : type == .channelTest ? F.testData : F.item()
            #expect(try Self.json(try Self.render(channel, F.delivery(type, data)))["type"] == "info")
        }
    }

    @Test(
        "a channel URL that is not absolute http or https makes no request",
        arguments: [
            "ftp://hooks.example/x", "file:///etc/passwd", "hooks.example/x", "http:///x", "", "javascript:alert(1)",
        ])
    func badURL(_ url: String) {
        for kind in ChannelKind.allCases {
            let channel = F.channel(kind, url: url, token: "t", secret: F.secret)
            #expect(throws: RenderError.self) { try Self.render(channel, F.delivery(.channelTest, F.testData)) }
        }
    }
}
