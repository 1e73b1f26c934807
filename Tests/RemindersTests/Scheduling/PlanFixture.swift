import Guidance
import Store
import Time

@testable import Reminders

/// Items and channels for the plan's and the scheduler's tests.
enum PlanFixture {
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    /// An item of application `application` due from `dueFrom` (ms) to `dueBy`.
    static func item(
        _ application: Int64, _ action: AgendaAction = .sendThankYou, contact: Int64? = 9, dueFrom: Int64,
        dueBy: Int64? = nil
    ) -> ReminderItem {
        let item = AgendaItem(
            applicationId: Int(application), action: action, rule: rule(action), contactId: contact.map(Int.init),
            channel: "email", dueFrom: Instant(millis: dueFrom), dueBy: dueBy.map { Instant(millis: $0) },
            overdue: false, message: "Do \(action.rawValue) for \(application).", sourceEventId: 1)
        return ReminderItem(
            item: item, application: .init(id: application, employer: "Employer \(application)", position: "Engineer"),
            contact: contact.map { .init(id: $0, name: "Contact \($0)", email: nil, phone: nil) })
    }

    /// The same, with instants.
    static func item(
        _ application: Int64, _ action: AgendaAction = .sendThankYou, contact: Int64? = 9, dueFrom: Instant,
        dueBy: Instant? = nil
    ) -> ReminderItem {
        item(application, action, contact: contact, dueFrom: dueFrom.millis, dueBy: dueBy?.millis)
    }

    static func rule(_ action: AgendaAction) -> RuleID {
        switch action {
        case .sendThankYou: .thankYouPromptly
        case .debriefRecruiter: .debriefRecruiter
        case .recordDirections: .recordDirections
        case .followUp: .waitBeforeFollowUp
        case .touchBase: .recruiterTouchBase
        }
    }

    static let allActions = AgendaAction.allCases.map(\.rawValue)

    /// The fields of a channel carrying `actions`.
    static func fields(
        _ name: String = "hook", mode: ChannelMode = .each, enabled: Bool = true, digestAt: String = "08:00",
        actions: [String] = allActions
    ) -> ChannelFields {
        ChannelFields(
            name: name, kind: .webhook, url: "http://127.0.0.1:9/\(name)", secret: WebhookSecret.generate(),
            enabled: enabled, mode: mode, digestAt: digestAt, actions: actions)
    }

    /// A channel as stored, made at `createdAt`.
    static func channel(
        _ id: Int64, mode: ChannelMode = .each, enabled: Bool = true, digestAt: String = "08:00",
        actions: [String] = allActions, lastDigestDate: String? = nil, createdAt: Int64 = 0
    ) -> ChannelRecord {
        ChannelRecord(
            id: id, fields("c\(id)", mode: mode, enabled: enabled, digestAt: digestAt, actions: actions),
            lastDigestDate: lastDigestDate, createdAt: createdAt, updatedAt: createdAt)
    }
}
