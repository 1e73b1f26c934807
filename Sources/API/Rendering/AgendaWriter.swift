import Guidance
import JSON
import Time

/// Writes agenda items straight to JSON bytes, member for member the same as
/// `GuidanceJSON.agendaItem(_:).write(into:)` but without building a JSON tree per item: an agenda
/// over thousands of applications is written item by item into one buffer, and each message piece
/// by piece into its JSON string (as a `MessageOutput`, whose every write is escaped).
struct AgendaWriter: MessageOutput, ~Copyable {
    private(set) var buffer: ByteBuffer

    init(capacity: Int) {
        buffer = ByteBuffer(capacity: capacity)
    }

    /// What was written.
    var bytes: [UInt8] { buffer.withBytes { Array($0) } }

    private mutating func raw(_ text: StaticString) {
        buffer.append(text)
    }

    private mutating func raw(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer.append(bytes: $0) }
    }

    /// A piece of a string whose quotes are written around it.
    mutating func write(_ text: String) {
        JSON.writeStringContents(text, into: &buffer)
    }

    /// Wording has nothing to escape.
    mutating func write(wording: StaticString) {
        buffer.append(wording)
    }

    /// Nor have dates.
    mutating func write(ascii: UnsafeBufferPointer<UInt8>) {
        buffer.append(bytes: ascii)
    }

    private mutating func string(_ text: String?) {
        guard let text else { return raw("null") }
        buffer.append(UInt8(ascii: "\""))
        JSON.writeStringContents(text, into: &buffer)
        buffer.append(UInt8(ascii: "\""))
    }

    private mutating func integer(_ value: Int?) {
        guard let value else { return raw("null") }
        write(String(value))
    }

    /// As `GuidanceJSON.time` writes it.
    private mutating func time(_ instant: Instant?) {
        guard let instant else { return raw("null") }
        buffer.append(UInt8(ascii: "\""))
        instant.withRFC3339Bytes { buffer.append(bytes: $0) }
        buffer.append(UInt8(ascii: "\""))
    }

    /// An item; with `snoozedUntil`, one a snooze hides, listed on request, with a last member saying until when
    /// (an item no snooze hides has no such member, so the agenda's bytes are as they were before snoozes).
    mutating func item(_ item: AgendaItem, snoozedUntil: Instant? = nil) {
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
        raw(",\"message\":\"")
        item.writeMessage(to: &self)
        if let snoozedUntil {
            raw("\",\"snoozed_until\":")
            time(snoozedUntil)
            raw("}")
        } else {
            raw("\"}")
        }
    }

    /// An application's representation: its stored fields, then `next_action` and
    /// `unanswered_follow_ups` (the same bytes as `ApplicationRoutes.json`).
    static func application(storedJSON: [UInt8], next: AgendaItem?, unanswered: Int) -> [UInt8] {
        var writer = AgendaWriter(capacity: storedJSON.count + 600)
        writer.raw(storedJSON)
        writer.raw(",\"next_action\":")
        if let next { writer.item(next) } else { writer.raw("null") }
        writer.raw(",\"unanswered_follow_ups\":")
        writer.integer(unanswered)
        writer.raw("}")
        return writer.bytes
    }

    /// Items in agenda order, each written as a JSON object into one run of bytes.
    struct Slice: Sendable {
        /// The items' places in agenda order.
        let keys: [AgendaItem.OrderKey]
        let bytes: Bytes
        /// Where each item's object ends in `bytes`; it starts where the previous one ends.
        let ends: [Int]
    }

    /// A slice's bytes, kept in the buffer they were written to: an agenda over thousands of applications is
    /// megabytes, and each copy of it is a block malloc maps afresh and the kernel zeroes page by page.
    /// Written by one thread before it is shared, read only after.
    final class Bytes: @unchecked Sendable {
        let buffer: ByteBuffer

        init(_ buffer: consuming ByteBuffer) {
            self.buffer = buffer
        }

        var count: Int { buffer.count }
    }

    /// The buffer written, for the caller to keep.
    consuming func finish() -> ByteBuffer {
        buffer
    }

    /// `items` written in the order of the positions `order` lists; the snoozed ones with `snoozed_until` when
    /// `snoozes` is given (the caller leaves them out of `order` otherwise).
    static func slice(_ items: [AgendaItem], order: [Int], snoozes: SnoozeFilter? = nil) -> Slice {
        var writer = AgendaWriter(capacity: items.count * 400)
        var ends: [Int] = []
        ends.reserveCapacity(order.count)
        var keys: [AgendaItem.OrderKey] = []
        keys.reserveCapacity(order.count)
        // Through the buffer, so no item is copied (and its members retained) to be written.
        items.withUnsafeBufferPointer { items in
            for index in order {
                writer.item(items[index], snoozedUntil: snoozes?.until(items[index]))
                ends.append(writer.buffer.count)
                keys.append(items[index].orderKey)
            }
        }
        return Slice(keys: keys, bytes: Bytes(writer.finish()), ends: ends)
    }

    /// The whole `GET /v1/agenda` body: the items of `slices` in the order given, copied once, into an array
    /// of exactly their size.
    static func agenda(_ slices: [Slice], order: [(list: Int, index: Int)], asOf: Instant, horizonDays: Int)
        -> [UInt8]
    {
        var head = AgendaWriter(capacity: 128)
        head.raw("{\"as_of\":")
        head.time(asOf)
        head.raw(",\"horizon_days\":")
        head.integer(horizonDays)
        head.raw(",\"items\":[")
        let tail: StaticString = "]}"
        let itemBytes = slices.reduce(0) { $0 + $1.bytes.count }
        let total = head.buffer.count + itemBytes + max(0, order.count - 1) + tail.utf8CodeUnitCount
        return [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            var at = head.buffer.withBytes { head in
                _ = out.initialize(fromContentsOf: head)
                return head.count
            }
            for (position, (list, index)) in order.enumerated() {
                if position > 0 {
                    out[at] = UInt8(ascii: ",")
                    at += 1
                }
                let slice = slices[list]
                let start = index == 0 ? 0 : slice.ends[index - 1]
                let end = slice.ends[index]
                slice.bytes.buffer.withBytes { bytes in
                    let piece = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    precondition(at + piece.count <= total, "the agenda's pieces outgrew their count")
                    _ = UnsafeMutableBufferPointer(rebasing: out[at..<at + piece.count]).initialize(
                        fromContentsOf: piece)
                }
                at += end - start
            }
            precondition(at + tail.utf8CodeUnitCount == total, "the agenda's pieces fell short of their count")
            tail.withUTF8Buffer { tail in
                _ = UnsafeMutableBufferPointer(rebasing: out[at..<at + tail.count]).initialize(fromContentsOf: tail)
                at += tail.count
            }
            initialized = at
        }
    }

    /// The whole `GET /v1/agenda` body for items already in agenda order.
    static func agenda(_ items: [AgendaItem], asOf: Instant, horizonDays: Int) -> [UInt8] {
        agenda(
            [slice(items, order: Array(items.indices))], order: items.indices.map { (0, $0) }, asOf: asOf,
            horizonDays: horizonDays)
    }
}
