/// A delivery of the outbox as the service represents it.
struct DeliveryBody: Decodable, Sendable, Equatable {
    var id: Int
    var channelId: Int
    var messageId: String
    var type: String
    @Nullable var item: JSONValue?
    var status: String
    var attempts: Int
    @Nullable var lastStatus: Int?
    @Nullable var lastError: String?
    @Nullable var nextAttemptAt: String?
    var createdAt: String
    @Nullable var deliveredAt: String?
}
