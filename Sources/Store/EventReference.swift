/// One field of one event that names a contact.
public struct EventReference: Sendable, Equatable, Hashable {
    /// The application whose timeline holds the event.
    public var applicationId: Int64
    /// The event.
    public var eventId: Int64
    /// The event's field, by its API name: `contact_id`, `follow_up_contact_id` or `interviewer_ids`.
    public var field: String

    /// Makes a reference.
    public init(applicationId: Int64, eventId: Int64, field: String) {
        self.applicationId = applicationId
        self.eventId = eventId
        self.field = field
    }
}
