import Foundation
import Guidance

/// Writes agenda items straight to JSON bytes, member for member the same as
/// `GuidanceJSON.agendaItem(_:).write(into:)` but without building a JSON tree per item: an agenda
/// over thousands of applications is written item by item into one buffer.
struct AgendaWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func string(_ text: String?) {
        guard let text else { return raw("null") }
        JSON.writeString(text, into: &bytes)
    }

    private mutating func integer(_ value: Int?) {
        guard let value else { return raw("null") }
        bytes.append(contentsOf: String(value).utf8)
    }

    private mutating func time(_ date: Date?) {
        guard let date else { return raw("null") }
        string(Timestamp.format(GuidanceJSON.millis(date)))
    }

    mutating func item(_ item: AgendaItem) {
        raw("{\"application_id\":")
        integer(item.applicationId)
        raw(",\"action\":")
        string(item.action.rawValue)
        raw(",\"rule\":")
        string(item.rule.rawValue)
        raw(",\"contact_id\":")
        integer(item.contactId)
        raw(",\"channel\":")
        string(item.channel)
        raw(",\"due_from\":")
        time(item.dueFrom)
        raw(",\"due_by\":")
        time(item.dueBy)
        raw(",\"overdue\":")
        if item.overdue { raw("true") } else { raw("false") }
        raw(",\"message\":")
        string(item.message)
        raw("}")
    }

    /// An application's representation: its stored fields, then `next_action` and
    /// `unanswered_follow_ups` (the same bytes as `ApplicationRoutes.json`).
    static func application(storedJSON: [UInt8], next: AgendaItem?, unanswered: Int) -> [UInt8] {
        var writer = AgendaWriter(capacity: storedJSON.count + 600)
        writer.bytes.append(contentsOf: storedJSON)
        writer.raw(",\"next_action\":")
        if let next { writer.item(next) } else { writer.raw("null") }
        writer.raw(",\"unanswered_follow_ups\":")
        writer.integer(unanswered)
        writer.raw("}")
        return writer.bytes
    }

    /// The items as comma-separated JSON objects, without brackets.
    static func items(_ items: ArraySlice<AgendaItem>) -> [UInt8] {
        var writer = AgendaWriter(capacity: items.count * 480)
        for index in items.indices {
            if index > items.startIndex { writer.raw(",") }
            writer.item(items[index])
        }
        return writer.bytes
    }

    /// The whole `GET /v1/agenda` body.
    static func agenda(_ items: [AgendaItem], asOf: Int64, horizonDays: Int) -> [UInt8] {
        agenda(pieces: [Self.items(items[...])], asOf: asOf, horizonDays: horizonDays)
    }

    /// The whole `GET /v1/agenda` body from pieces written by `items`, in order.
    static func agenda(pieces: [[UInt8]], asOf: Int64, horizonDays: Int) -> [UInt8] {
        var writer = AgendaWriter(capacity: 128 + pieces.reduce(0) { $0 + $1.count + 1 })
        writer.raw("{\"as_of\":")
        writer.string(Timestamp.format(asOf))
        writer.raw(",\"horizon_days\":")
        writer.integer(horizonDays)
        writer.raw(",\"items\":[")
        var first = true
        for piece in pieces where !piece.isEmpty {
            if !first { writer.raw(",") }
            writer.bytes.append(contentsOf: piece)
            first = false
        }
        writer.raw("]}")
        return writer.bytes
    }
}
