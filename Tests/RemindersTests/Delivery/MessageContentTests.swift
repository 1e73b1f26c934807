import JSON
import Store
import Testing
import Time

@testable import Reminders

@Suite("Message wording: who, what and by when, dates in the seeker's zone")
struct MessageContentTests {
    typealias F = MessageFixtures

    static func content(
        _ type: DeliveryType, _ data: JSON, zone: String = "Europe/Paris", now: Instant = F.now
    ) throws -> MessageContent {
        try MessageContent(type: type, data: data, dates: MessageDate(timeZone: zone, now: now))
    }

    struct TitleCase: Sendable, CustomTestStringConvertible {
        let action: String
        let contact: Bool
        let dueBy: String?
        let employer: String
        let type: DeliveryType
        let title: String
        var testDescription: String { title }
    }

    @Test(
        "the title says who, what and by when (or from when), and Overdue: in front of an overdue message",
        arguments: [
            TitleCase(
                action: "send_thank_you", contact: true, dueBy: "2026-11-09T08:00:00Z", employer: "Acme",
                type: .itemDue, title: "Thank Ada Lovelace at Acme, by Mon 9 Nov, 09:00"),
            TitleCase(
                action: "send_thank_you", contact: false, dueBy: "2026-11-09T08:00:00Z", employer: "Acme",
                type: .itemDue, title: "Send a thank-you note at Acme, by Mon 9 Nov, 09:00"),
            TitleCase(
                action: "debrief_recruiter", contact: true, dueBy: "2026-11-09T08:00:00Z", employer: "Acme",
                type: .itemOverdue, title: "Overdue: Debrief with Ada Lovelace at Acme, by Mon 9 Nov, 09:00"),
            TitleCase(
                action: "debrief_recruiter", contact: false, dueBy: "2026-11-09T08:00:00Z", employer: "",
                type: .itemDue, title: "Debrief with the recruiter, by Mon 9 Nov, 09:00"),
            TitleCase(
                action: "record_directions", contact: false, dueBy: "2026-11-10T16:59:00Z", employer: "Acme",
                type: .itemDue, title: "Record what comes next at Acme, by Tue 10 Nov, 17:59"),
            TitleCase(
                action: "follow_up", contact: true, dueBy: nil, employer: "Acme", type: .itemDue,
                title: "Follow up with Ada Lovelace at Acme, from Fri 6 Nov, 18:00"),
            TitleCase(
                action: "follow_up", contact: false, dueBy: nil, employer: "Acme", type: .itemDue,
                title: "Follow up at Acme, from Fri 6 Nov, 18:00"),
            TitleCase(
                action: "touch_base", contact: true, dueBy: nil, employer: "Acme", type: .itemDue,
                title: "Check in with Ada Lovelace at Acme, from Fri 6 Nov, 18:00"),
            TitleCase(
                action: "touch_base", contact: false, dueBy: nil, employer: "Acme", type: .itemDue,
                title: "Check in at Acme, from Fri 6 Nov, 18:00"),
        ])
    func titles(_ row: TitleCase) throws {
        let data = F.item(
            action: row.action, dueBy: row.dueBy, employer: row.employer, contact: row.contact ? F.ada : .null)
        let content = try Self.content(row.type, data)
        #expect(content.title == row.title)
        #expect(content.overdue == (row.type == .itemOverdue))
    }

    @Test(
        "dates are local to the seeker's zone, across a clock change, with the year only when it is not this year's",
        arguments: [
            ("Europe/Paris", "2026-11-09T08:00:00Z", F.now, "Mon 9 Nov, 09:00"),
            ("UTC", "2026-11-09T08:00:00Z", F.now, "Mon 9 Nov, 08:00"),
            ("America/New_York", "2026-11-09T04:30:00Z", F.now, "Sun 8 Nov, 23:30"),
            ("Asia/Kolkata", "2026-11-09T08:00:00.250Z", F.now, "Mon 9 Nov, 13:30"),
            // Paris moves to summer time at 01:00 UTC on 29 March 2026.
            ("Europe/Paris", "2026-03-29T00:59:00Z", F.now, "Sun 29 Mar, 01:59"),
            ("Europe/Paris", "2026-03-29T01:00:00Z", F.now, "Sun 29 Mar, 03:00"),
            // The year is the seeker's: 31 December 23:30 UTC is already the next year in Paris.
            ("Europe/Paris", "2027-01-04T08:00:00Z", Instant(millis: 1_798_759_800_000), "Mon 4 Jan, 09:00"),
            ("Europe/Paris", "2027-01-04T08:00:00Z", Instant(millis: 1_798_756_200_000), "Mon 4 Jan 2027, 09:00"),
            // A zone the guidance does not know is read as UTC.
            ("Mars/Olympus", "2026-11-09T08:00:00Z", F.now, "Mon 9 Nov, 08:00"),
        ])
    func dates(_ zone: String, _ dueBy: String, _ now: Instant, _ text: String) throws {
        let content = try Self.content(.itemDue, F.item(dueBy: dueBy), zone: zone, now: now)
        #expect(content.title == "Thank Ada Lovelace at Acme, by \(text)")
    }

