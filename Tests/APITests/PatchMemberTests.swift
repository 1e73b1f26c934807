import Foundation
import Testing

/// RFC 7396 §2: a member patched to `null` is removed from the target. A name the resource does not have, or one
/// it keeps read-only, must not slip through that way: the patch's own member names are checked before merging.
struct PatchMemberTests {
    @Test(
        arguments: [
            ("an unknown member set to null", #"{"nickname":null}"#, 400, "nickname"),
            ("an unknown member with a value", #"{"nickname":"D"}"#, 400, "nickname"),
            ("a read-only member set to null", #"{"id":null}"#, 400, "id"),
            ("a read-only member with a value", #"{"created_at":"2026-01-01T00:00:00Z"}"#, 400, "created_at"),
            ("name cannot be cleared", #"{"name":null}"#, 400, "name"),
            ("an optional member is cleared", #"{"title":null}"#, 200, nil),
        ] as [(String, String, Int, String?)])
    func contactPatch(_ name: String, body: String, status: Int, field: String?) throws {
        let api = try InProcessAPI()
        let id = try api.create("/v1/contacts", #"{"name":"Dana","title":"Recruiter"}"#)
        let response = try api.call("PATCH", "/v1/contacts/\(id)", body)
        #expect(response.status == status, "\(name): \(response.bodyText)")
        let stored = try api.call("GET", "/v1/contacts/\(id)").decode(ContactBody.self)
        if let field {
            #expect(try response.decode(ProblemBody.self).fields.contains(field), "\(name): \(response.bodyText)")
            #expect(stored.title == "Recruiter", "\(name): nothing was written")
        } else {
            #expect(stored.title == nil, "\(name)")
        }
    }

    @Test(
        arguments: [
            ("an unknown member set to null", 1, #"{"nickname":null}"#, 400, "nickname"),
            ("a read-only member set to null", 1, #"{"next_action":null}"#, 400, "next_action"),
            ("route cannot be cleared", 1, #"{"route":null}"#, 400, "route"),
            ("status cannot be cleared", 1, #"{"status":null}"#, 400, "status"),
            (
                "direct contact cannot be cleared", 1, #"{"direct_contact_permitted":null}"#, 400,
                "direct_contact_permitted"
            ),
            ("a recruiter route left without its recruiter is 422", 1, #"{"recruiter_id":null}"#, 422, "recruiter_id"),
            (
                "a recruiter route taken without a recruiter is 422", 2, #"{"route":"recruiter_general"}"#, 422,
                "recruiter_id"
            ),
            (
                "leaving the recruiter route with the recruiter", 1, #"{"route":"posted_opening","recruiter_id":null}"#,
                200, nil
            ),
        ] as [(String, Int, String, Int, String?)])
    func applicationPatch(_ name: String, id: Int, body: String, status: Int, field: String?) throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/contacts", #"{"name":"Dana","role":"recruiter"}"#)
        _ = try api.create(
            "/v1/applications",
            #"{"route":"recruiter_submitted","recruiter_id":1,"status":"offer","direct_contact_permitted":true}"#)
        _ = try api.create("/v1/applications", #"{"route":"posted_opening"}"#)
        let before = try api.call("GET", "/v1/applications/\(id)").decode(ApplicationBody.self)
        let response = try api.call("PATCH", "/v1/applications/\(id)", body)
        #expect(response.status == status, "\(name): \(response.bodyText)")
        let after = try api.call("GET", "/v1/applications/\(id)").decode(ApplicationBody.self)
        if let field {
            #expect(try response.decode(ProblemBody.self).fields.contains(field), "\(name): \(response.bodyText)")
            #expect(after.updatedAt == before.updatedAt, "\(name): nothing was written")
        } else {
            #expect(after.route == "posted_opening", "\(name)")
            #expect(after.status == "offer", "\(name): status kept")
        }
    }
}
