/// A proposed event that is not valid input at all, as opposed to one the guidance refuses.
public enum ProposalInputError: Error, Equatable, Sendable {
    /// A channel field is not a lowercase token of at most 40 characters (a bad request).
    case malformedChannel(field: String, value: String)
    /// Directions name a follow-up channel other than `letter`, `email` or `phone` (unprocessable: the
    /// directions event is refused, not stored with a violation).
    case directionsChannelNotStandard(value: String)

    /// The field at fault.
    public var field: String {
        switch self {
        case .malformedChannel(let field, _): return field
        case .directionsChannelNotStandard: return "follow_up_channel"
        }
    }

    /// Whether the fault is the shape of the value (400) rather than its meaning (422).
    public var isMalformed: Bool {
        if case .malformedChannel = self {
            return true
        }
        return false
    }

    /// A sentence for the sender.
    public var message: String {
        switch self {
        case .malformedChannel(_, let value):
            return "\"\(value)\" is not a channel: use a lowercase token of at most \(Channel.maximumLength) "
                + "characters, such as email"
        case .directionsChannelNotStandard(let value):
            return "directions can only ask for follow-up by letter, email or phone, not \"\(value)\""
        }
    }
}
