/// An instant travels as its RFC 3339 text, as the service writes it.
extension Instant: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rfc3339)
    }
}
