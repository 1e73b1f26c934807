import Guidance

/// The identity of an agenda item across wake-ups and restarts: `{application_id}:{action}:{contact_id or
/// -}:{due_from in ms}`. Recording a follow-up moves the next item's `due_from`, so that item is a new one with
/// a new key: a channel sends each key (and phase) once.
public enum ItemKey {
    /// The key of `item`.
    public static func make(_ item: AgendaItem) -> String {
        make(
            applicationId: Int64(item.applicationId), action: item.action.rawValue,
            contactId: item.contactId.map(Int64.init), dueFrom: item.dueFrom.millis)
    }

    /// The key of the item with these members.
    public static func make(applicationId: Int64, action: String, contactId: Int64?, dueFrom: Int64) -> String {
        // Written byte by byte into one allocation: the scheduler makes a key for every item it reads, tens of
        // thousands after a settings write, and interpolation costs several times as much.
        var action = action
        return action.withUTF8 { action in
            String(unsafeUninitializedCapacity: 3 * maxDigits + 3 + action.count) { buffer in
                var count = write(applicationId, to: buffer, at: 0)
                buffer[count] = colon
                count += 1
                for byte in action {
                    buffer[count] = byte
                    count += 1
                }
                buffer[count] = colon
                count += 1
                if let contactId {
                    count = write(contactId, to: buffer, at: count)
                } else {
                    buffer[count] = UInt8(ascii: "-")
                    count += 1
                }
                buffer[count] = colon
                return write(dueFrom, to: buffer, at: count + 1)
            }
        }
    }

    /// The bytes an `Int64` takes at most in decimal: a sign and 19 digits.
    private static let maxDigits = 20

    private static let colon = UInt8(ascii: ":")

    /// Writes `number` in decimal at `start`, as `String(number)` does; returns the index after it.
    private static func write(_ number: Int64, to buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var start = start
        if number < 0 {
            buffer[start] = UInt8(ascii: "-")
            start += 1
        }
        var magnitude = number.magnitude
        var digits = 1
        var scale: UInt64 = 10
        while digits < 20 && magnitude >= scale {
            digits += 1
            scale = scale.multipliedReportingOverflow(by: 10).partialValue
        }
        var index = start + digits
        let end = index
        repeat {
            index -= 1
            buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        return end
    }

    /// The members of a key, or nil when `key` is not one `make` writes.
    public static func parse(_ key: String) -> Parts? {
        let parts = key.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, let applicationId = Int64(parts[0]), applicationId > 0,
            AgendaAction(rawValue: String(parts[1])) != nil, let dueFrom = Int64(parts[3])
        else { return nil }
        let contactId: Int64?
        if parts[2] == "-" {
            contactId = nil
        } else if let id = Int64(parts[2]), id > 0 {
            contactId = id
        } else {
            return nil
        }
        return Parts(applicationId: applicationId, action: String(parts[1]), contactId: contactId, dueFrom: dueFrom)
    }

    /// What a key is made of.
    public struct Parts: Sendable, Equatable {
        public var applicationId: Int64
        /// An `AgendaAction` raw value.
        public var action: String
        public var contactId: Int64?
        /// Milliseconds since the Unix epoch.
        public var dueFrom: Int64
    }
}
