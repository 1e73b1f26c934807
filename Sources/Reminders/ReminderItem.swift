import Guidance
import Store
import Time

/// One agenda item as a reminder speaks of it: the guidance's item, its identity, and what a message names
/// (the application and the person to contact).
public struct ReminderItem: Sendable, Equatable {
    /// The item as `GET /v1/agenda` lists it.
    public var item: AgendaItem
    /// Its identity across wake-ups and restarts (`ItemKey`).
    public var key: String
    /// The application it belongs to.
    public var application: Application
    /// Whom it is about; nil when the item names nobody (`record_directions`, or no contact known).
    public var contact: Contact?

    /// The application as a message names it.
    public struct Application: Sendable, Equatable {
        public var id: Int64
        public var employer: String
        public var position: String

        public init(id: Int64, employer: String, position: String) {
            self.id = id
            self.employer = employer
            self.position = position
        }
    }

    /// The contact as a message names it.
    public struct Contact: Sendable, Equatable {
        public var id: Int64
        public var name: String
        public var email: String?
        public var phone: String?

        public init(id: Int64, name: String, email: String?, phone: String?) {
            self.id = id
            self.name = name
            self.email = email
            self.phone = phone
        }
    }

    /// An item with its key made from it.
    public init(item: AgendaItem, application: Application, contact: Contact?) {
        self.item = item
        key = ItemKey.make(item)
        self.application = application
        self.contact = contact
    }
}

extension ReminderItem {
    /// The phases of this item already reached at `now`: `due` from `due_from` on, and `overdue` too once `now`
    /// is past its `due_by`, as the agenda says `overdue`. What a channel made at `now` marks without sending (it
    /// starts from the agenda as it is).
    public func phasesReached(at now: Instant) -> [ItemPhase] {
        guard item.dueFrom <= now else { return [] }
        var phases = [ItemPhase(itemKey: key, phase: .due)]
        if let dueBy = item.dueBy, dueBy < now { phases.append(ItemPhase(itemKey: key, phase: .overdue)) }
        return phases
    }
}
