import Foundation
import Guidance
import Testing
import Time

@testable import API

/// iCalendar as RFC 5545 writes it: TEXT escaping, line folding, UTC date-times, stable UIDs, and the agenda
/// feed as `GET /v1/agenda.ics` serves it.
@Suite struct ICalendarTests {
    @Test(arguments: [
        ("a backslash is doubled (§3.3.11)", "a\\b", "a\\\\b"),
        ("a semicolon is escaped", "a;b", "a\\;b"),
        ("a comma is escaped", "a,b", "a\\,b"),
        ("LF becomes \\n", "a\nb", "a\\nb"),
        ("CRLF is one line break", "a\r\nb", "a\\nb"),
        ("a bare CR is a line break", "a\rb", "a\\nb"),
        ("two breaks stay two", "a\n\r\nb", "a\\n\\nb"),
        ("a colon needs no escape", "a:b", "a:b"),
        ("a tab is kept", "a\tb", "a\tb"),
        ("other control characters are dropped", "a\u{1}b\u{7F}c", "abc"),
        ("UTF-8 passes through", "Zoë, Ångström", "Zoë\\, Ångström"),
    ])
    func escaping(_ name: String, _ text: String, _ escaped: String) {
        #expect(ICalendar.escaped(text) == escaped, "\(name)")
    }

    static func folded(_ line: String) -> [[UInt8]] {
        var out: [UInt8] = []
        ICalendar.appendFolded(Array(line.utf8), into: &out)
        return lines(out)
    }

