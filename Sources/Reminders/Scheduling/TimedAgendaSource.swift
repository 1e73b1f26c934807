import Time

/// An agenda source that also says when an application's items change with time alone, with no write.
///
/// The agenda at an instant knows only the events up to it (an interview recorded ahead of time brings its
/// thank-you item once its time comes), so items computed after a write can change at the application's next
/// event. A source that says when lets the scheduler recompute that application then; one that does not is
/// recomputed after each write and once a day only. The ends of snoozes the scheduler reads from the Store
/// itself.
public protocol TimedAgendaSource: AgendaSource {
    /// For each application (of `applications`, every one when nil) that has an event after `asOf`: the first
    /// of them. Applications with none are left out.
    func nextEvents(of applications: Set<Int64>?, after asOf: Instant) throws -> [Int64: Instant]
}
