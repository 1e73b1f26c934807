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
}
