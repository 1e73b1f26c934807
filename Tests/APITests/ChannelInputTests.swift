import Foundation
import Testing

@testable import API

/// What a new channel may be: one row per member and case, both sides of every bound, each answered 201 or with
/// its status and the field named, and nothing stored when refused.
@Suite struct ChannelInputTests {
    struct Row: Sendable, CustomStringConvertible {
        let description: String
        /// The members besides the defaults (a webhook named `h` sending to `https://h.example/in`), as JSON text.
        let members: String
        let status: Int
        let field: String?

        init(_ description: String, _ members: String, _ status: Int, _ field: String? = nil) {
            self.description = description
            self.members = members
            self.status = status
            self.field = field
        }
    }

    static func secret(bytes: Int) -> String { "whsec_" + Base64Text.of(bytes: bytes) }
    static let longURL = "https://h.example/" + String(repeating: "a", count: ChannelURL.maxLength - 18)

    static let rows: [Row] = [
        Row("the defaults", "", 201),
        Row("no name", #""name":null"#, 400, "name"),
        Row("a blank name", #""name":"  ""#, 400, "name"),
        Row("a name of 200 characters", #""name":"\#(String(repeating: "é", count: 200))""#, 201),
        Row("a name of 201 characters", #""name":"\#(String(repeating: "é", count: 201))""#, 400, "name"),
        Row("an unknown kind", #""kind":"sms""#, 400, "kind"),
        Row("no kind", #""kind":null"#, 400, "kind"),
        Row("no url", #""url":null"#, 400, "url"),
        Row("an ftp url", #""url":"ftp://h.example/in""#, 400, "url"),
        Row("a url without a host", #""url":"https:///in""#, 400, "url"),
        Row("a relative url", #""url":"/in""#, 400, "url"),
        Row("a url with a space", #""url":"https://h.example/a b""#, 400, "url"),
        Row("a url with a fragment", #""url":"https://h.example/in#x""#, 400, "url"),
        Row("a url with port 0", #""url":"https://h.example:0/in""#, 400, "url"),
        Row("a url with port 65536", #""url":"https://h.example:65536/in""#, 400, "url"),
        Row("a url with port 65535", #""url":"https://h.example:65535/in""#, 201),
        Row("a url with port 1", #""url":"https://h.example:1/in""#, 201),
        Row("a url with a port of a leading zero", #""url":"https://h.example:080/in""#, 400, "url"),
        Row("a url with an empty port", #""url":"https://h.example:/in""#, 400, "url"),
        Row("a url with credentials", #""url":"https://user:pass@h.example/in""#, 400, "url"),
        Row("a url with a query", #""url":"https://h.example/in?key=1""#, 201),
        Row("a url with a host of two colons", #""url":"https://a:b:1/in""#, 400, "url"),
        Row("a url that is not ASCII", #""url":"https://h.example/é""#, 400, "url"),
        Row("an IPv6 url", #""url":"http://[::1]:8123/api/webhook/x""#, 201),
        Row("an upper-case scheme", #""url":"HTTPS://h.example/in""#, 201),
        Row("a url of the longest length", #""url":"\#(longURL)""#, 201),
        Row("a url one longer", #""url":"\#(longURL)a""#, 400, "url"),
        Row("a token on a webhook", #""token":"t""#, 422, "token"),
        Row("a token on apprise", #""kind":"apprise","token":"t""#, 422, "token"),
        Row("gotify without a token", #""kind":"gotify""#, 422, "token"),
        Row("gotify with a token", #""kind":"gotify","token":"A1b2""#, 201),
        Row("an empty token", #""kind":"gotify","token":"""#, 400, "token"),
        Row("a token with a space", #""kind":"gotify","token":"a b""#, 400, "token"),
        Row("a token not in ASCII", #""kind":"gotify","token":"tökén""#, 400, "token"),
        Row("a token of 1024 characters", #""kind":"gotify","token":"\#(String(repeating: "t", count: 1024))""#, 201),
        Row(
            "a token of 1025 characters", #""kind":"gotify","token":"\#(String(repeating: "t", count: 1025))""#, 400,
            "token"),
        Row("no token on ntfy", #""kind":"ntfy","url":"https://ntfy.example/jobs","token":null"#, 201),
        Row("ntfy without a topic", #""kind":"ntfy","url":"https://ntfy.example""#, 422, "url"),
        Row("ntfy with an empty topic", #""kind":"ntfy","url":"https://ntfy.example/""#, 422, "url"),
        Row("ntfy with a query", #""kind":"ntfy","url":"https://ntfy.example/jobs?x=1""#, 422, "url"),
        Row("ntfy with a topic", #""kind":"ntfy","url":"https://ntfy.example/jobs""#, 201),
        Row("ntfy under a prefix", #""kind":"ntfy","url":"https://example.net/ntfy/jobs""#, 201),
        Row(
            "a secret on ntfy", #""kind":"ntfy","url":"https://n.example/t","secret":"\#(secret(bytes: 32))""#, 422,
            "secret"),
        Row("a secret without its prefix", #""secret":"\#(Base64Text.of(bytes: 32))""#, 400, "secret"),
        Row("a secret of 23 bytes", #""secret":"\#(secret(bytes: 23))""#, 400, "secret"),
        Row("a secret of 24 bytes", #""secret":"\#(secret(bytes: 24))""#, 201),
        Row("a secret of 64 bytes", #""secret":"\#(secret(bytes: 64))""#, 201),
        Row("a secret of 65 bytes", #""secret":"\#(secret(bytes: 65))""#, 400, "secret"),
        Row("a secret that is not base64", #""secret":"whsec_!!!!""#, 400, "secret"),
        Row("enabled false", #""enabled":false"#, 201),
        Row("enabled as text", #""enabled":"yes""#, 400, "enabled"),
        Row("an unknown mode", #""mode":"hourly""#, 400, "mode"),
        Row("digest mode", #""mode":"digest""#, 201),
        Row("digest at 00:00", #""digest_at":"00:00""#, 201),
        Row("digest at 23:59", #""digest_at":"23:59""#, 201),
        Row("digest at 24:00", #""digest_at":"24:00""#, 400, "digest_at"),
        Row("digest at 23:60", #""digest_at":"23:60""#, 400, "digest_at"),
        Row("digest at 7:30", #""digest_at":"7:30""#, 400, "digest_at"),
        Row("digest at 07:30:00", #""digest_at":"07:30:00""#, 400, "digest_at"),
        Row("digest at a number", #""digest_at":730"#, 400, "digest_at"),
        Row("one action", #""actions":["follow_up"]"#, 201),
        Row(
            "every action",
            #""actions":["touch_base","follow_up","record_directions","debrief_recruiter","send_thank_you"]"#, 201),
        Row("no action", #""actions":[]"#, 400, "actions"),
        Row("an unknown action", #""actions":["follow_up","call_mom"]"#, 400, "actions[1]"),
        Row("an action twice", #""actions":["follow_up","follow_up"]"#, 400, "actions[1]"),
        Row("actions as text", #""actions":"follow_up""#, 400, "actions"),
        Row("a read-only id", #""id":7"#, 400, "id"),
        Row("a read-only reason", #""disabled_reason":"x""#, 400, "disabled_reason"),
        Row("an unknown member", #""retries":3"#, 400, "retries"),
    ]

    /// The row's members over the defaults (JSON refuses a member given twice).
    static func body(_ members: String) throws -> String {
        var object: [String: Any] = ["name": "h", "kind": "webhook", "url": "https://h.example/in"]
        let given = try JSONSerialization.jsonObject(with: Data("{\(members)}".utf8)) as? [String: Any] ?? [:]
        object.merge(given) { $1 }
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test(arguments: rows)
    func aNewChannel(row: Row) throws {
        let api = try InProcessAPI()
        let response = try api.call("POST", "/v1/channels", try Self.body(row.members))
        #expect(response.status == row.status, "\(response.bodyText)")
        if let field = row.field {
            #expect(try response.decode(ProblemBody.self).fields.contains(field), "\(response.bodyText)")
            #expect(try api.call("GET", "/v1/channels").decode(ListBody<ChannelBody>.self).items.isEmpty)
        }
    }
}
