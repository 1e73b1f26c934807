/// What a client writes on a snooze: which agenda item it hides, and until when.
public struct SnoozeFields: Sendable, Equatable {
    /// The application of the item; deleting the application deletes its snoozes.
    public var applicationId: Int64
    /// The item's agenda action (`follow_up`, `thank_you`…), as text; the store does not interpret it.
    public var action: String
    /// The item's contact, or nil for an item without one; not checked against the contacts.
    public var contactId: Int64?
    /// Milliseconds since the Unix epoch (UTC) at which the item shows again: hidden while `until > now`.
    public var until: Int64

    /// Makes the fields.
    public init(applicationId: Int64, action: String, contactId: Int64? = nil, until: Int64) {
        self.applicationId = applicationId
        self.action = action
        self.contactId = contactId
        self.until = until
    }
}