    @Test("the message is the agenda's, then how to reach the person, when known")
    func message() throws {
        #expect(
            try Self.content(.itemDue, F.item()).message
                == F.thankYouText + "\nAda Lovelace: ada@acme.example, +44 20 7946 0000")
        let emailOnly: JSON = ["id": 3, "name": "Ada Lovelace", "email": "ada@acme.example", "phone": .null]
        #expect(
            try Self.content(.itemDue, F.item(contact: emailOnly)).message
                == F.thankYouText + "\nAda Lovelace: ada@acme.example")
        let unreachable: JSON = ["id": 3, "name": "Ada Lovelace", "email": .null, "phone": ""]
        #expect(try Self.content(.itemDue, F.item(contact: unreachable)).message == F.thankYouText)
        #expect(try Self.content(.itemDue, F.item(contact: .null)).message == F.thankYouText)
    }

    @Test("a digest: the count and the day in the title, and one line per item")
    func digest() throws {
        let items = [
            F.item(overdue: true),
            F.item(action: "follow_up", dueFrom: "2026-11-09T07:00:00Z", dueBy: nil, contact: .null),
        ]
        let content = try Self.content(.digest, F.digest(items: items))
        #expect(content.title == "2 reminders for Mon 9 Nov (1 overdue)")
        #expect(
            content.message
                == "• Overdue: Thank Ada Lovelace at Acme, by Mon 9 Nov, 09:00\n• Follow up at Acme, from Mon 9 Nov, 08:00"
        )
        #expect(!content.overdue && content.links.isEmpty && content.tags == ["calendar"])
        let one = try Self.content(.digest, F.digest(date: "2027-01-04", items: [F.item()]))
        #expect(one.title == "1 reminder for Mon 4 Jan 2027")
        let none = try Self.content(.digest, F.digest(items: []))
        #expect(none.title == "0 reminders for Mon 9 Nov" && none.message == "Nothing is due.")
    }

    @Test("a test message names the channel")
    func test() throws {
        let content = try Self.content(.channelTest, F.testData)
        #expect(content.title == "NotAPest: test message to n8n")
        #expect(content.message == "A test message from NotAPest.")
        #expect(content.links.isEmpty && !content.overdue)
    }

    @Test("the links become buttons in the order done, snooze, replied, whatever their order in the data")
    func links() throws {
        let links: JSON = ["replied": "https://t.example/r", "done": "https://t.example/d"]
        let content = try Self.content(.itemDue, F.item(links: links))
        #expect(
            content.links == [
                .init(label: "Done", url: "https://t.example/d"), .init(label: "Replied", url: "https://t.example/r"),
            ])
    }

    @Test(
        "data that is not what the scheduler writes makes no message, and says what is wrong",
        arguments: [
            (DeliveryType.itemDue, "[]"),
            (.itemDue, #"{"message":"m","due_from":"2026-11-09T08:00:00Z"}"#),
            (.itemDue, #"{"action":"follow_up","due_from":"2026-11-09T08:00:00Z"}"#),
            (.itemDue, #"{"action":"follow_up","message":"m"}"#),
            (.itemDue, #"{"action":"follow_up","message":"m","due_from":"2026-11-09T08:00:00+01:00"}"#),
            (.itemDue, #"{"action":"follow_up","message":"m","due_from":"2026-02-30T08:00:00Z"}"#),
            (.itemDue, #"{"action":"follow_up","message":"m","due_from":"2026-11-09T08:00:00Z","due_by":7}"#),
            (.digest, #"{"items":[]}"#),
            (.digest, #"{"date":"9 Nov","items":[]}"#),
            (.digest, #"{"date":"2026-11-09"}"#),
            (.digest, #"{"date":"2026-11-09","items":[{}]}"#),
            (.channelTest, "null"),
        ])
    func invalid(_ type: DeliveryType, _ text: String) throws {
        let data = try JSONParser.parse(text)
        #expect(throws: RenderError.self) { try Self.content(type, data) }
    }

    @Test("stored data that is not JSON makes no request")
    func notJSON() {
        let channel = F.channel(.apprise, url: "http://apprise.local/notify/x")
        #expect(throws: RenderError.self) {
            try MessageRenderer().request(
                for: channel, delivery: F.delivery(.itemDue, text: "{not json"), at: F.now, timeZone: "UTC")
        }
    }

    @Test(
        "the service's own timestamps read back, and nothing else does",
        arguments: [
            ("2026-11-09T08:00:00Z", 1_794_211_200_000),
            ("2026-11-09T08:00:00.250Z", 1_794_211_200_250),
            ("1969-12-31T23:59:59.999Z", -1),
            ("2026-11-09T08:00:00", nil),
            ("2026-11-09T08:00:00.25Z", nil),
            ("2026-11-09T24:00:00Z", nil),
            ("2026-13-09T08:00:00Z", nil),
            ("2026-11-09 08:00:00Z", nil),
            ("2026-11-09T08:00:60Z", nil),
        ] as [(String, Int64?)])
    func timestamps(_ text: String, _ millis: Int64?) {
        #expect(MessageItem.serviceInstant(text)?.millis == millis)
    }
}
