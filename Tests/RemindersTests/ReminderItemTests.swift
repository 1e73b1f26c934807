import Guidance
import Store
import Testing
import Time

@testable import Reminders

@Suite("The phases an item has reached when a channel is made")
struct ReminderItemTests {
    static func item(dueFrom: Int64, dueBy: Int64?) -> ReminderItem {
        let item = AgendaItem(
            applicationId: 4, action: .sendThankYou, rule: RuleCatalog.rules[0].id, contactId: 9, channel: "email",
            dueFrom: Instant(millis: dueFrom), dueBy: dueBy.map { Instant(millis: $0) }, overdue: false,
            message: "Send a thank-you note.", sourceEventId: 1)
        return ReminderItem(
            item: item, application: .init(id: 4, employer: "Acme", position: "Engineer"),
            contact: .init(id: 9, name: "Ann", email: nil, phone: nil))
    }

    @Test(
        "due from due_from on, overdue too once past due_by; both sides of each bound",
        arguments: [
            (Int64(999), [MarkPhase]()), (Int64(1_000), [.due]), (Int64(2_000), [.due]),
            (Int64(2_001), [.due, .overdue]),
        ])
    func phases(_ now: Int64, _ expected: [MarkPhase]) {
        let item = Self.item(dueFrom: 1_000, dueBy: 2_000)
        #expect(item.phasesReached(at: Instant(millis: now)).map(\.phase) == expected)
        #expect(item.phasesReached(at: Instant(millis: now)).allSatisfy { $0.itemKey == "4:send_thank_you:9:1000" })
    }

    @Test("an item without due_by never reaches overdue")
    func noDueBy() {
        #expect(Self.item(dueFrom: 1_000, dueBy: nil).phasesReached(at: Instant(millis: 10_000)).map(\.phase) == [.due])
    }
}
