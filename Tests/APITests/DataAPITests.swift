import Foundation
import JSON
import Testing

/// Data in and out through the routes in process: `/v1/export` and `/v1/import` (openapi.yaml, `exportData` and `importData`),
/// `/v1/applications.csv` (RFC 4180) and `/v1/agenda.ics` (RFC 5545).
@Suite struct DataAPITests {
    /// Settings, contacts (one deleted, one changed), an application of every route, and events with
    /// interviewers, directions, an offer disclosure and a forced follow-up.
    func fill(_ api: some APICalling) throws {
        let settings = #"{"time_zone":"America/Chicago","skip_weekends":false,"wait_days_posted_opening":10}"#
        #expect(try api.call("PUT", "/v1/settings", settings).status == 200)
        api.clock.set("2026-10-01T08:00:00.250Z")
        _ = try api.create(
            "/v1/contacts",
            #"{"name":"Dana Reyes","role":"recruiter","email":"dana@example.com","#
                + #""notes":"Prefers \"email\";\nnot Fridays"}"#)
        _ = try api.create("/v1/contacts", #"{"name":"Sam Lee","role":"interviewer","organization":"Acme, Inc."}"#)
        _ = try api.create("/v1/contacts", #"{"name":"Temp"}"#)
        _ = try api.create("/v1/contacts", #"{"name":"Zoë Ångström","role":"hiring_manager","title":"CTO"}"#)
        #expect(try api.call("DELETE", "/v1/contacts/3").status == 204)
        api.clock.set("2026-10-02T09:00:00Z")
        #expect(try api.call("PATCH", "/v1/contacts/1", #"{"phone":"+1 555 0100"}"#).status == 200)
        let applications = [
            #"{"employer":"Acme","position":"Engineer","route":"posted_opening","notes":"Referred by a friend"}"#,
            #"{"employer":"Initech","route":"unsolicited"}"#,
            #"{"employer":"Globex","route":"recruiter_submitted","recruiter_id":1,"direct_contact_permitted":true}"#,
            #"{"route":"recruiter_general","recruiter_id":1}"#,
            #"{"employer":"Umbrella","route":"posted_opening"}"#,
        ]
        for body in applications { _ = try api.create("/v1/applications", body) }
        let events = [
            (1, #"{"kind":"resume_sent","occurred_at":"2026-10-01T10:00:00Z","channel":"email"}"#),
            (1, #"{"kind":"interview","occurred_at":"2026-10-20T15:00:00Z","interviewer_ids":[2,4]}"#),
            (
                1,
                #"{"kind":"directions","occurred_at":"2026-10-20T16:00:00Z","follow_up_after":"2026-10-27","#
                    + #""follow_up_contact_id":2,"follow_up_channel":"email","decision_expected_by":"2026-11-15"}"#
            ),
            (1, #"{"kind":"follow_up","occurred_at":"2026-10-21T09:00:00Z","contact_id":2,"force":true}"#),
            (5, #"{"kind":"resume_sent","occurred_at":"2026-10-03T10:00:00Z","channel":"letter"}"#),
            (5, #"{"kind":"offer","occurred_at":"2026-10-25T10:00:00Z"}"#),
            (
                1,
                #"{"kind":"offer_disclosure","occurred_at":"2026-10-26T10:00:00Z","other_application_id":5,"#
                    + #""channel":"email","force":true}"#
            ),
            (3, #"{"kind":"resume_sent","occurred_at":"2026-10-05T10:00:00Z","contact_id":1,"channel":"email"}"#),
            (4, #"{"kind":"touch_base","occurred_at":"2026-10-06T10:00:00Z","contact_id":1,"channel":"phone"}"#),
        ]
        for (application, body) in events {
            let response = try api.call("POST", "/v1/applications/\(application)/events", body)
            #expect(response.status == 201, "\(body): \(response.bodyText)")
        }
    }

    /// The export without its time stamp, the one member two exports of the same data may differ in.
    func withoutStamp(_ text: String) -> String {
        text.replacingOccurrences(of: #""exported_at":"[^"]*","#, with: "", options: .regularExpression)
    }

    @Test func exportThenImportIntoAnEmptyDatabaseRestoresEverything() throws {
        let source = try InProcessAPI()
        try fill(source)
        let export = try source.call("GET", "/v1/export")
        #expect(export.status == 200)
        #expect(export.header("Content-Type") == "application/json")
        #expect(export.header("Cache-Control") == "private, no-cache")
        let etag = try #require(export.header("ETag"))
        #expect(try source.call("GET", "/v1/export", headers: [("If-None-Match", etag)]).status == 304)
        let document = try export.decode(ExportBody.self)
        #expect(document.format == "notapest-export")
        #expect(document.version == 1)
        #expect(document.settings["time_zone"] == .string("America/Chicago"))
        #expect(document.settings["feed_token"] == nil)
        #expect(document.contacts.map(\.id) == [1, 2, 4])
        #expect(document.events.map(\.id) == Array(1...9))
        let forced = try #require(document.events.first { $0.forced })
        #expect(!forced.violations.isEmpty)

        let target = try InProcessAPI(now: "2027-01-01T00:00:00Z")
        let imported = try target.call("POST", "/v1/import", export.bodyText)
        #expect(imported.status == 201, "\(imported.bodyText)")
        let counts = try imported.decode(ImportResultBody.self)
        #expect(counts.contacts == 3)
        #expect(counts.applications == 5)
        #expect(counts.events == 9)
        let again = try target.call("GET", "/v1/export")
        #expect(withoutStamp(again.bodyText) == withoutStamp(export.bodyText))

        // What the guidance computes from the restored data agrees too: the settings in memory were replaced
        // and no cached timeline survived the import.
        for path in ["/v1/agenda?as_of=2026-11-03T00:00:00Z", "/v1/applications?as_of=2026-11-03T00:00:00Z"] {
            #expect(try target.call("GET", path).bodyText == source.call("GET", path).bodyText, "\(path)")
        }
        let targetSettings = try target.call("GET", "/v1/settings").decode(SettingsBody.self)
        #expect(targetSettings.waitDaysPostedOpening == 10)
        let sourceToken = try source.call("GET", "/v1/settings").decode(SettingsBody.self).feedToken
        #expect(targetSettings.feedToken != sourceToken)
    }

    @Test func importIntoADatabaseThatHoldsDataIs409AndChangesNothing() throws {
        let source = try InProcessAPI()
        try fill(source)
        let document = try source.call("GET", "/v1/export").bodyText
        let target = try InProcessAPI()
        _ = try target.create("/v1/contacts", #"{"name":"Already here"}"#)
        let before = try target.call("GET", "/v1/export").bodyText
        let refused = try target.call("POST", "/v1/import", document)
        #expect(refused.status == 409)
        #expect(refused.header("Content-Type") == "application/problem+json")
        #expect(try target.call("GET", "/v1/export").bodyText == before)
        #expect(try target.call("GET", "/v1/settings").decode(SettingsBody.self).timeZone == "UTC")
    }

    static func stamp(_ day: Int) -> String { String(format: "2026-10-%02dT09:00:00Z", day) }

    /// A small valid document: two contacts, two applications, two events, non-default settings.
    static func base() -> [String: Any] {
        func record(_ id: Int, _ fields: [String: Any]) -> [String: Any] {
            fields.merging(["id": id, "created_at": stamp(1), "updated_at": stamp(2)]) { a, _ in a }
        }
        func event(_ id: Int, _ fields: [String: Any]) -> [String: Any] {
            fields.merging(["id": id, "created_at": stamp(3), "forced": false, "violations": [Any]()]) { a, _ in a }
        }
        return [
            "format": "notapest-export", "version": 1, "exported_at": stamp(9),
            "settings": ["time_zone": "UTC", "wait_days_posted_opening": 9],
            "contacts": [record(3, ["name": "Dana", "role": "recruiter"]), record(5, ["name": "Sam"])],
            "applications": [
                record(2, ["employer": "Acme", "route": "posted_opening"]),
                record(4, ["employer": "Globex", "route": "recruiter_submitted", "recruiter_id": 3]),
            ],
            "events": [
                event(10, ["application_id": 4, "kind": "resume_sent", "occurred_at": stamp(4), "contact_id": 3]),
                event(11, ["application_id": 4, "kind": "interview", "occurred_at": stamp(5), "interviewer_ids": [5]]),
            ],
        ]
    }

    static func text(_ document: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
    }

    /// Replaces members of the record at `index` of the list `list`; a nil value removes the member.
    static func setting(_ list: String, _ index: Int, _ changes: [String: Any?])
        -> @Sendable ([String: Any])
        -> [String: Any]
    {
        nonisolated(unsafe) let changes = changes
        return { document in
            var document = document
            var items = document[list] as? [[String: Any]] ?? []
            for (key, value) in changes { items[index][key] = value }
            document[list] = items
            return document
        }
    }

    static func replacing(_ key: String, with value: Any) -> @Sendable ([String: Any]) -> [String: Any] {
        nonisolated(unsafe) let value = value
        return { document in document.merging([key: value]) { _, new in new } }
    }

    struct BadImport: CustomTestStringConvertible, Sendable {
        let name: String
        let edit: @Sendable ([String: Any]) -> [String: Any]
        let status: Int
        let field: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadImport(name: "another format", edit: replacing("format", with: "csv"), status: 400, field: "format"),
        BadImport(name: "another version", edit: replacing("version", with: 2), status: 422, field: "version"),
        BadImport(
            name: "contacts missing", edit: { $0.filter { $0.key != "contacts" } }, status: 400, field: "contacts"),
        BadImport(
            name: "name missing", edit: setting("contacts", 1, ["name": nil]), status: 400, field: "contacts[1].name"),
        BadImport(
            name: "time not RFC 3339", edit: setting("contacts", 0, ["created_at": "yesterday"]), status: 400,
            field: "contacts[0].created_at"),
        BadImport(
            name: "id not positive", edit: setting("applications", 0, ["id": 0]), status: 400,
            field: "applications[0].id"),
        BadImport(
            name: "duplicate id", edit: setting("contacts", 1, ["id": 3]), status: 422, field: "contacts[1].id"),
        BadImport(
            name: "contact id past the ceiling", edit: setting("contacts", 0, ["id": 9_007_199_254_740_992]),
            status: 422, field: "contacts[0].id"),
        BadImport(
            name: "application id at 2^63 - 1", edit: setting("applications", 0, ["id": Int64.max]), status: 422,
            field: "applications[0].id"),
        BadImport(
            name: "event id at 2^63 - 1", edit: setting("events", 1, ["id": Int64.max]), status: 422,
            field: "events[1].id"),
        BadImport(
            name: "dangling recruiter_id", edit: setting("applications", 1, ["recruiter_id": 7]), status: 422,
            field: "applications[1].recruiter_id"),
        BadImport(
            name: "recruiter route without recruiter", edit: setting("applications", 1, ["recruiter_id": nil]),
            status: 400, field: "applications[1].recruiter_id"),
        BadImport(
            name: "event of no application", edit: setting("events", 0, ["application_id": 3]), status: 422,
            field: "events[0].application_id"),
        BadImport(
            name: "dangling interviewer", edit: setting("events", 1, ["interviewer_ids": [9]]), status: 422,
            field: "events[1].interviewer_ids[0]"),
        BadImport(
            name: "field of another kind", edit: setting("events", 0, ["other_application_id": 2]), status: 400,
            field: "events[0].other_application_id"),
        BadImport(
            name: "disclosing its own offer",
            edit: setting("events", 0, ["kind": "offer_disclosure", "other_application_id": 4]), status: 422,
            field: "events[0].other_application_id"),
        BadImport(
            name: "unknown rule in a violation",
            edit: setting("events", 0, ["violations": [["rule": "be-nice", "severity": "block", "message": "x"]]]),
            status: 400, field: "events[0].violations[0].rule"),
        BadImport(
            name: "force is not stored", edit: setting("events", 0, ["force": true]), status: 400,
            field: "events[0].force"),
        BadImport(
            name: "forced missing", edit: setting("events", 1, ["forced": nil]), status: 400,
            field: "events[1].forced"),
        BadImport(
            name: "note over its limit", edit: setting("contacts", 0, ["notes": String(repeating: "n", count: 10_001)]),
            status: 400, field: "contacts[0].notes"),
        BadImport(
            name: "setting out of range", edit: replacing("settings", with: ["max_unanswered_follow_ups": 0]),
            status: 422, field: "settings.max_unanswered_follow_ups"),
        BadImport(
            name: "feed token is not imported", edit: replacing("settings", with: ["feed_token": "abc"]), status: 400,
            field: "settings.feed_token"),
    ])
    func malformedImportNamesTheFieldAndWritesNothing(_ row: BadImport) throws {
        let api = try InProcessAPI()
        let response = try api.call("POST", "/v1/import", try Self.text(row.edit(Self.base())))
        #expect(response.status == row.status, "\(response.bodyText)")
        #expect(try response.decode(ProblemBody.self).fields.contains(row.field), "\(response.bodyText)")
        let export = try api.call("GET", "/v1/export").decode(ExportBody.self)
        #expect(export.contacts.isEmpty)
        #expect(export.applications.isEmpty)
        #expect(export.events.isEmpty)
        #expect(try api.call("GET", "/v1/settings").decode(SettingsBody.self).waitDaysPostedOpening == 7)
    }

    @Test func idsCreatedAfterAnImportContinueAboveTheImportedOnes() throws {
        let api = try InProcessAPI()
        let body = try Self.text(Self.base())
        let first = try api.call("POST", "/v1/import", body, headers: [("Idempotency-Key", "restore-1")])
        #expect(first.status == 201, "\(first.bodyText)")
        // A retried import with its key gets the first answer; without one it finds the database full.
        let replay = try api.call("POST", "/v1/import", body, headers: [("Idempotency-Key", "restore-1")])
        #expect(replay.status == 201)
        #expect(replay.header("Idempotent-Replayed") == "true")
        #expect(try api.call("POST", "/v1/import", body).status == 409)
        #expect(try api.create("/v1/contacts", #"{"name":"New"}"#) == 6)
        #expect(try api.create("/v1/applications", #"{"route":"unsolicited"}"#) == 5)
        let event = #"{"kind":"resume_sent","occurred_at":"2026-10-06T09:00:00Z","channel":"email"}"#
        #expect(try api.create("/v1/applications/2/events", event) == 12)
        #expect(try api.call("GET", "/v1/settings").decode(SettingsBody.self).waitDaysPostedOpening == 9)
    }

    @Test func idsUpToTheCeilingAreImported() throws {
        let api = try InProcessAPI()
        let ceiling = 9_007_199_254_740_991
        var document = Self.setting("contacts", 1, ["id": ceiling])(Self.base())
        document = Self.setting("events", 1, ["id": ceiling, "interviewer_ids": [ceiling]])(document)
        document = Self.setting("applications", 0, ["id": ceiling])(document)
        let response = try api.call("POST", "/v1/import", try Self.text(document))
        #expect(response.status == 201, "\(response.bodyText)")
        #expect(try api.call("GET", "/v1/contacts/\(ceiling)").decode(ContactBody.self).id == ceiling)
        #expect(try api.call("GET", "/v1/applications/\(ceiling)").status == 200)
    }
}
