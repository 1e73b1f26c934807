import Time

/// What to do instead of a refused event: whom to contact, how, and from when.
public struct Suggestion: Equatable, Encodable, Sendable {
    public var contactId: Int?
    public var channel: String?
    public var at: Instant

    public init(contactId: Int?, channel: String?, at: Instant) {
        self.contactId = contactId
        self.channel = channel
        self.at = at
    }

    private enum CodingKeys: String, CodingKey {
        case contactId = "contact_id"
        case channel
        case at
    }

    /// Absent values are written as `null`, as the contract shows them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(contactId, forKey: .contactId)
        try container.encode(channel, forKey: .channel)
        try container.encode(at, forKey: .at)
    }
}
