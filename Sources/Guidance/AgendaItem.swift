import Time

/// One thing the seeker should do, and from when.
public struct AgendaItem: Equatable, Encodable, Sendable {
    public var applicationId: Int
    public var action: AgendaAction
    /// The rule that made the item due (for `follow_up`: the rule that set its time).
    public var rule: RuleID
    /// Whom to contact; nil for `record_directions`, and when nobody is known.
    public var contactId: Int?
    /// The suggested channel.
    public var channel: String?
    public var dueFrom: Instant
    /// When the item becomes overdue; nil for `follow_up` and `touch_base`.
    public var dueBy: Instant?
    /// Whether `dueBy` is set and the agenda's `as_of` is past it.
    public var overdue: Bool
    /// What to do and why, for a person; worded when read.
    public var message: String { detail.text }
    /// Writes `message` piece by piece, without composing it as one String first.
    public func writeMessage<Target: MessageOutput & ~Copyable>(to target: inout Target) { detail.write(to: &target) }
    var detail: AgendaMessage
    /// The event the item stems from (the interview, or the anchor of a wait), for stable identifiers such as
    /// calendar UIDs; not part of the JSON item.
    public var sourceEventId: Int?

    public init(
        applicationId: Int, action: AgendaAction, rule: RuleID, contactId: Int?, channel: String?, dueFrom: Instant,
        dueBy: Instant?, overdue: Bool, message: String, sourceEventId: Int?
    ) {
        self.init(
            applicationId: applicationId, action: action, rule: rule, contactId: contactId, channel: channel,
            dueFrom: dueFrom, dueBy: dueBy, overdue: overdue, detail: .text(message), sourceEventId: sourceEventId)
    }

    init(
        applicationId: Int, action: AgendaAction, rule: RuleID, contactId: Int?, channel: String?, dueFrom: Instant,
        dueBy: Instant?, overdue: Bool, detail: AgendaMessage, sourceEventId: Int?
    ) {
        self.applicationId = applicationId
        self.action = action
        self.rule = rule
        self.contactId = contactId
        self.channel = channel
        self.dueFrom = dueFrom
        self.dueBy = dueBy
        self.overdue = overdue
        self.detail = detail
        self.sourceEventId = sourceEventId
    }

    /// Items are equal when every field, and the wording of the message, is.
    public static func == (lhs: AgendaItem, rhs: AgendaItem) -> Bool {
        lhs.applicationId == rhs.applicationId && lhs.action == rhs.action && lhs.rule == rhs.rule
            && lhs.contactId == rhs.contactId && lhs.channel == rhs.channel && lhs.dueFrom == rhs.dueFrom
            && lhs.dueBy == rhs.dueBy && lhs.overdue == rhs.overdue && lhs.sourceEventId == rhs.sourceEventId
            && lhs.message == rhs.message
    }

    /// Agenda order: by `due_from`, then application id, then action name; ties (two thank-you notes from one
    /// interview) by contact id, so that the order never depends on how the input was arranged.
    public static func precedes(_ lhs: AgendaItem, _ rhs: AgendaItem) -> Bool {
        lhs.orderKey < rhs.orderKey
    }

    /// Where the item goes in agenda order, as plain values: callers that order many items compare these
    /// rather than the items.
    public var orderKey: OrderKey {
        OrderKey(
            dueFrom: dueFrom.millis, applicationId: applicationId, rank: action.sortRank,
            contactId: contactId ?? 0)
    }

    /// The members of agenda order, compared in turn.
    public struct OrderKey: Comparable, Sendable {
        let dueFrom: Int64
        let applicationId: Int
        let rank: Int
        let contactId: Int

        public static func < (lhs: OrderKey, rhs: OrderKey) -> Bool {
            (lhs.dueFrom, lhs.applicationId, lhs.rank, lhs.contactId)
                < (rhs.dueFrom, rhs.applicationId, rhs.rank, rhs.contactId)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case applicationId = "application_id"
        case action
        case rule
        case contactId = "contact_id"
        case channel
        case dueFrom = "due_from"
        case dueBy = "due_by"
        case overdue
        case message
    }

    /// The contract's item; absent values are written as `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(applicationId, forKey: .applicationId)
        try container.encode(action, forKey: .action)
        try container.encode(rule, forKey: .rule)
        try container.encode(contactId, forKey: .contactId)
        try container.encode(channel, forKey: .channel)
        try container.encode(dueFrom, forKey: .dueFrom)
        try container.encode(dueBy, forKey: .dueBy)
        try container.encode(overdue, forKey: .overdue)
        try container.encode(message, forKey: .message)
    }
}
