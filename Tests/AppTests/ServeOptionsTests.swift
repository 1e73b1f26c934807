import App
import HTTP
import Testing

/// `notapest serve` configuration: flags over environment over defaults.
@Suite struct ServeOptionsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let environment: [String: String]
        let check: @Sendable (ServeOptions) -> Bool
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "defaults: loopback, 8080, ./notapest.sqlite", arguments: [], environment: [:]) {
            $0.host == "127.0.0.1" && $0.port == 8080 && $0.databasePath == "./notapest.sqlite" && $0.logFormat == .text
        },
        Case(
            name: "environment sets host, port, db", arguments: [],
            environment: ["NOTAPEST_HOST": "0.0.0.0", "NOTAPEST_PORT": "9000", "NOTAPEST_DB": "/data/x.sqlite"]
        ) {
            $0.host == "0.0.0.0" && $0.port == 9000 && $0.databasePath == "/data/x.sqlite"
        },
        Case(
            name: "a flag wins over the environment", arguments: ["--port", "7000"],
            environment: ["NOTAPEST_PORT": "9000"]
        ) { $0.port == 7000 },
        Case(name: "--flag=value form", arguments: ["--host=::1", "--db=a.sqlite"], environment: [:]) {
            $0.host == "::1" && $0.databasePath == "a.sqlite"
        },
        Case(name: "--quiet turns the access log off", arguments: ["--quiet"], environment: [:]) {
            $0.logFormat == .off
        },
        Case(
            name: "timeouts and limits", arguments: ["--head-timeout-ms", "50", "--max-connections", "3"],
            environment: ["NOTAPEST_MAX_BODY_BYTES": "10"]
        ) {
            $0.headTimeoutMilliseconds == 50 && $0.maxConnections == 3 && $0.maxBodyBytes == 10
                && $0.serverConfiguration.limits.maxBodyBytes == 10
        },
        Case(name: "the timeline cache gets 64 MiB by default", arguments: [], environment: [:]) { $0.cacheMiB == 64 },
        Case(name: "the environment can turn the cache off", arguments: [], environment: ["NOTAPEST_CACHE_MIB": "0"]) {
            $0.cacheMiB == 0
        },
        Case(
            name: "--cache-mib wins over the environment", arguments: ["--cache-mib", "8"],
            environment: ["NOTAPEST_CACHE_MIB": "0"]
        ) { $0.cacheMiB == 8 },
    ])
    func parses(_ row: Case) throws {
        let options = try ServeOptions.parse(row.arguments, environment: row.environment)
        #expect(row.check(options))
    }

    struct BadCase: CustomTestStringConvertible, Sendable {
        let name: String
        let arguments: [String]
        let environment: [String: String]
        let mentions: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        BadCase(name: "unknown flag", arguments: ["--colour"], environment: [:], mentions: "--colour"),
        BadCase(name: "missing value", arguments: ["--port"], environment: [:], mentions: "--port"),
        BadCase(name: "port out of range", arguments: ["--port", "70000"], environment: [:], mentions: "--port"),
        BadCase(name: "port not a number", arguments: ["--port", "http"], environment: [:], mentions: "--port"),
        BadCase(name: "bad environment value", arguments: [], environment: ["NOTAPEST_PORT": "-1"], mentions: "--port"),
        BadCase(name: "negative cache", arguments: ["--cache-mib", "-1"], environment: [:], mentions: "--cache-mib"),
        BadCase(
            name: "cache past 1 TiB", arguments: [], environment: ["NOTAPEST_CACHE_MIB": "1048577"],
            mentions: "--cache-mib"),
        BadCase(
            name: "unknown log format", arguments: ["--log-format", "xml"], environment: [:], mentions: "--log-format"),
        BadCase(
            name: "allowed host with a scheme", arguments: ["--allowed-host", "http://x"], environment: [:],
            mentions: "--allowed-host"),
        BadCase(
            name: "allowed host with a port", arguments: ["--allowed-host", "x:80"], environment: [:],
            mentions: "--allowed-host"),
        BadCase(
            name: "empty allowed host in a list", arguments: [], environment: ["NOTAPEST_ALLOWED_HOSTS": "a,,b"],
            mentions: "--allowed-host"),
    ])
    func refuses(_ row: BadCase) {
        #expect {
            _ = try ServeOptions.parse(row.arguments, environment: row.environment)
        } throws: { error in
            (error as? UsageError)?.message.contains(row.mentions) == true
        }
    }

    @Test func allowedHostsAddUpAcrossFlagsAndTheEnvironment() throws {
        let options = try ServeOptions.parse(
            ["--allowed-host", "NotAPest.lan", "--allowed-host=[FE80::1], box"],
            environment: ["NOTAPEST_ALLOWED_HOSTS": "home.arpa"])
        #expect(options.allowedHosts == ["home.arpa", "notapest.lan", "[fe80::1]", "box"])
        #expect(
            options.hostsServedWithoutToken
                == ["localhost", "127.0.0.1", "[::1]", "home.arpa", "notapest.lan", "[fe80::1]", "box"])
    }

    /// Whether a listen address is loopback is decided from what it resolves to, not from its spelling.
    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("::1", true), ("localhost", true), ("::ffff:127.0.0.1", true),
        ("0.0.0.0", false), ("::", false), ("192.168.1.5", false), ("127.example.invalid", false),
        ("127.0.0.1.invalid", false),
    ])
    func loopback(host: String, expected: Bool) {
        var options = ServeOptions()
        options.host = host
        #expect(options.isLoopback == expected, "\(host)")
    }

    @Test func aNumericListenAddressIsServedByItsOwnName() throws {
        // No other site can be reached by an address, so it cannot be rebound.
        let options = try ServeOptions.parse(["--host", "192.168.1.5"], environment: [:])
        #expect(options.hostsServedWithoutToken.contains("192.168.1.5"))
        let v6 = try ServeOptions.parse(["--host", "FE80::1"], environment: [:])
        #expect(v6.hostsServedWithoutToken.contains("[fe80::1]"))
        let named = try ServeOptions.parse(["--host", "localhost"], environment: [:])
        #expect(named.hostsServedWithoutToken == HostCheck.loopbackNames)
    }

    @Test func exitCodes() {
        #expect(NotAPest.main(["--version"], environment: [:]) == 0)
        #expect(NotAPest.main(["serve", "--help"], environment: [:]) == 0)
        #expect(NotAPest.main(["serve", "--bogus"], environment: [:]) == 2)
        #expect(NotAPest.main(["frobnicate"], environment: [:]) == 2)
        #expect(NotAPest.main([], environment: [:]) == 2)
    }
}
