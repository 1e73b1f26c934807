/// How a channel sends: one message per item phase, or one a day. The stored text is the raw value.
public enum ChannelMode: String, Sendable, Equatable, CaseIterable {
    /// A message when an item falls due, and one more when it turns overdue.
    case each
    /// One message a day at the channel's `digestAt`, listing what is due that day and what is overdue.
    case digest
}
