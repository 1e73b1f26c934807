/// What a delivered message says; the stored text is the raw value, which is also the webhook body's `type`.
public enum DeliveryType: String, Sendable, Equatable, CaseIterable {
    /// An agenda item fell due.
    case itemDue = "agenda.item_due"
    /// An agenda item passed its `due_by` while still listed.
    case itemOverdue = "agenda.item_overdue"
    /// A digest channel's daily list.
    case digest = "agenda.digest"
    /// `POST /v1/channels/{id}/test`.
    case channelTest = "channel.test"
}
