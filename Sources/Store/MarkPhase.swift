/// Which of an agenda item's two moments a mark stands for; the stored text is the raw value.
public enum MarkPhase: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Its `due_from` passed.
    case due
    /// Its `due_by` passed while it was still listed.
    case overdue
}
