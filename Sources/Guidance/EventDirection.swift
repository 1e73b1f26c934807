/// Who made the contact an event records.
public enum EventDirection: String, CaseIterable, Codable, Sendable {
    /// The seeker contacted someone; checked against the rules before it is stored.
    case outbound
    /// Someone contacted the seeker.
    case inbound
    /// Neither side's contact as such (an interview, a note).
    case neutral
    /// Someone else spoke to the employer about the seeker.
    case thirdParty = "third_party"
}
