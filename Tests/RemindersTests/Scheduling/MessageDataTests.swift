import Guidance
import JSON
import Testing
import Time

@testable import API
@testable import Reminders

@Suite("Message data: an item as the agenda writes it, with its key, application, contact and links")
struct MessageDataTests {
    static let key: [UInt8] = Array(repeating: 7, count: 32)
    static let now = Instant(millis: 1_793_611_800_000)

    static func reminder(
        _ item: AgendaItem,
        contact: ReminderItem.Contact? = .init(id: 7, name: "Sam", email: "sam@x.example", phone: nil)
    ) -> ReminderItem {
        ReminderItem(
            item: item,
            application: .init(id: Int64(item.applicationId), employer: "Acme \"Labs\"", position: "Engineer"),
            contact: contact)
    }

    /// Items with every kind of member: absent ones, an overdue one, escapes in the message.
    static let items: [AgendaItem] = [
        AgendaItem(
            applicationId: 3, action: .sendThankYou, rule: .thankYouPromptly, contactId: 7, channel: "email",
            dueFrom: Instant(millis: 1_793_611_800_000), dueBy: Instant(millis: 1_793_698_200_500), overdue: true,
            message: "Thank \"Sam\" — today\nplease", sourceEventId: 9),
        AgendaItem(
            applicationId: 12, action: .followUp, rule: .waitBeforeFollowUp, contactId: nil, channel: nil,
            dueFrom: Instant(millis: 0), dueBy: nil, overdue: false, message: "", sourceEventId: nil),
        AgendaItem(
            applicationId: 40, action: .touchBase, rule: .recruiterTouchBase, contactId: 1, channel: "phone",
            dueFrom: Instant(millis: 1_800_000_000_000), dueBy: nil, overdue: false,
            message: "line\u{2028}para\u{2029}bell\u{7}tab\t\\ ellipsis\u{2026}", sourceEventId: 2),
    ]

    @Test("an item's data begins with the bytes GET /v1/agenda writes for it", arguments: items.indices)
    func agendaMembers(_ index: Int) throws {
        let item = Self.items[index]
        let agenda = AgendaWriter.agenda([item], asOf: Self.now, horizonDays: 14)
        let body = try #require(try JSONParser.parse(agenda)["items"]?.arrayValue?.first)
        var written: [UInt8] = []
        body.write(into: &written)
        // The writer's own bytes for the item: the agenda's body between `"items":[` and `]}`.
        let text = String(decoding: agenda, as: UTF8.self)
        let start = try #require(text.range(of: "\"items\":[")).upperBound
        let agendaItem = String(text[start...].dropLast(2))
        #expect(agendaItem == String(decoding: written, as: UTF8.self))
        let data = MessageData(publicURL: nil, linkKey: Self.key).item(Self.reminder(item), now: Self.now)
        #expect(data.hasPrefix(String(agendaItem.dropLast()) + ",\"key\":"))
    }

    @Test("after the agenda's members: the key, the application, the contact (or null), the links")
    func members() throws {
        let item = Self.items[0]
        let data = try JSONParser.parse(
            MessageData(publicURL: nil, linkKey: Self.key).item(Self.reminder(item), now: Self.now))
        let object = try #require(data.objectValue)
        #expect(
            object.keys == [
                "application_id", "action", "rule", "contact_id", "channel", "due_from", "due_by", "overdue", "message",
                "key", "application", "contact", "links",
            ])
        #expect(data["key"]?.stringValue == "3:send_thank_you:7:1793611800000")
        #expect(
            data["application"] == ["id": 3, "employer": "Acme \"Labs\"", "position": "Engineer"] as JSON)
        #expect(data["contact"] == ["id": 7, "name": "Sam", "email": "sam@x.example", "phone": nil] as JSON)
        #expect(data["links"] == .object(JSONObject()))
        let noContact = try JSONParser.parse(
            MessageData(publicURL: nil, linkKey: Self.key).item(Self.reminder(item, contact: nil), now: Self.now))
        #expect(noContact["contact"] == .null)
    }

    struct LinkCase: Sendable, CustomTestStringConvertible {
        let action: AgendaAction
        let links: [String]
        var testDescription: String { action.rawValue }
    }

    @Test(
        "links: done and snooze, and replied for a follow-up only; each a signed token for its action, once",
        arguments: [
            LinkCase(action: .followUp, links: ["done", "snooze", "replied"]),
            LinkCase(action: .sendThankYou, links: ["done", "snooze"]),
            LinkCase(action: .debriefRecruiter, links: ["done", "snooze"]),
            LinkCase(action: .recordDirections, links: ["done", "snooze"]),
            LinkCase(action: .touchBase, links: ["done", "snooze"]),
        ])
    func links(_ row: LinkCase) throws {
        var item = Self.items[0]
        item.action = row.action
        let reminder = Self.reminder(item)
        for base in ["https://notapest.example/base", "https://notapest.example/base/"] {
            let data = try JSONParser.parse(
                MessageData(publicURL: base, linkKey: Self.key).item(reminder, now: Self.now))
            let links = try #require(data["links"]?.objectValue)
            #expect(links.keys == row.links)
            var nonces: Set<String> = []
            for (name, url) in links {
                let text = try #require(url.stringValue)
                let prefix = "https://notapest.example/base/a/"
                #expect(text.hasPrefix(prefix))
                guard
                    case .valid(let token) = LinkToken.verify(
                        String(text.dropFirst(prefix.count)), key: Self.key, now: Self.now)
                else {
                    Issue.record("\(name): not a valid token")
                    continue
                }
                #expect(token.action.rawValue == name)
                #expect(token.itemKey == reminder.key)
                #expect(token.expiresAt == Self.now.secondsSince1970 + LinkToken.lifetimeSeconds)
                nonces.insert(token.nonce)
            }
            #expect(nonces.count == row.links.count)
        }
    }

    @Test("no public URL, or an empty one: no links")
    func noPublicURL() throws {
        for base in [nil, "", "/"] as [String?] {
            let data = try JSONParser.parse(
                MessageData(publicURL: base, linkKey: Self.key).item(Self.reminder(Self.items[1]), now: Self.now))
            #expect(data["links"] == .object(JSONObject()))
        }
    }

    @Test("a digest holds its local date and its items in the order given; a test message names its channel")
    func digestAndTest() throws {
        let data = MessageData(publicURL: nil, linkKey: Self.key)
        let reminders = Self.items.map { Self.reminder($0) }
        let digest = try JSONParser.parse(
            data.digest(date: SchedulingFixture.date(2026, 11, 2), items: reminders, now: Self.now))
        #expect(digest.objectValue?.keys == ["date", "items"])
        #expect(digest["date"]?.stringValue == "2026-11-02")
        #expect(digest["items"]?.arrayValue == reminders.map { data.itemObject($0, now: Self.now) })
        let empty = try JSONParser.parse(
            data.digest(date: SchedulingFixture.date(2026, 11, 2), items: [], now: Self.now))
        #expect(empty["items"] == .array([]))
        #expect(
            MessageData.test(channelId: 4, name: "n8n \"home\"")
                == #"{"channel_id":4,"name":"n8n \"home\"","message":"A test message from NotAPest."}"#)
    }
}
