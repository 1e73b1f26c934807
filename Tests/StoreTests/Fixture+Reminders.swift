import SQLite

@testable import Store

/// Builders for the reminders' rows.
extension Fixture {
    static let day: Int64 = 24 * hour

    static func channelFields(
        _ name: String = "n8n", kind: ChannelKind = .webhook, enabled: Bool = true
    ) -> ChannelFields {
        ChannelFields(
            name: name, kind: kind, url: "https://hooks.example/\(name)", secret: "whsec_c2VjcmV0", enabled: enabled,
            actions: ["follow_up", "thank_you"])
    }

    @discardableResult
    static func channel(_ database: Database, _ name: String = "n8n", enabled: Bool = true) throws -> ChannelRecord {
        try database.insertChannel(channelFields(name, enabled: enabled), now: now)
    }

    /// A message with an id made from `number`, unique per test.
    static func message(_ number: Int, type: DeliveryType = .itemDue) -> DeliveryMessage {
        DeliveryMessage(messageId: "msg_\(number)", type: type, body: #"{"n":\#(number)}"#)
    }

    /// A pending delivery to `channelId`, queued at `createdAt` and due at `due`.
    @discardableResult
    static func delivery(
        _ database: Database, channelId: Int64, _ number: Int, due: Int64 = now, createdAt: Int64 = now
    ) throws -> DeliveryRecord {
        try database.enqueueDelivery(
            channelId: channelId, itemKey: "1:follow_up:-:\(number)", message(number), nextAttemptAt: due,
            now: createdAt)
    }
}
