import Foundation
import Testing

@testable import API

/// Times outside the years 0000 to 9999 once in UTC, which RFC 3339 cannot write with a four-digit
/// year: refused wherever a client sends one, and never written, however a time was derived.
@Suite struct InstantRangeHostileClientTests {
    /// A minute before the first instant the service keeps.
    static let beforeTheFirst = "0000-01-01T00:00:00+00:01"
    /// A day, less a second, after the last, whose time of day was once lost.
    static let afterTheLast = "9999-12-31T23:59:59-23:59"

    struct Refused: CustomTestStringConvertible, Sendable {
        let testDescription: String
        let method: String
        let target: String
        let body: String?
        let field: String
    }

    static let eventBody = #"{"kind":"follow_up","occurred_at":"TIME","channel":"email"}"#

    static func importBody(_ changes: [String: String]) -> String {
        var contact = ["id": "1", "name": #""Dana""#, "created_at": #""2026-10-01T09:00:00Z""#]
        contact["updated_at"] = #""2026-10-02T09:00:00Z""#
        var event = ["id": "1", "application_id": "1", "kind": #""resume_sent""#, "forced": "false"]
        event["occurred_at"] = #""2026-10-03T09:00:00Z""#
        event["created_at"] = #""2026-10-03T09:00:00Z""#
        event["violations"] = "[]"
        var stamp = #""2026-10-09T09:00:00Z""#
        for (key, value) in changes {
            let quoted = "\"" + value + "\""
            if key == "exported_at" {
                stamp = quoted
            } else if key.hasPrefix("event.") {
                event[String(key.dropFirst(6))] = quoted
            } else {
                contact[key] = quoted
            }
        }
        func object(_ members: [String: String]) -> String {
            "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
        }
        return #"{"format":"notapest-export","version":1,"exported_at":"# + stamp + #","settings":{},"#
            + #""contacts":["# + object(contact) + #"],"applications":[{"id":1,"route":"posted_opening","#
            + #""created_at":"2026-10-01T09:00:00Z","updated_at":"2026-10-01T09:00:00Z"}],"#
            + #""events":["# + object(event) + "]}"
    }

    static var refusals: [Refused] {
        var rows: [Refused] = []
        for (end, time) in [("before 0000", beforeTheFirst), ("after 9999", afterTheLast)] {
            let body = eventBody.replacingOccurrences(of: "TIME", with: time)
            let query = "as_of=" + time.replacingOccurrences(of: "+", with: "%2B")
            rows += [
                Refused(
                    testDescription: "an event's occurred_at \(end)", method: "POST",
                    target: "/v1/applications/1/events", body: body, field: "occurred_at"),
                Refused(
                    testDescription: "a checked occurred_at \(end)", method: "POST",
                    target: "/v1/applications/1/check", body: body, field: "occurred_at"),
                Refused(
                    testDescription: "the agenda's as_of \(end)", method: "GET", target: "/v1/agenda?" + query,
                    body: nil, field: "as_of"),
                Refused(
                    testDescription: "the calendar's as_of \(end)", method: "GET", target: "/v1/agenda.ics?" + query,
                    body: nil, field: "as_of"),
                Refused(
                    testDescription: "the list's as_of \(end)", method: "GET", target: "/v1/applications?" + query,
                    body: nil, field: "as_of"),
                Refused(
                    testDescription: "an application's as_of \(end)", method: "GET",
                    target: "/v1/applications/1?" + query, body: nil, field: "as_of"),
                Refused(
                    testDescription: "the CSV's as_of \(end)", method: "GET", target: "/v1/applications.csv?" + query,
                    body: nil, field: "as_of"),
                Refused(
                    testDescription: "an imported created_at \(end)", method: "POST", target: "/v1/import",
                    body: importBody(["created_at": time]), field: "contacts[0].created_at"),
                Refused(
                    testDescription: "an imported occurred_at \(end)", method: "POST", target: "/v1/import",
                    body: importBody(["event.occurred_at": time]), field: "events[0].occurred_at"),
                Refused(
                    testDescription: "an imported exported_at \(end)", method: "POST", target: "/v1/import",
                    body: importBody(["exported_at": time]), field: "exported_at"),
            ]
        }
        return rows
    }

    @Test(arguments: refusals)
    func aTimeOutsideTheYears0000To9999IsRefusedByName(_ row: Refused) throws {
        let api = try APIServer()
        if row.target != "/v1/import" {
            _ = try api.create("/v1/applications", #"{"employer":"Acme","route":"posted_opening"}"#)
        }
        let before = try api.call("GET", "/v1/export").bodyText
        let response = try api.call(row.method, row.target, row.body)
        #expect(response.status == 400, "\(response.bodyText)")
        #expect(response.header("Content-Type") == "application/problem+json")
        let problem = try response.decode(ProblemBody.self)
        #expect(problem.fields == [row.field], "\(response.bodyText)")
        #expect(
            problem.errors?.first?.message == "must be an RFC 3339 date-time from 0000-01-01T00:00:00Z to "
                + "9999-12-31T23:59:59.999Z, such as 2026-11-02T09:30:00Z")
        #expect(try api.call("GET", "/v1/export").bodyText == before, "nothing was written")
    }

    static let written = try? NSRegularExpression(
        pattern: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{3})?Z$"#)

    static func isWritten(_ text: String) -> Bool {
        guard let pattern = written else { return false }
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Events at the very end of 9999, and directions on 0000-01-01 east of UTC: the waits they start
    /// end outside the years, so every derived time is written as the nearer end of them.
    @Test func derivedTimesBeyondTheYearsAreWrittenAsTheirEnds() throws {
        let api = try APIServer()
        #expect(try api.call("PUT", "/v1/settings", #"{"time_zone":"Asia/Tokyo"}"#).status == 200)
        _ = try api.create("/v1/contacts", #"{"name":"Dana Reyes","role":"recruiter"}"#)
        _ = try api.create("/v1/contacts", #"{"name":"Sam Lee","role":"interviewer"}"#)
        _ = try api.create("/v1/applications", #"{"employer":"Acme","route":"posted_opening"}"#)
        _ = try api.create(
            "/v1/applications", #"{"employer":"Globex","route":"recruiter_submitted","recruiter_id":1}"#)
        _ = try api.create("/v1/applications", #"{"employer":"Initech","route":"posted_opening"}"#)
        let events = [
            (1, #"{"kind":"resume_sent","occurred_at":"9999-12-27T12:00:00Z","channel":"email"}"#),
            (2, #"{"kind":"interview","occurred_at":"9999-12-31T23:59:59Z","interviewer_ids":[2]}"#),
            (3, #"{"kind":"directions","occurred_at":"0000-01-01T00:00:00Z","follow_up_after":"0000-01-01"}"#),
        ]
        for (application, body) in events {
            let response = try api.call("POST", "/v1/applications/\(application)/events", body)
            #expect(response.status == 201, "\(body): \(response.bodyText)")
        }
        let last = "9999-12-31T23:59:59.999Z"
        let atTheEnd = "as_of=9999-12-31T23:59:59.999Z"

        // The follow-up waits until 10000-01-03 (Tokyo), after every time a client can send.
        let acme = try api.call("GET", "/v1/applications/1?" + atTheEnd).decode(ApplicationBody.self)
        let next = try #require(acme.nextAction)
        #expect(next.action == "follow_up")
        #expect(next.dueFrom == last)
        let early = #"{"kind":"follow_up","occurred_at":"9999-12-31T23:00:00Z","channel":"email"}"#
        let check = try api.call("POST", "/v1/applications/1/check", early).decode(CheckBody.self)
        #expect(check.allowed == false)
        #expect(check.earliestAllowedAt == last)
        #expect(check.suggestion?.at == last)

        // The thank-you is due at the last second of 9999 and by 24 hours later.
        let globex = try #require(
            try api.call("GET", "/v1/applications/2?" + atTheEnd).decode(ApplicationBody.self).nextAction)
        #expect(globex.dueFrom == "9999-12-31T23:59:59Z")
        #expect(globex.dueBy == last)

        // Directions to follow up from 0000-01-01 in Tokyo: its midnight falls on the day before in UTC.
        let initech = try api.call("GET", "/v1/applications/3?as_of=0000-01-02T00:00:00Z")
        let directed = try #require(try initech.decode(ApplicationBody.self).nextAction)
        #expect(directed.rule == "follow-directions")
        #expect(directed.dueFrom == "0000-01-01T00:00:00Z")

        let items = try api.call("GET", "/v1/agenda?" + atTheEnd + "&horizon_days=14").decode(AgendaBody.self).items
        #expect(items.count >= 4)
        for item in items {
            #expect(Self.isWritten(item.dueFrom), "\(item)")
            #expect(item.dueBy.map(Self.isWritten) ?? true, "\(item)")
        }
        let list = try api.call("GET", "/v1/applications?" + atTheEnd).decode(ListBody<ApplicationBody>.self)
        for application in list.items {
            #expect(application.nextAction.map { Self.isWritten($0.dueFrom) } ?? true, "\(application)")
        }

        // The calendar: every DTSTART and DTEND is YYYYMMDDTHHMMSSZ, and an end that cannot be written
        // after its start is left out (RFC 5545 §3.6.1), never equal to or before it.
        let feed = try api.call("GET", "/v1/agenda.ics?" + atTheEnd)
        #expect(feed.status == 200)
        let lines = ICalendarTests.unfolded(ICalendarTests.lines(feed.body))
        let vevents = ICalendarTests.events(lines)
        #expect(vevents.count == items.count)
        let calendarTime = try NSRegularExpression(pattern: "^[0-9]{8}T[0-9]{6}Z$")
        for event in vevents {
            for name in ["DTSTAMP", "DTSTART", "DTEND"] {
                guard let value = event[name] else { continue }
                let range = NSRange(value.startIndex..., in: value)
                #expect(calendarTime.firstMatch(in: value, range: range) != nil, "\(name):\(value)")
            }
            if let end = event["DTEND"], let start = event["DTSTART"] { #expect(end > start, "\(event)") }
        }
        let thankYou = try #require(vevents.first { $0["UID"]?.hasPrefix("app2-send_thank_you") == true })
        #expect(thankYou["DTSTART"] == "99991231T235959Z")
        #expect(thankYou["DTEND"] == nil)
        let followUp = try #require(vevents.first { $0["UID"]?.hasPrefix("app1-follow_up") == true })
        #expect(followUp["DTSTART"] == "99991231T235959Z")
        #expect(followUp["DTEND"] == nil)

        let csv = try CSVWriterTests.parse(try api.call("GET", "/v1/applications.csv?" + atTheEnd).body)
        let due = try #require(DataRoutes.csvHeader.firstIndex(of: "next_action_due"))
        #expect(csv.count == 4)
        #expect(csv[1][due] == last)
        #expect(csv[2][due] == "9999-12-31T23:59:59Z")
    }

    /// The first and last instants, and dates, the service keeps, including one reached through an
    /// offset, come out of an export and go back in unchanged.
    @Test func theExtremeValidTimesSurviveExportAndImport() throws {
        let source = try APIServer(now: "0000-01-01T00:00:00Z")
        _ = try source.create("/v1/contacts", #"{"name":"Dana Reyes","role":"recruiter"}"#)
        source.clock.set("9999-12-31T23:59:59.999Z")
        _ = try source.create("/v1/applications", #"{"employer":"Acme","route":"posted_opening"}"#)
        let events = [
            #"{"kind":"resume_sent","occurred_at":"0000-01-01T23:59:00+23:59","channel":"email"}"#,
            #"{"kind":"directions","occurred_at":"0000-01-01T00:00:00.001Z","follow_up_after":"0000-01-01","#
                + #""decision_expected_by":"9999-12-31"}"#,
            #"{"kind":"response","occurred_at":"9999-12-31T00:00:59.999-23:59"}"#,
        ]
        for body in events {
            let response = try source.call("POST", "/v1/applications/1/events", body)
            #expect(response.status == 201, "\(body): \(response.bodyText)")
        }
        let stored = try source.call("GET", "/v1/applications/1/events").decode(ListBody<EventBody>.self).items
        #expect(
            stored.map(\.occurredAt) == [
                "0000-01-01T00:00:00Z", "0000-01-01T00:00:00.001Z", "9999-12-31T23:59:59.999Z",
            ])
        let export = try source.call("GET", "/v1/export")
        #expect(export.status == 200)
        let document = try export.decode(ExportBody.self)
        #expect(document.exportedAt == "9999-12-31T23:59:59.999Z")
        #expect(document.contacts.first?.createdAt == "0000-01-01T00:00:00Z")

        let target = try APIServer(now: "9999-12-31T23:59:59.999Z")
        let imported = try target.call("POST", "/v1/import", export.bodyText)
        #expect(imported.status == 201, "\(imported.bodyText)")
        #expect(try target.call("GET", "/v1/export").bodyText == export.bodyText)
    }
}
