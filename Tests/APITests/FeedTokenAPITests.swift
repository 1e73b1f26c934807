import Foundation
import JSON
import Testing

/// `POST /v1/settings/feed-token`: a request without fields that a cross-site form must not be able to send,
/// and that a client may retry safely.
@Suite struct FeedTokenAPITests {
    static let route = "/v1/settings/feed-token"

    /// What the route accepts: nothing, or JSON holding nothing. A form's media type is refused even with an
    /// empty body, since an empty form is exactly what a cross-site page would send.
    static let bodies: [(name: String, body: String?, contentType: String?, status: Int)] = [
        ("no body", nil, nil, 200),
        ("an empty JSON body", "", "application/json", 200),
        ("an empty object", "{}", "application/json", 200),
        ("an object with members", #"{"feed_token":"mine"}"#, "application/json", 400),
        ("not JSON", "[", "application/json", 400),
        ("an empty form", "", "application/x-www-form-urlencoded", 415),
        ("a form", "a=b", "application/x-www-form-urlencoded", 415),
        ("plain text", "x", "text/plain", 415),
        ("a body without a type", "x", nil, 415),
    ]

    @Test(arguments: bodies)
    func takesNothingButJSON(row: (name: String, body: String?, contentType: String?, status: Int)) throws {
        let api = try InProcessAPI()
        let before = try api.call("GET", "/v1/settings").decode(SettingsBody.self).feedToken
        let response = try api.send("POST", Self.route, body: row.body, contentType: row.contentType, headers: [])
        #expect(response.status == row.status, "\(row.name)")
        let after = try api.call("GET", "/v1/settings").decode(SettingsBody.self).feedToken
        #expect((before != after) == (row.status == 200), "\(row.name): the token changed only when accepted")
    }

    @Test func aRetryWithTheSameKeyGetsTheSameToken() throws {
        let api = try InProcessAPI()
        let key = [("Idempotency-Key", "rotate-1")]
        let first = try api.call("POST", Self.route, headers: key)
        let again = try api.call("POST", Self.route, headers: key)
        #expect(first.status == 200 && again.status == 200)
        let token = try first.decode(FeedTokenBody.self).feedToken
        #expect(try again.decode(FeedTokenBody.self).feedToken == token)
        #expect(again.header("Idempotent-Replayed") == "true")
        #expect(try api.call("GET", "/v1/settings").decode(SettingsBody.self).feedToken == token)
        let other = try api.call("POST", Self.route, headers: [("Idempotency-Key", "rotate-2")])
        #expect(try other.decode(FeedTokenBody.self).feedToken != token)
    }
}
