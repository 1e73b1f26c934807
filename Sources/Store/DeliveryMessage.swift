/// What a queued message is, fixed when it is queued and the same on every attempt.
public struct DeliveryMessage: Sendable, Equatable {
    /// Unique among all deliveries: the webhook's `webhook-id` ("msg_" + 24 random base64url characters), so a
    /// receiver can drop a message sent again after a lost commit. The caller makes it; a repeat is
    /// `StoreError.duplicate`.
    public var messageId: String
    /// What the message says.
    public var type: DeliveryType
    /// The message's JSON `data`, rendered when it is queued; opaque text here.
    public var body: String

    /// Makes a message.
    public init(messageId: String, type: DeliveryType, body: String) {
        self.messageId = messageId
        self.type = type
        self.body = body
    }
}