    /// The physical lines of a body, split at CRLF; a body that does not end in CRLF gives an empty last line.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                lines.append(current)
                current = []
                index += 2
            } else {
                current.append(bytes[index])
                index += 1
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Content lines, unfolded (§3.1): a physical line starting with a space continues the one before.
    static func unfolded(_ lines: [[UInt8]]) -> [String] {
        var logical: [[UInt8]] = []
        for line in lines {
            if line.first == 0x20, !logical.isEmpty {
                logical[logical.count - 1] += line.dropFirst()
            } else {
                logical.append(line)
            }
        }
        return logical.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(arguments: [
        ("75 octets fit on one line", String(repeating: "a", count: 75), [75]),
        ("76 octets fold once", String(repeating: "a", count: 76), [75, 2]),
        ("continuations hold 74 octets after the space", String(repeating: "a", count: 150), [75, 75, 2]),
        ("a 2-octet character is not split", String(repeating: "a", count: 74) + "é", [74, 3]),
        ("a 3-octet character is not split", String(repeating: "a", count: 73) + "€€", [73, 7]),
        ("a 4-octet character is not split", String(repeating: "a", count: 72) + "😀", [72, 5]),
    ])
    func folding(_ name: String, _ line: String, _ lengths: [Int]) {
        let physical = Self.folded(line)
        #expect(physical.map(\.count) == lengths, "\(name)")
        #expect(physical.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "\(name)")
        #expect(Self.unfolded(physical) == [line], "\(name)")
    }

    @Test(arguments: [
        ("the epoch", "1970-01-01T00:00:00Z", "19700101T000000Z"),
        ("milliseconds are dropped", "2026-11-02T09:30:15.250Z", "20261102T093015Z"),
        ("an offset is turned into UTC", "2026-11-02T09:30:00-05:00", "20261102T143000Z"),
        ("a leap day", "2024-02-29T23:59:59Z", "20240229T235959Z"),
    ])
    func utcDateTime(_ name: String, _ rfc3339: String, _ written: String) throws {
        let instant = try #require(Instant(rfc3339: rfc3339))
        #expect(ICalendar.dateTime(instant) == written, "\(name)")
    }

    @Test func uidNamesApplicationActionRuleContactAndSourceEvent() {
        func item(contact: Int?, source: Int?) -> AgendaItem {
            AgendaItem(
                applicationId: 3, action: .sendThankYou, rule: .thankYouPromptly, contactId: contact, channel: "email",
                dueFrom: Instant(millis: 0), dueBy: nil, overdue: false, message: "m",
                sourceEventId: source)
        }
        #expect(ICalendar.uid(item(contact: 7, source: 12)) == "app3-send_thank_you-thank-you-promptly-c7-e12@notapest")
        #expect(
            ICalendar.uid(item(contact: nil, source: nil)) == "app3-send_thank_you-thank-you-promptly-c0-e0@notapest")
        #expect(ICalendar.summary(item(contact: 7, source: 12), employer: " ") == "Send a thank-you note")
        #expect(ICalendar.summary(item(contact: 7, source: 12), employer: "Acme") == "Send a thank-you note: Acme")
    }

    /// The VEVENTs of a feed, each as its properties by name (values still escaped).
    static func events(_ lines: [String]) -> [[String: String]] {
        var events: [[String: String]] = []
        var current: [String: String]?
        for line in lines {
            if line == "BEGIN:VEVENT" {
                current = [:]
            } else if line == "END:VEVENT", let event = current {
                events.append(event)
                current = nil
            } else if current != nil, let colon = line.firstIndex(of: ":") {
                current?[String(line[..<colon])] = String(line[line.index(after: colon)...])
            }
        }
        return events
    }

    static func unescaped(_ text: String) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }

    @Test func agendaFeedHasOneEventPerAgendaItem() throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/contacts", #"{"name":"Dana Reyes","role":"recruiter"}"#)
        _ = try api.create("/v1/contacts", #"{"name":"Sam Lee","role":"interviewer"}"#)
        _ = try api.create("/v1/contacts", #"{"name":"Zoë Ångström","role":"interviewer"}"#)
        let employer = "Globex; Research, Ltd. \\ Zürich – the division with a rather long name indeed"
        _ = try api.create(
            "/v1/applications",
            #"{"employer":"Globex; Research, Ltd. \\ Zürich – the division with a rather long name indeed","#
                + #""route":"recruiter_submitted","recruiter_id":1}"#)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"resume_sent","occurred_at":"2026-10-20T09:00:00Z","contact_id":1,"channel":"email"}"#)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"interview","occurred_at":"2026-11-01T15:00:00Z","interviewer_ids":[2,3]}"#)
        let query = "?as_of=2026-11-02T09:00:00Z&horizon_days=30"
        let agenda = try api.call("GET", "/v1/agenda" + query).decode(AgendaBody.self).items
        #expect(agenda.count >= 4)

        let feed = try api.call("GET", "/v1/agenda.ics" + query)
        #expect(feed.status == 200)
        #expect(feed.header("Content-Type") == "text/calendar; charset=utf-8")
        #expect(feed.header("Cache-Control") == "private, no-cache")
        // CRLF everywhere (§3.1): no LF without its CR, and the body ends with one.
        let body = feed.body
        #expect(body.indices.allSatisfy { body[$0] != 0x0A || ($0 > 0 && body[$0 - 1] == 0x0D) })
        #expect(body.suffix(2) == [0x0D, 0x0A])
        let physical = Self.lines(body)
        #expect(physical.allSatisfy { $0.count <= 75 })
        #expect(physical.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
        #expect(physical.contains { $0.first == 0x20 }, "the long summary was folded")
        let lines = Self.unfolded(physical)
        #expect(
            Array(lines.prefix(5)) == [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//NotAPest//Agenda//EN", "CALSCALE:GREGORIAN",
                "X-WR-CALNAME:NotAPest",
            ])
        #expect(lines.last == "END:VCALENDAR")

        let events = Self.events(lines)
        #expect(events.count == agenda.count)
        for (event, item) in zip(events, agenda) {
            #expect(event["DTSTAMP"] == "20261102T090000Z")
            #expect(event["DTSTART"] == item.dueFrom.filter { $0 != "-" && $0 != ":" })
            if let dueBy = item.dueBy {
                #expect(event["DTEND"] == dueBy.filter { $0 != "-" && $0 != ":" })
            }
            #expect(event["DESCRIPTION"].map(Self.unescaped) == item.message)
            #expect(event["SUMMARY"].map(Self.unescaped)?.hasSuffix(": " + employer) == true)
            let uid = try #require(event["UID"])
            #expect(uid.hasPrefix("app1-\(item.action)-\(item.rule)-"))
        }
        let uids = events.compactMap { $0["UID"] }
        #expect(Set(uids).count == uids.count, "UIDs are unique")
        let second = Self.events(Self.unfolded(Self.lines(try api.call("GET", "/v1/agenda.ics" + query).body)))
        #expect(second.compactMap { $0["UID"] } == uids, "UIDs are stable across calls")
        let etag = try #require(feed.header("ETag"))
        #expect(try api.call("GET", "/v1/agenda.ics" + query, headers: [("If-None-Match", etag)]).status == 304)
        #expect(try api.call("GET", "/v1/agenda.ics?horizon_days=366").status == 400)
    }
}
