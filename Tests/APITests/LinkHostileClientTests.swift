import Crypto
import Foundation
import HTTP
import Reminders
import Testing
import Time

@testable import API

/// What a client without a link made by the service can do with `/a/…`: nothing. Tokens made up, tampered with,
/// signed with another key, or signed over a payload the service never writes are all "not found", by GET and by
/// POST, and change nothing; and what a link's page shows of stored text is escaped.
@Suite struct LinkHostileClientTests {
    /// Tokens of every kind of wrong, given the installation's link key.
    static func tokens(key: [UInt8]) -> [(String, String)] {
        let valid = LinkToken.make(itemKey: LinkAPITests.thankYou, action: .done, now: Instant.now2026)
        let signed = valid.signed(with: key)
        let parts = signed.split(separator: ".").map(String.init)
        func sign(_ payload: String) -> String {
            let bytes = Array(payload.utf8)
            return Base64.encodeURL(bytes) + "." + Base64.encodeURL(HMAC.sha256(key: key, message: bytes))
        }
        return [
            ("nothing like a token", "hello"),
            ("no signature", parts[0]),
            ("an empty signature", parts[0] + "."),
            ("three parts", signed + ".x"),
            ("a signature of another payload", sign("{}").split(separator: ".")[0] + "." + parts[1]),
            ("a flipped bit", parts[0] + "." + String(parts[1].reversed())),
            ("another key", valid.signed(with: Array(repeating: 1, count: 32))),
            ("a padded signature", signed + "="),
            ("a token of 2 KiB", parts[0] + "." + String(repeating: "A", count: 2_048)),
            ("signed, not JSON", sign("not json")),
            ("signed, version 2", sign(#"{"v":2,"k":"\#(LinkAPITests.thankYou)","a":"done","e":9999999999,"n":"x"}"#)),
            (
                "signed, an unknown action",
                sign(#"{"v":1,"k":"\#(LinkAPITests.thankYou)","a":"delete","e":9999999999,"n":"x"}"#)
            ),
            ("signed, a bad item key", sign(#"{"v":1,"k":"1:drop_table:2:0","a":"done","e":9999999999,"n":"x"}"#)),
            ("signed, no nonce", sign(#"{"v":1,"k":"\#(LinkAPITests.thankYou)","a":"done","e":9999999999,"n":""}"#)),
            (
                "signed, an expiry as text",
                sign(#"{"v":1,"k":"\#(LinkAPITests.thankYou)","a":"done","e":"never","n":"x"}"#)
            ),
        ]
    }

    @Test func madeUpTokensFindNothing() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let before = try api.call("GET", "/v1/export").bodyText
        for (name, token) in Self.tokens(key: api.context.linkKey) {
            let escaped = token.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? token
            for method in ["GET", "POST"] {
                let response = try api.call(method, "/a/\(escaped)", headers: [("Accept", "application/json")])
                #expect(response.status == 404, "\(name), \(method): \(response.bodyText)")
            }
        }
        #expect(try api.call("GET", "/v1/export").bodyText == before, "nothing changed")
    }

    /// Names and words the seeker stored are shown as text: markup in them is escaped, never run.
    @Test func storedTextIsEscapedOnThePage() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        _ = try api.create("/v1/contacts", #"{"name":"Dana","role":"recruiter"}"#)
        _ = try api.create("/v1/contacts", #"{"name":"<img src=x onerror=alert(1)>","role":"interviewer"}"#)
        _ = try api.create(
            "/v1/applications",
            #"{"employer":"\"A&B\" <script>","position":"x'y","route":"recruiter_submitted","recruiter_id":1}"#)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"interview","occurred_at":"2026-11-19T15:00:00Z","interviewer_ids":[2]}"#)
        let page = try api.call("GET", LinkAPITests.link(api, LinkAPITests.thankYou, .done)).bodyText
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("&quot;A&amp;B&quot; &lt;script&gt;"))
        #expect(page.contains("x&#39;y"))
        #expect(!page.contains("<img") && !page.contains("<script"))
        let done = try api.call("POST", LinkAPITests.link(api, LinkAPITests.thankYou, .done)).bodyText
        #expect(done.contains("&lt;img src=x onerror=alert(1)&gt;") && !done.contains("<img"))
    }

    /// Whatever a POST to a link carries is not read: a form, JSON asking for more, or a large body.
    @Test func aLinkReadsNoBody() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let response = try api.send(
            "POST", LinkAPITests.link(api, LinkAPITests.thankYou, .done), body: #"{"action":"delete","force":true}"#,
            contentType: "application/json", headers: [])
        #expect(response.status == 200)
        let events = try LinkAPITests.events(api)
        #expect(events.last?.kind == "thank_you" && events.last?.forced == false)
        let form = try api.send(
            "POST", LinkAPITests.link(api, LinkAPITests.debrief, .snooze), body: "a=b",
            contentType: "application/x-www-form-urlencoded", headers: [])
        #expect(form.status == 200)
    }

    /// Which answer a link gives, by `Accept`: JSON only when asked for above a page.
    static let accepts: [(String?, Bool)] = [
        (nil, false),
        ("*/*", false),
        ("text/html", false),
        ("application/json", true),
        ("application/problem+json", true),
        ("APPLICATION/JSON", true),
        ("application/json;q=0", false),
        ("text/html, application/json;q=0.9", false),
        ("application/json, text/html;q=0.5", true),
        ("text/html;q=0.1, application/json;q=0.2", true),
        ("application/json, text/html", false),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false),
        ("application/json;q=bogus", false),
    ]

    @Test(arguments: accepts)
    func theAnswerFollowsAccept(accept: String?, json: Bool) {
        var headers = HTTPHeaders()
        if let accept { headers.add(name: "Accept", value: accept) }
        let head = RequestHead(
            method: "GET", target: "/a/x", path: "/a/x", query: nil, version: .http1_1, headers: headers)
        #expect(LinkPage.prefersJSON(Request(head: head)) == json)
    }
}

extension Instant {
    /// A time the links of these tests are made at.
    static let now2026 = Instant(rfc3339: InterviewScenario.now) ?? Instant(millis: 0)
}
