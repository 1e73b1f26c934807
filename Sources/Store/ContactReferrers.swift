/// Everything that refers to a contact, which must go before the contact can be deleted.
public struct ContactReferrers: Sendable, Equatable {
    /// Applications with the contact as their recruiter, by id ascending.
    public var applicationIds: [Int64]
    /// Events that name the contact, ordered by application, event and field.
    public var events: [EventReference]

    /// Makes the list.
    public init(applicationIds: [Int64] = [], events: [EventReference] = []) {
        self.applicationIds = applicationIds
        self.events = events
    }

    /// True when nothing refers to the contact, so it may be deleted.
    public var isEmpty: Bool { applicationIds.isEmpty && events.isEmpty }
}
