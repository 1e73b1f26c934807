import Guidance
import JSON
import Time

/// A message's JSON `data`, as a delivery stores it (its body) when it is queued and the webhook body carries
/// it: rendered once, so that every attempt sends the same text.
///
/// An item is the agenda item's members as `GET /v1/agenda` writes them, in the same order, then its `key`, its
/// `application`, its `contact` and its one-tap `links`.
public struct MessageData: Sendable {
    /// The service's public base URL, without a trailing `/`; nil when none is configured, and messages carry no
    /// links.
    public let publicURL: String?
    /// The key link tokens are signed with.
    private let linkKey: [UInt8]

    /// Renders messages with links on `publicURL` (nil or empty: no links) signed with `linkKey`.
    public init(publicURL: String?, linkKey: [UInt8]) {
        var base = publicURL ?? ""
        while base.hasSuffix("/") { base.removeLast() }
        self.publicURL = base.isEmpty ? nil : base
        self.linkKey = linkKey
    }

    /// The data of an `agenda.item_due` or `agenda.item_overdue` message queued at `now`.
    public func item(_ item: ReminderItem, now: Instant) -> String {
        itemObject(item, now: now).serialized()
    }

    /// The data of an `agenda.digest` message for local date `date`, its items in the order given.
    public func digest(date: LocalDate, items: [ReminderItem], now: Instant) -> String {
        let object: JSON = [
            "date": JSON(date.description), "items": .array(items.map { itemObject($0, now: now) }),
        ]
        return object.serialized()
    }

    /// The data of a `channel.test` message.
    public static func test(channelId: Int64, name: String) -> String {
        let object: JSON = [
            "channel_id": JSON(channelId), "name": JSON(name), "message": JSON(MessageContent.testText),
        ]
        return object.serialized()
    }

    /// An item, as the item and digest messages hold it.
    func itemObject(_ item: ReminderItem, now: Instant) -> JSON {
        var members = Self.agendaMembers(item.item)
        members.append(("key", JSON(item.key)))
        members.append(
            (
                "application",
                [
                    "id": JSON(item.application.id), "employer": JSON(item.application.employer),
                    "position": JSON(item.application.position),
                ]
            ))
        members.append(
            (
                "contact",
                item.contact.map { contact in
                    [
                        "id": JSON(contact.id), "name": JSON(contact.name), "email": JSON(contact.email),
                        "phone": JSON(contact.phone),
                    ]
                } ?? .null
            ))
        members.append(("links", links(for: item, now: now)))
        return .object(JSONObject(members))
    }

    /// The agenda item's members as `GET /v1/agenda` writes them, in its order; absent values are `null`.
    static func agendaMembers(_ item: AgendaItem) -> [(String, JSON)] {
        [
            ("application_id", JSON(item.applicationId)), ("action", JSON(item.action.rawValue)),
            ("rule", JSON(item.rule.rawValue)), ("contact_id", JSON(item.contactId)), ("channel", JSON(item.channel)),
            ("due_from", JSON(item.dueFrom.rfc3339)), ("due_by", JSON(item.dueBy?.rfc3339)),
            ("overdue", JSON(item.overdue)), ("message", JSON(item.message)),
        ]
    }

    /// The one-tap links of an item made at `now`: `done` and `snooze`, and `replied` for a follow-up; each with
    /// a token of its own (its own nonce, so each works once). None without a public URL.
    func links(for item: ReminderItem, now: Instant) -> JSON {
        guard let publicURL else { return .object(JSONObject()) }
        var actions: [LinkToken.Action] = [.done, .snooze]
        if item.item.action == .followUp { actions.append(.replied) }
        return .object(
            JSONObject(
                actions.map { action in
                    let token = LinkToken.make(itemKey: item.key, action: action, now: now).signed(with: linkKey)
                    return (action.rawValue, JSON(publicURL + "/a/" + token))
                }))
    }
}
