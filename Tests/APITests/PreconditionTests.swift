import Foundation
import Testing

/// `If-Match` and `If-None-Match` on PATCH and DELETE (RFC 9110 §13.1.1, §13.1.2, evaluated in the
/// order of §13.2.2), with the tags `GET` gives, on every resource that takes them.
@Suite struct PreconditionTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let testDescription: String
        /// Header fields; `TAG` stands for the tag `GET` gave just before.
        let headers: [(String, String)]
        let refused: Bool
    }

    /// Each change a precondition guards, with the `GET` that gives its tag and its status when done.
    static let changes: [(method: String, target: String, body: String?, read: String, done: Int)] = [
        ("PATCH", "/v1/contacts/1", #"{"title":"Lead"}"#, "/v1/contacts/1", 200),
        ("PATCH", "/v1/applications/1", #"{"notes":"Called"}"#, "/v1/applications/1", 200),
        ("DELETE", "/v1/applications/1/events/1", nil, "/v1/applications/1/events/1", 204),
        ("DELETE", "/v1/applications/1", nil, "/v1/applications/1", 204),
        ("DELETE", "/v1/contacts/1", nil, "/v1/contacts/1", 204),
    ]

    @Test(arguments: [
        Row(testDescription: "no precondition", headers: [], refused: false),
        Row(
            testDescription: "If-None-Match: * on a resource that exists", headers: [("If-None-Match", "*")],
            refused: true),
        Row(testDescription: "If-None-Match: the current tag", headers: [("If-None-Match", "TAG")], refused: true),
        Row(
            testDescription: "If-None-Match: the current tag, weak", headers: [("If-None-Match", "W/TAG")],
            refused: true),
        Row(
            testDescription: "If-None-Match: a list holding the current tag",
            headers: [("If-None-Match", #""other", TAG"#)], refused: true),
        Row(
            testDescription: "If-None-Match: two fields, the second holding *",
            headers: [("If-None-Match", #""other""#), ("If-None-Match", "*")], refused: true),
        Row(testDescription: "If-None-Match: another tag", headers: [("If-None-Match", #""other""#)], refused: false),
        Row(testDescription: "If-Match: the current tag", headers: [("If-Match", "TAG")], refused: false),
        Row(testDescription: "If-Match: *", headers: [("If-Match", "*")], refused: false),
        Row(testDescription: "If-Match: another tag", headers: [("If-Match", #""other""#)], refused: true),
        Row(testDescription: "If-Match: the current tag, weak", headers: [("If-Match", "W/TAG")], refused: true),
        Row(
            testDescription: "If-Match holds, If-None-Match: * does not",
            headers: [("If-Match", "TAG"), ("If-None-Match", "*")], refused: true),
        Row(
            testDescription: "If-Match fails first, If-None-Match would hold",
            headers: [("If-Match", #""other""#), ("If-None-Match", #""other""#)], refused: true),
    ])
    func preconditionsOfEveryChange(_ row: Row) throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/contacts", #"{"name":"Dana Reyes"}"#)
        _ = try api.create("/v1/applications", #"{"employer":"Acme","route":"posted_opening"}"#)
        _ = try api.create("/v1/applications/1/events", #"{"kind":"note","occurred_at":"2026-11-01T09:00:00Z"}"#)
        for change in Self.changes {
            let tag = try #require(try api.call("GET", change.read).header("ETag"))
            let headers = row.headers.map { ($0.0, $0.1.replacingOccurrences(of: "TAG", with: tag)) }
            let response = try api.call(change.method, change.target, change.body, headers: headers)
            let name = "\(change.method) \(change.target)"
            if row.refused {
                #expect(response.status == 412, "\(name): \(response.bodyText)")
                #expect(response.header("Content-Type") == "application/problem+json", "\(name)")
                #expect(try api.call("GET", change.read).header("ETag") == tag, "\(name) changed nothing")
            } else {
                #expect(response.status == change.done, "\(name): \(response.bodyText)")
            }
        }
    }

    @Test func ifNoneMatchStarOnAResourceThatDoesNotExistIsNotFound() throws {
        let api = try InProcessAPI()
        for (method, target) in [("PATCH", "/v1/contacts/9"), ("DELETE", "/v1/applications/9")] {
            let response = try api.call(
                method, target, method == "PATCH" ? "{}" : nil, headers: [("If-None-Match", "*")])
            #expect(response.status == 404, "\(method) \(target)")
        }
    }
}
