import Time

/// What the scheduler reads of the agenda on a wake-up, in one pass over the applications: each one's items, and
/// when its items next change with time alone.
public struct ReminderAgenda: Sendable {
    /// The items of each application that has any, in agenda order, snoozed ones left out.
    public var items: [Int64: [ReminderItem]]
    /// For each application that has an event after the instant asked about: the first of them (an interview
    /// recorded ahead of time brings its thank-you once its time comes). Empty when the source cannot tell.
    public var nextEvents: [Int64: Instant]

    public init(items: [Int64: [ReminderItem]] = [:], nextEvents: [Int64: Instant] = [:]) {
        self.items = items
        self.nextEvents = nextEvents
    }
}
