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
        "\(applicationId):\(action):\(contactId.map(String.init) ?? "-"):\(dueFrom)"
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
