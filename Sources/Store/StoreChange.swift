/// What a write changed, as a cache of what was read must learn it: which applications' timelines, or everything.
///
/// A timeline here is everything a read of one application gives: its record, its events, the contacts they name
/// and the statuses of the applications its offer disclosures name. The Store derives the change from each write
/// itself (a contact's update changes every timeline that names it, a new event its application's, an import or
/// an import everything, a settings write the settings alone); its callers never choose it.
public enum StoreChange: Sendable, Equatable {
    /// No timeline changed: a new contact or application, a saved idempotency key, or nothing written at all.
    case none
    /// Event `id` was added to application `applicationId`'s timeline, and nothing else of any timeline changed.
    case eventAdded(id: Int64, applicationId: Int64)
    /// The timelines of these applications changed, in any way; never empty.
    case applications(Set<Int64>)
    /// The settings changed, and no timeline: what was read from the timelines still holds, what was worked
    /// out under the settings (an agenda, a representation, a due instant) does not.
    case settings
    /// Any timeline may have changed, and what is stored beside them (an import).
    case everything

    /// The timelines of `ids`: `none` when there are none.
    static func timelines(of ids: some Sequence<Int64>) -> StoreChange {
        let ids = Set(ids)
        return ids.isEmpty ? .none : .applications(ids)
    }

    /// This change, then `next` in the same transaction.
    public func then(_ next: StoreChange) -> StoreChange {
        switch (self, next) {
        case (.everything, _), (_, .everything): .everything
        case (.none, _): next
        case (_, .none): self
        case (.settings, .settings): .settings
        // Rare (no route writes both): one word for both is all the cases have.
        case (.settings, _), (_, .settings): .everything
        default: .applications(applicationIds.union(next.applicationIds))
        }
    }

    /// The applications whose timelines this change names; empty for `none`, `settings` and `everything`.
    public var applicationIds: Set<Int64> {
        switch self {
        case .none, .settings, .everything: []
        case .eventAdded(_, let applicationId): [applicationId]
        case .applications(let ids): ids
        }
    }
}
