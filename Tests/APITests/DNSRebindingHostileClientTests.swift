import Foundation
import Testing

/// A web page whose name is rebound to 127.0.0.1 reaches a server without a token from the seeker's own browser,
/// but its requests carry the page's name in `Host`: without a token, only the names the server is known by are
/// served (RFC 9110 §15.5.20, 421 Misdirected Request).
@Suite struct DNSRebindingHostileClientTests {
    static let hosts: [(host: String, served: Bool)] = [
        ("localhost", true),
        ("localhost:8080", true),
        ("LOCALHOST", true),
        ("localhost.", true),
        ("127.0.0.1", true),
        ("127.0.0.1:80", true),
        ("[::1]", true),
        ("[::1]:8080", true),
        ("notapest.lan", true),
        ("notapest.lan:8080", true),
        ("evil.example", false),
        ("evil.example:8080", false),
        ("localhost.evil.example", false),
        ("127.0.0.1.nip.io", false),
        ("127.0.0.2", false),
        ("[::2]", false),
        ("localhost:http", false),
        ("[::1", false),
        ("", false),
    ]

    @Test(arguments: hosts)
    func withoutATokenOnlyKnownNamesAreServed(row: (host: String, served: Bool)) throws {
        let api = try APIServer(arguments: ["--allowed-host", "notapest.lan"])
        let response = try api.call("GET", "/v1/contacts", headers: [("Host", row.host)])
        if row.served {
            #expect(response.status == 200, "\(row.host)")
        } else {
            #expect(response.status == 421, "\(row.host)")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(try response.decode(ProblemBody.self).type == "/problems/misdirected-request")
        }
    }

    @Test func theRefusalComesBeforeAnyWrite() throws {
        let api = try APIServer()
        let refused = try api.call("POST", "/v1/contacts", #"{"name":"Eve"}"#, headers: [("Host", "evil.example")])
        #expect(refused.status == 421)
        #expect(try api.call("GET", "/v1/contacts").decode(ListBody<ContactBody>.self).items.isEmpty)
    }

    @Test func withATokenAnyNameIsServed() throws {
        // A rebound page cannot send the token, so the name no longer matters.
        let api = try APIServer(arguments: ["--token", "t0ken"])
        let response = try api.call(
            "GET", "/v1/contacts", headers: [("Host", "evil.example"), ("Authorization", "Bearer t0ken")])
        #expect(response.status == 200)
        let without = try api.call("GET", "/v1/contacts", headers: [("Host", "evil.example")])
        #expect(without.status == 401)
    }
}
