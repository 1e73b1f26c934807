/// A snooze as the service represents it.
struct SnoozeBody: Decodable, Sendable, Equatable {
    var id: Int
    var applicationId: Int
    var action: String
    @Nullable var contactId: Int?
    var until: String
    var createdAt: String
}
