import Crypto
import JSON
import Store
import Time

@testable import Reminders

/// Messages as the scheduler stores them, and channels to send them to.
enum MessageFixtures {
    /// 2026-11-09T07:30:00Z: Monday, 08:30 in Paris.
    static let now = Instant(millis: 1_794_209_400_000)
    static let secret = "whsec_" + Base64.encode(Array(0..<32))
    static let previousSecret = "whsec_" + Base64.encode(Array(100..<132))
    static let links: JSON = [
        "done": "https://tracker.example/a/done-token", "snooze": "https://tracker.example/a/snooze-token",
        "replied": "https://tracker.example/a/replied-token",
    ]
    static let ada: JSON = ["id": 3, "name": "Ada Lovelace", "email": "ada@acme.example", "phone": "+44 20 7946 0000"]
    static let thankYouText =
        "Send Ada Lovelace a thank-you note for the interview of Fri 6 Nov 2026 about the Engineer position at Acme; "
        + "the best time is by Mon 9 Nov 2026 09:00."

    /// An item object as the scheduler writes it (the agenda's fields, `key`, `application`, `contact`, `links`).
    static func item(
        action: String = "send_thank_you", dueFrom: String = "2026-11-06T17:00:00Z",
        dueBy: String? = "2026-11-09T08:00:00Z", overdue: Bool = false, employer: String = "Acme",
        contact: JSON = ada, links: JSON = links, message: String = thankYouText
    ) -> JSON {
        .object(
            JSONObject([
                ("application_id", 7), ("action", .string(action)), ("rule", "thank_you_note"),
                ("contact_id", contact.isNull ? .null : 3), ("channel", "email"), ("due_from", .string(dueFrom)),
                ("due_by", dueBy.map(JSON.string) ?? .null), ("overdue", .bool(overdue)),
                ("message", .string(message)), ("key", .string("7:\(action):3:1794070800000")),
                ("application", ["id": 7, "employer": .string(employer), "position": "Engineer"]),
                ("contact", contact), ("links", links),
            ]))
    }

    static func digest(date: String = "2026-11-09", items: [JSON]) -> JSON {
        ["date": .string(date), "items": .array(items)]
    }

    static let testData: JSON = ["channel_id": 4, "name": "n8n", "message": "A test message from NotAPest."]

    static func channel(
        _ kind: ChannelKind, url: String, token: String? = nil, secret: String? = nil,
        previousSecret: String? = nil, previousSecretUntil: Int64? = nil, id: Int64 = 4, name: String = "n8n"
    ) -> ChannelRecord {
        ChannelRecord(
            id: id,
            ChannelFields(
                name: name, kind: kind, url: url, token: token, secret: secret, previousSecret: previousSecret,
                previousSecretUntil: previousSecretUntil, actions: ["send_thank_you", "follow_up"]),
            createdAt: 0, updatedAt: 0)
    }

    static func delivery(_ type: DeliveryType, _ data: JSON, id: Int64 = 1) -> DeliveryRecord {
        delivery(type, text: data.serialized(), id: id)
    }

    static func delivery(_ type: DeliveryType, text: String, id: Int64 = 1) -> DeliveryRecord {
        DeliveryRecord(
            id: id, channelId: 4, messageId: "msg_AAAAAAAAAAAAAAAAAAAAAAAA", type: type,
            itemKey: type == .itemDue || type == .itemOverdue ? "7:send_thank_you:3:1794070800000" : nil, body: text,
            status: .pending, attempts: 0, lastStatus: nil, lastError: nil, nextAttemptAt: 0, createdAt: 0,
            deliveredAt: nil)
    }

    /// The `webhook-signature` a receiver expects for these parts, one per secret.
    static func signatures(id: String, timestamp: String, body: [UInt8], secrets: [String]) -> [String] {
        secrets.compactMap(WebhookSecret.key(of:)).map { key in
            "v1," + Base64.encode(HMAC.sha256(key: key, message: Array("\(id).\(timestamp).".utf8) + body))
        }
    }
}
