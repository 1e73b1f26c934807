import Foundation
import HTTP
import JSON
import Testing

/// `/v1/applications` and their timelines, through the routes in process.
@Suite struct ApplicationAPITests {
    @Test func createWithDefaultsAndNextAction() throws {
        let api = try InProcessAPI()
        let created = try api.call("POST", "/v1/applications", #"{"employer":"Acme","route":"posted_opening"}"#)
        #expect(created.status == 201)
        let application = try created.decode(ApplicationBody.self)
        #expect(application.status == "active")
        #expect(application.directContactPermitted == false)
        #expect(application.nextAction == nil)
        #expect(application.unansweredFollowUps == 0)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"resume_sent","occurred_at":"2026-11-02T09:00:00Z","channel":"email"}"#)
        let fetched = try api.call("GET", "/v1/applications/1?as_of=2026-11-05T00:00:00Z")
        let next = try #require(try fetched.decode(ApplicationBody.self).nextAction)
        #expect(next.action == "follow_up")
        #expect(next.dueFrom == "2026-11-09T00:00:00Z")
        #expect(try api.call("GET", "/v1/applications/1?as_of=yesterday").status == 400)
    }

    @Test func aKeptRepresentationFollowsTheClockTheSettingsAndTheWrites() throws {
        // A GET may answer from what it answered before; each of these must still show through.
        let api = try InProcessAPI(now: "2026-11-20T15:00:00Z")
        let kim = try api.create("/v1/contacts", #"{"name":"Kim Park","role":"interviewer"}"#)
        let id = try api.create("/v1/applications", #"{"employer":"Acme","route":"posted_opening"}"#)
        _ = try api.create(
            "/v1/applications/\(id)/events",
            #"{"kind":"interview","occurred_at":"2026-11-20T14:00:00Z","interviewer_ids":[\#(kim)]}"#)
        func get(_ query: String = "") throws -> Response {
            try api.call("GET", "/v1/applications/\(id)\(query)")
        }
        func next(_ query: String = "") throws -> AgendaItemBody {
            try #require(try get(query).decode(ApplicationBody.self).nextAction)
        }
        // Recording what comes next is due 48 hours after the interview.
        let early = try get()
        #expect(try next().action == "record_directions")
        #expect(try next().overdue == false)
        #expect(try get().header("ETag") == early.header("ETag"))
        // The clock passes the due time.
        api.clock.set("2026-11-23T00:00:00Z")
        let late = try get()
        #expect(try next().overdue == true)
        #expect(try next().message.contains("overdue since"))
        #expect(late.header("ETag") != early.header("ETag"))
        // Asked about earlier moments again: at the due time itself, and before the interview.
        #expect(try next("?as_of=2026-11-22T14:00:00Z").overdue == false)
        #expect(try get("?as_of=2026-11-20T13:00:00Z").decode(ApplicationBody.self).nextAction == nil)
        // The settings move the due time.
        #expect(try api.call("PUT", "/v1/settings", #"{"directions_due_hours":96}"#).status == 200)
        #expect(try next().overdue == false)
        // Recorded directions settle it; the thank-you note, due after 24 hours, is next.
        _ = try api.create(
            "/v1/applications/\(id)/events", #"{"kind":"directions","occurred_at":"2026-11-21T09:00:00Z"}"#)
        #expect(try next().action == "send_thank_you")
        #expect(try next().overdue == true)
    }

    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let body: String
        let status: Int
        let field: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Refusal(name: "route is required", body: #"{"employer":"Acme"}"#, status: 400, field: "route"),
        Refusal(name: "unknown route", body: #"{"route":"cold_call"}"#, status: 400, field: "route"),
        Refusal(
            name: "recruiter routes need a recruiter", body: #"{"route":"recruiter_submitted"}"#, status: 400,
            field: "recruiter_id"),
        Refusal(
            name: "unknown recruiter is 422", body: #"{"route":"recruiter_general","recruiter_id":99}"#,
            status: 422, field: "recruiter_id"),
        Refusal(
            name: "id must be a positive integer", body: #"{"route":"recruiter_general","recruiter_id":0}"#,
            status: 400, field: "recruiter_id"),
        Refusal(
            name: "a boolean is not a number", body: #"{"route":"posted_opening","direct_contact_permitted":1}"#,
            status: 400, field: "direct_contact_permitted"),
        Refusal(
            name: "unknown status", body: #"{"route":"posted_opening","status":"ghosted"}"#, status: 400,
            field: "status"),
        Refusal(
            name: "read-only next_action", body: #"{"route":"posted_opening","next_action":null}"#, status: 400,
            field: "next_action"),
    ])
    func refusals(_ row: Refusal) throws {
        let api = try InProcessAPI()
        let response = try api.call("POST", "/v1/applications", row.body)
        #expect(response.status == row.status, "\(response.bodyText)")
        #expect(try response.decode(ProblemBody.self).fields.contains(row.field), "\(response.bodyText)")
        #expect(try api.call("GET", "/v1/applications").decode(ListBody<ApplicationBody>.self).items.isEmpty)
    }

    @Test func filtersAndSearch() throws {
        let api = try InProcessAPI()
        let recruiter = try api.create("/v1/contacts", #"{"name":"Dana","role":"recruiter"}"#)
        _ = try api.create(
            "/v1/applications", #"{"employer":"Acme 100%","position":"Engineer","route":"posted_opening"}"#)
        _ = try api.create("/v1/applications", #"{"employer":"Globex","route":"unsolicited","status":"on_file"}"#)
        _ = try api.create("/v1/applications", "{\"route\":\"recruiter_general\",\"recruiter_id\":\(recruiter)}")
        func ids(_ query: String) throws -> [Int] {
            try api.call("GET", "/v1/applications?\(query)").decode(ListBody<ApplicationBody>.self).items.map(\.id)
        }
        #expect(try ids("status=on_file") == [2])
        #expect(try ids("route=recruiter_general") == [3])
        #expect(try ids("recruiter_id=\(recruiter)") == [3])
        #expect(try ids("q=engin") == [1])
        #expect(try ids("q=100%25") == [1])
        #expect(try ids("q=_") == [])
        #expect(try api.call("GET", "/v1/applications?status=bogus").status == 400)
        #expect(try api.call("GET", "/v1/applications?recruiter_id=-1").status == 400)
    }

    @Test func patchAndDeleteCascadeToEvents() throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/applications", #"{"employer":"Acme","route":"posted_opening"}"#)
        _ = try api.create("/v1/applications/1/events", #"{"kind":"note","occurred_at":"2026-11-02T09:00:00Z"}"#)
        let patched = try api.call("PATCH", "/v1/applications/1", #"{"status":"withdrawn","notes":"moved on"}"#)
        #expect(patched.status == 200)
        let application = try patched.decode(ApplicationBody.self)
        #expect(application.status == "withdrawn")
        #expect(application.employer == "Acme")
        #expect(try api.call("PATCH", "/v1/applications/1", #"{"route":null}"#).status == 400)
        #expect(try api.call("DELETE", "/v1/applications/1").status == 204)
        #expect(try api.call("GET", "/v1/applications/1/events").status == 404)
        #expect(try api.call("GET", "/v1/applications/1/events/1").status == 404)
    }

    @Test func unknownIdsAndPaths() throws {
        let api = try InProcessAPI()
        #expect(try api.call("GET", "/v1/applications/7").status == 404)
        #expect(try api.call("GET", "/v1/applications/abc").status == 404)
        #expect(try api.call("PATCH", "/v1/applications/7", "{}").status == 404)
        #expect(try api.call("DELETE", "/v1/applications/7").status == 404)
        #expect(
            try api.call("POST", "/v1/applications/7/events", #"{"kind":"note","occurred_at":"2026-11-02T09:00:00Z"}"#)
                .status == 404)
        let wrongMethod = try api.call("PUT", "/v1/applications/7")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "GET, PATCH, DELETE, HEAD, OPTIONS")
    }

    @Test func singleAndListRepresentationsAgree() throws {
        // GET /v1/applications/{id} writes its body straight from the cache; the list builds it as a
        // JSON tree. Both must say the same.
        let api = try InProcessAPI()
        _ = try api.create("/v1/contacts", #"{"name":"Dana","role":"recruiter"}"#)
        _ = try api.create(
            "/v1/applications", #"{"employer":"Acme \"A\"","route":"recruiter_general","recruiter_id":1}"#)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"resume_sent","occurred_at":"2026-10-02T09:00:00Z","contact_id":1,"channel":"email"}"#)
        for asOf in ["2026-10-03T00:00:00Z", "2026-11-20T00:00:00Z"] {
            let single = try api.call("GET", "/v1/applications/1?as_of=\(asOf)").decode(JSONValue.self)
            let list = try api.call("GET", "/v1/applications?as_of=\(asOf)").decode(JSONValue.self)
            let listed = try #require(list["items"]?.array?.first)
            #expect(single == listed, "as of \(asOf)")
            #expect(single["next_action"]?.object != nil)
        }
    }
}
