import Guidance
import JSON
import Store
import Time

/// The whole data set as one JSON document: what `GET /v1/export` answers and `POST /v1/import` takes.
///
/// Records keep their ids and are ordered by id; each has exactly the shape its own `GET` answers with
/// (applications without what the guidance computes, events with their stored violations). The settings are
/// the flat settings object without `feed_token`: a token is a secret of the installation, not data.
///
/// The reminders are not part of the document for now: channels (which hold tokens and signing secrets),
/// deliveries, reminder marks, snoozes, used links and the link key are left out of an export, and an import
/// leaves those stored as they are.
struct ExportDocument: Sendable {
    static let format = "notapest-export"
    static let version: Int64 = 1

    var settings: GuidanceSettings
    var contacts: [ContactRecord]
    var applications: [ApplicationRecord]
    var events: [EventRecord]

    /// Everything the database holds. Run it inside one transaction (a reader's) so that every part comes
    /// from the same snapshot.
    static func load(_ reading: ReadTransaction) throws -> ExportDocument {
        let timelines = try reading.allTimelines()
        let events = timelines.flatMap(\.events).sorted { $0.id < $1.id }
        return ExportDocument(
            settings: try storedSettings(reading), contacts: try reading.allContacts(),
            applications: timelines.map(\.application), events: events)
    }

    /// The stored settings, read without writing: a reader cannot fill in missing names the way
    /// `SettingsCodec.loadOrCreate` does at start-up, and by now it has.
    static func storedSettings(_ reading: some StoreReading) throws -> GuidanceSettings {
        let rows = try reading.settings()
        var object = JSONObject()
        for name in SettingsCodec.writableNames.sorted() {
            guard let text = rows[name], let value = try? JSONParser.parse(Array(text.utf8)) else { continue }
            object[name] = value
        }
        return (try? SettingsCodec.apply(object, to: GuidanceSettings(), validate: false)) ?? GuidanceSettings()
    }

    /// The settings as the flat object of `GET /v1/settings`, without the token.
    static func settingsJSON(_ settings: GuidanceSettings) -> JSON {
        guard case .object(var object) = SettingsCodec.json(.init(guidance: settings, feedToken: "")) else {
            return .object(JSONObject())
        }
        object[SettingsCodec.feedToken] = nil
        return .object(object)
    }

    /// The document, stamped with the time it was made: the members in this order, each record as its own
    /// `GET` shows it.
    func bytes(exportedAt: Instant) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096 + events.count * 320)
        func member(_ name: String, _ value: JSON) {
            out.append(UInt8(ascii: out.isEmpty ? "{" : ","))
            JSON.writeString(name, into: &out)
            out.append(UInt8(ascii: ":"))
            value.write(into: &out)
        }
        member("format", JSON(Self.format))
        member("version", JSON(Self.version))
        member("exported_at", JSON(exportedAt.rfc3339))
        member("settings", Self.settingsJSON(settings))
        member("contacts", .array(contacts.map(ContactRoutes.json)))
        member("applications", .array(applications.map { .object(ApplicationRoutes.baseJSON($0)) }))
        out.append(contentsOf: ",\"events\":[".utf8)
        for (position, event) in events.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            EventRoutes.write(event, into: &out)
        }
        out.append(contentsOf: "]}".utf8)
        return out
    }

    /// The counts `POST /v1/import` answers with.
    var counts: JSON {
        ["contacts": JSON(contacts.count), "applications": JSON(applications.count), "events": JSON(events.count)]
    }

    /// Stores every record as it is, ids included, in the writer's transaction: a failure anywhere leaves
    /// nothing behind.
    func store(_ transaction: inout WriteTransaction) throws {
        try transaction.importRecords(contacts: contacts, applications: applications, events: events)
    }
}
