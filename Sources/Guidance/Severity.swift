/// How a rule acts on an event.
public enum Severity: String, CaseIterable, Codable, Sendable {
    /// The event is refused unless forced.
    case block
    /// The event is stored; the response carries the warning.
    case warn
    /// The rule produces agenda items rather than verdicts.
    case agenda
}
