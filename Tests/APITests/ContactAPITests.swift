import Foundation
import JSON
import Testing

/// `/v1/contacts` through the routes in process, over a temporary database.
@Suite struct ContactAPITests {
    @Test func createReadUpdateDelete() throws {
        let api = try InProcessAPI()
        let created = try api.call("POST", "/v1/contacts", #"{"name":"Dana Reyes","role":"recruiter"}"#)
        #expect(created.status == 201)
        #expect(created.header("Location") == "/v1/contacts/1")
        let etag = try #require(created.header("ETag"))
        let contact = try created.decode(ContactBody.self)
        #expect(contact.name == "Dana Reyes")
        #expect(contact.createdAt == "2026-11-02T12:00:00Z")
        #expect(contact.title == nil)

        let fetched = try api.call("GET", "/v1/contacts/1")
        #expect(fetched.status == 200)
        #expect(fetched.header("ETag") == etag)
        #expect(fetched.header("Cache-Control") == "private, no-cache")

        // RFC 7396: members replace, null removes, others stay.
        api.clock.set("2026-11-03T08:00:00Z")
        let patched = try api.call(
            "PATCH", "/v1/contacts/1", #"{"title":"Senior Recruiter","role":null}"#, headers: [("If-Match", etag)])
        #expect(patched.status == 200)
        let changed = try patched.decode(ContactBody.self)
        #expect(changed.title == "Senior Recruiter")
        #expect(changed.role == nil)
        #expect(changed.name == "Dana Reyes")
        #expect(changed.updatedAt == "2026-11-03T08:00:00Z")
        #expect(patched.header("ETag") != etag)

        let deleted = try api.call("DELETE", "/v1/contacts/1")
        #expect(deleted.status == 204)
        #expect(try api.call("GET", "/v1/contacts/1").status == 404)
    }

    @Test func conditionalRequests() throws {
        // RFC 9110 §13.1.1 and §13.1.2.
        let api = try InProcessAPI()
        let id = try api.create("/v1/contacts", #"{"name":"Sam"}"#)
        let etag = try #require(try api.call("GET", "/v1/contacts/\(id)").header("ETag"))
        let unchanged = try api.call("GET", "/v1/contacts/\(id)", headers: [("If-None-Match", etag)])
        #expect(unchanged.status == 304)
        #expect(unchanged.body.isEmpty)
        #expect(unchanged.header("ETag") == etag)
        let stale = try api.call("PATCH", "/v1/contacts/\(id)", #"{"name":"S"}"#, headers: [("If-Match", "\"old\"")])
        #expect(stale.status == 412)
        #expect(try api.call("DELETE", "/v1/contacts/\(id)", headers: [("If-Match", "\"old\"")]).status == 412)
        #expect(try api.call("GET", "/v1/contacts/\(id)").decode(ContactBody.self).name == "Sam")
        let list = try api.call("GET", "/v1/contacts")
        let listTag = try #require(list.header("ETag"))
        #expect(try api.call("GET", "/v1/contacts", headers: [("If-None-Match", listTag)]).status == 304)
    }

    struct BadInput: CustomTestStringConvertible, Sendable {
        let name: String
        let body: String
        let contentType: String?
        let status: Int
        let field: String?
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadInput(
            name: "not JSON content type is 415", body: #"{"name":"x"}"#, contentType: "text/plain", status: 415,
            field: nil),
        BadInput(
            name: "missing content type is 415", body: #"{"name":"x"}"#, contentType: nil, status: 415, field: nil),
        BadInput(
            name: "malformed JSON is 400", body: #"{"name":"x""#, contentType: "application/json", status: 400,
            field: "body"),
        BadInput(
            name: "not an object is 400", body: "[1]", contentType: "application/json", status: 400, field: "body"),
        BadInput(
            name: "missing name", body: #"{"title":"x"}"#, contentType: "application/json", status: 400,
            field: "name"),
        BadInput(
            name: "name of wrong type", body: #"{"name":5}"#, contentType: "application/json", status: 400,
            field: "name"),
        BadInput(
            name: "name over 200 characters", body: "{\"name\":\"\(String(repeating: "é", count: 201))\"}",
            contentType: "application/json", status: 400, field: "name"),
        BadInput(
            name: "unknown role", body: #"{"name":"x","role":"boss"}"#, contentType: "application/json",
            status: 400, field: "role"),
        BadInput(
            name: "unknown field", body: #"{"name":"x","nmae":"y"}"#, contentType: "application/json",
            status: 400, field: "nmae"),
        BadInput(
            name: "read-only field", body: #"{"name":"x","id":4}"#, contentType: "application/json",
            status: 400, field: "id"),
        BadInput(
            name: "notes over 10,000 characters",
            body: "{\"name\":\"x\",\"notes\":\"\(String(repeating: "n", count: 10_001))\"}",
            contentType: "application/json", status: 400, field: "notes"),
        BadInput(
            name: "a +json media type is JSON", body: #"{"name":"ok"}"#, contentType: "application/merge-patch+json",
            status: 201, field: nil),
    ])
    func validation(_ row: BadInput) throws {
        let api = try InProcessAPI()
        let response = try api.send("POST", "/v1/contacts", body: row.body, contentType: row.contentType, headers: [])
        #expect(response.status == row.status, "\(response.bodyText)")
        if row.status >= 400 {
            #expect(response.header("Content-Type") == "application/problem+json")
            if let field = row.field {
                #expect(try response.decode(ProblemBody.self).fields.contains(field), "\(response.bodyText)")
            }
            // Nothing was written.
            let list = try api.call("GET", "/v1/contacts").decode(ListBody<ContactBody>.self)
            #expect(list.items.isEmpty)
        }
    }

    @Test func idempotencyKeyReplaysTheFirstResponse() throws {
        let api = try InProcessAPI()
        let first = try api.call("POST", "/v1/contacts", #"{"name":"Ann"}"#, headers: [("Idempotency-Key", "k-1")])
        let again = try api.call("POST", "/v1/contacts", #"{"name":"Ann"}"#, headers: [("Idempotency-Key", "k-1")])
        #expect(first.status == 201 && again.status == 201)
        #expect(first.bodyText == again.bodyText)
        #expect(again.header("Idempotent-Replayed") == "true")
        let other = try api.call("POST", "/v1/contacts", #"{"name":"Bob"}"#, headers: [("Idempotency-Key", "k-1")])
        #expect(other.status == 422)
        #expect(try api.call("GET", "/v1/contacts").decode(ListBody<ContactBody>.self).items.count == 1)
    }

    @Test func paginationIsStableUnderInserts() throws {
        let api = try InProcessAPI()
        for i in 1...5 { _ = try api.create("/v1/contacts", "{\"name\":\"c\(i)\"}") }
        let first = try api.call("GET", "/v1/contacts?limit=2").decode(ListBody<ContactBody>.self)
        let cursor = try #require(first.nextCursor)
        #expect(first.items.map(\.id) == [1, 2])
        _ = try api.create("/v1/contacts", #"{"name":"late"}"#)
        let second = try api.call("GET", "/v1/contacts?limit=2&cursor=\(cursor)").decode(ListBody<ContactBody>.self)
        #expect(second.items.map(\.id) == [3, 4])
        let rest = try api.call("GET", "/v1/contacts?limit=200&cursor=\(second.nextCursor ?? "")")
            .decode(ListBody<ContactBody>.self)
        #expect(rest.items.map(\.id) == [5, 6])
        #expect(rest.nextCursor == nil)
        for bad in ["limit=0", "limit=201", "limit=x", "cursor=nope"] {
            #expect(try api.call("GET", "/v1/contacts?\(bad)").status == 400, "\(bad)")
        }
    }

    @Test func deletingAReferencedContactIs409NamingTheReferrers() throws {
        let api = try InProcessAPI()
        let recruiter = try api.create("/v1/contacts", #"{"name":"Dana","role":"recruiter"}"#)
        let application = try api.create(
            "/v1/applications", "{\"route\":\"recruiter_general\",\"recruiter_id\":\(recruiter)}")
        let refused = try api.call("DELETE", "/v1/contacts/\(recruiter)")
        #expect(refused.status == 409)
        #expect(try refused.decode(ProblemBody.self).fields.contains("applications[\(application)].recruiter_id"))
        #expect(try api.call("GET", "/v1/contacts/\(recruiter)").status == 200)
    }
}
