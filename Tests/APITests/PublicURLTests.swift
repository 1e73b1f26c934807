import Testing

@testable import API
@testable import App

/// `--public-url` / `NOTAPEST_PUBLIC_URL`: the absolute URL one-tap links are built on. It must be one a phone
/// can open (http or https, a host, no query or fragment, no credentials); its host is then a name the server is
/// known by, served without a token like an `--allowed-host`.
@Suite struct PublicURLTests {
    static let rows: [(given: String, url: String?, host: String?)] = [
        ("https://notapest.example", "https://notapest.example", "notapest.example"),
        ("https://notapest.example/", "https://notapest.example", "notapest.example"),
        ("https://example.net/notapest//", "https://example.net/notapest", "example.net"),
        ("HTTPS://NotAPest.Example:8443/x", "https://NotAPest.Example:8443/x", "notapest.example"),
        ("http://192.168.1.20:8080", "http://192.168.1.20:8080", "192.168.1.20"),
        ("http://[::1]:8080/", "http://[::1]:8080", "[::1]"),
        ("https://n.example:65535", "https://n.example:65535", "n.example"),
        ("https://n.example:65536", nil, nil),
        ("https://n.example:0", nil, nil),
        ("https://n.example:", nil, nil),
        ("https://n.example:x1", nil, nil),
        ("ftp://n.example", nil, nil),
        ("n.example", nil, nil),
        ("https://", nil, nil),
        ("https:///path", nil, nil),
        ("https://n.example/?a=1", nil, nil),
        ("https://n.example/#top", nil, nil),
        ("https://user:pass@n.example", nil, nil),
        ("https://n example", nil, nil),
        ("https://n_é.example", nil, nil),
        ("", nil, nil),
    ]

    @Test(arguments: rows)
    func aPublicURL(given: String, url: String?, host: String?) throws {
        guard let url, let host else {
            #expect(throws: (any Error).self, "\(given)") {
                try ServeOptions.parse(["--public-url", given], environment: [:])
            }
            return
        }
        let options = try ServeOptions.parse(["--public-url", given], environment: [:])
        #expect(options.publicURL == url)
        #expect(options.hostsServedWithoutToken.contains(host))
    }

    @Test func theFlagWinsOverTheEnvironment() throws {
        let environment = ["NOTAPEST_PUBLIC_URL": "https://from.environment/"]
        #expect(try ServeOptions.parse([], environment: environment).publicURL == "https://from.environment")
        let both = try ServeOptions.parse(["--public-url=https://from.flag"], environment: environment)
        #expect(both.publicURL == "https://from.flag")
        #expect(both.hostsServedWithoutToken.contains("from.flag"))
        #expect(!both.hostsServedWithoutToken.contains("from.environment"))
        #expect(try ServeOptions.parse([], environment: [:]).publicURL == nil)
        #expect(ServeOptions.help.contains("NOTAPEST_PUBLIC_URL"))
    }

    /// A phone that opens a link sends the public URL's host, which the server then serves without a token
    /// (the DNS rebinding defence still refuses any other name).
    @Test func itsHostIsServed() throws {
        let api = try APIServer(arguments: ["--public-url", "https://notapest.example:8443/"])
        #expect(try api.call("GET", "/a/x", headers: [("Host", "notapest.example:8443")]).status == 404)
        #expect(try api.call("GET", "/v1/contacts", headers: [("Host", "notapest.example")]).status == 200)
        #expect(try api.call("GET", "/v1/contacts", headers: [("Host", "evil.example")]).status == 421)
    }

    /// The context is given the URL, and links that point at an application are built on it.
    @Test func theContextHasIt() throws {
        let api = try InProcessAPI(arguments: ["--public-url", "https://n.example/base/"])
        #expect(api.context.publicURL == "https://n.example/base")
        #expect(try InProcessAPI().context.publicURL == nil)
    }
}
