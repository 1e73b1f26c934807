import Glibc
import HTTP

/// The settings of `notapest serve`, from flags, then environment, then defaults: a flag wins over
/// the environment, the environment over the default.
public struct ServeOptions: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var databasePath = "./notapest.sqlite"
    public var eventLoops = 0
    public var maxConnections = 10_000
    public var maxBodyBytes = 1024 * 1024
    /// The one larger body: a whole data set sent to POST /v1/import.
    public var maxImportBytes = 64 * 1024 * 1024
    public var headTimeoutMilliseconds = 10_000
    public var idleTimeoutMilliseconds = 30_000
    public var bodyTimeoutMilliseconds = 30_000
    /// The timeline cache's budget in MiB; 0 caches nothing.
    public var cacheMiB = 64
    public var logFormat = AccessLogFormat.text
    /// The bearer token; `tokenFile` is read into it at start-up.
    public var token: String?
    public var tokenFile: String?
    /// Serve a non-loopback address without a token, knowingly.
    public var insecureNoAuth = false
    /// Names served in `Host` besides the loopback ones while no token is set (DNS rebinding defence).
    public var allowedHosts: [String] = []
    /// The absolute URL the service is reached at, without a trailing slash: one-tap links in reminders are built
    /// on it, and its host is served in `Host` like an `--allowed-host`.
    public var publicURL: String?
    /// The first retry's wait in milliseconds, which scales the deliveries' whole retry schedule.
    public var deliveryRetryBaseMilliseconds = 30_000

    public init() {}

    /// One option: its flag, its environment variable, and how it is applied.
    struct Option: Sendable {
        let flag: String
        let environment: String
        let help: String
        let apply: @Sendable (inout ServeOptions, String) throws -> Void
    }

    static let options: [Option] = [
        Option(flag: "--host", environment: "NOTAPEST_HOST", help: "address to listen on (default 127.0.0.1)") {
            $0.host = try nonEmpty($1, "--host")
        },
        Option(flag: "--port", environment: "NOTAPEST_PORT", help: "TCP port, 0 for any free one (default 8080)") {
            $0.port = try integer($1, "--port", in: 0...65535)
        },
        Option(flag: "--db", environment: "NOTAPEST_DB", help: "SQLite database file (default ./notapest.sqlite)") {
            $0.databasePath = try nonEmpty($1, "--db")
        },
        Option(
            flag: "--event-loops", environment: "NOTAPEST_EVENT_LOOPS",
            help: "event loop threads, 0 for one per core (default 0)"
        ) {
            $0.eventLoops = try integer($1, "--event-loops", in: 0...256)
        },
        Option(
            flag: "--max-connections", environment: "NOTAPEST_MAX_CONNECTIONS",
            help: "open connections at most; more get 503 (default 10000)"
        ) {
            $0.maxConnections = try integer($1, "--max-connections", in: 1...1_000_000)
        },
        Option(
            flag: "--max-body-bytes", environment: "NOTAPEST_MAX_BODY_BYTES",
            help: "largest request body in bytes (default 1048576)"
        ) {
            $0.maxBodyBytes = try integer($1, "--max-body-bytes", in: 0...(1 << 30))
        },
        Option(
            flag: "--max-import-bytes", environment: "NOTAPEST_MAX_IMPORT_BYTES",
            help: "largest body of POST /v1/import in bytes (default 67108864)"
        ) {
            $0.maxImportBytes = try integer($1, "--max-import-bytes", in: 0...(1 << 31))
        },
        Option(
            flag: "--head-timeout-ms", environment: "NOTAPEST_HEAD_TIMEOUT_MS",
            help: "time to receive a request head, then 408 (default 10000)"
        ) {
            $0.headTimeoutMilliseconds = try integer($1, "--head-timeout-ms", in: 1...3_600_000)
        },
        Option(
            flag: "--idle-timeout-ms", environment: "NOTAPEST_IDLE_TIMEOUT_MS",
            help: "keep-alive idle time before closing (default 30000)"
        ) {
            $0.idleTimeoutMilliseconds = try integer($1, "--idle-timeout-ms", in: 1...3_600_000)
        },
        Option(
            flag: "--body-timeout-ms", environment: "NOTAPEST_BODY_TIMEOUT_MS",
            help: "longest pause between body bytes, then 408 (default 30000)"
        ) {
            $0.bodyTimeoutMilliseconds = try integer($1, "--body-timeout-ms", in: 1...3_600_000)
        },
        Option(
            flag: "--cache-mib", environment: "NOTAPEST_CACHE_MIB",
            help: "memory for cached timelines in MiB, 0 for none (default 64)"
        ) {
            $0.cacheMiB = try integer($1, "--cache-mib", in: 0...1_048_576)
        },
        Option(
            flag: "--token", environment: "NOTAPEST_TOKEN",
            help: "bearer token every route but /healthz and /readyz requires"
        ) {
            $0.token = try nonEmpty($1, "--token")
        },
        Option(
            flag: "--token-file", environment: "NOTAPEST_TOKEN_FILE",
            help: "file holding the bearer token (wins over --token)"
        ) {
            $0.tokenFile = try nonEmpty($1, "--token-file")
        },
        Option(
            flag: "--allowed-host", environment: "NOTAPEST_ALLOWED_HOSTS",
            help: "without a token, a Host name to serve besides localhost, 127.0.0.1 and [::1]; "
                + "repeat it or separate names by commas"
        ) {
            $0.allowedHosts += try hostNames($1)
        },
        Option(
            flag: "--public-url", environment: "NOTAPEST_PUBLIC_URL",
            help: "the http(s) URL the service is reached at, for the one-tap links in reminders; "
                + "without it messages carry no links"
        ) {
            let url = try publicURL($1)
            $0.publicURL = url.text
            $0.publicHost = url.host
        },
        Option(
            flag: "--delivery-retry-base-ms", environment: "NOTAPEST_DELIVERY_RETRY_BASE_MS",
            help: "the first retry's wait for a reminder that failed, scaling the whole schedule (default 30000)"
        ) {
            $0.deliveryRetryBaseMilliseconds = try integer($1, "--delivery-retry-base-ms", in: 0...86_400_000)
        },
        Option(
            flag: "--log-format", environment: "NOTAPEST_LOG_FORMAT",
            help: "access log: text, json or off (default text)"
        ) {
            guard let format = AccessLogFormat(rawValue: $1) else {
                throw UsageError("--log-format must be text, json or off, not '\($1)'")
            }
            $0.logFormat = format
        },
    ]

    /// Parses `serve`'s arguments (without the subcommand) over the environment.
    public static func parse(_ arguments: [String], environment: [String: String]) throws -> ServeOptions {
        var result = ServeOptions()
        for option in options {
            if let value = environment[option.environment] { try option.apply(&result, value) }
        }
        if let value = environment["NOTAPEST_INSECURE_NO_AUTH"] {
            result.insecureNoAuth = ["1", "true", "yes"].contains(value.lowercased())
        }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--quiet" {
                result.logFormat = .off
                continue
            }
            if argument == "--insecure-no-auth" {
                result.insecureNoAuth = true
                continue
            }
            let (name, inlineValue) = splitFlag(argument)
            guard let option = options.first(where: { $0.flag == name }) else {
                throw UsageError("unknown option '\(argument)' for serve; see 'notapest serve --help'")
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw UsageError("\(name) needs a value") }
                value = arguments[index]
                index += 1
            }
            try option.apply(&result, value)
        }
        return result
    }

    static func splitFlag(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    static func nonEmpty(_ value: String, _ flag: String) throws -> String {
        guard !value.isEmpty else { throw UsageError("\(flag) must not be empty") }
        return value
    }

    static func integer(_ value: String, _ flag: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw UsageError(
                "\(flag) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(value)'")
        }
        return number
    }

    /// `Host` names from `--allowed-host`: lowercase, without port, an IPv6 address in brackets.
    static func hostNames(_ value: String) throws -> [String] {
        try value.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let name = String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()).lowercased()
            let bracketed = name.hasPrefix("[") && name.hasSuffix("]") && name.count > 2
            let allowed = bracketed ? "0123456789abcdef:.[]" : "abcdefghijklmnopqrstuvwxyz0123456789-._"
            guard !name.isEmpty, name.count <= 253, name.allSatisfy({ allowed.contains($0) }) else {
                throw UsageError(
                    "--allowed-host takes host names without port or scheme (an IPv6 address in brackets), not '\(part)'"
                )
            }
            return name
        }
    }

    /// The host of `publicURL`, as `Host` names it (lowercase, an IPv6 address in brackets).
    var publicHost: String?

    /// A `--public-url`: `http` or `https` with a host (and a port, if any), perhaps a path (a reverse proxy's
    /// prefix), no query, fragment or user information; a trailing slash is dropped, so that paths append to it.
    static func publicURL(_ value: String) throws -> (text: String, host: String) {
        let refusal = UsageError(
            "--public-url takes an http or https URL such as https://notapest.example or "
                + "https://example.net/notapest, without query or fragment, not '\(value)'")
        let lowered = value.lowercased()
        let schemeLength = lowered.hasPrefix("https://") ? 8 : lowered.hasPrefix("http://") ? 7 : 0
        guard schemeLength > 0, value.utf8.count <= 2_048, value.utf8.allSatisfy({ (0x21...0x7E).contains($0) }),
            !value.contains("?"), !value.contains("#")
        else { throw refusal }
        let rest = value.dropFirst(schemeLength)
        let authority = rest.prefix { $0 != "/" }
        guard !authority.isEmpty, !authority.contains("@") else { throw refusal }
        var host = String(authority).lowercased()
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw refusal }
            let port = host[host.index(after: close)...]
            guard port.isEmpty || (port.hasPrefix(":") && validPort(port.dropFirst())) else { throw refusal }
            host = String(host[...close])
        } else if let colon = host.firstIndex(of: ":") {
            guard validPort(host[host.index(after: colon)...]) else { throw refusal }
            host = String(host[..<colon])
        }
        guard let name = try? hostNames(host).first else { throw refusal }
        var text = String(value.prefix(schemeLength)).lowercased() + rest
        while text.hasSuffix("/") { text.removeLast() }
        return (text, name)
    }

    /// A port as a URL writes it: 1 to 5 digits, from 1 to 65535.
    static func validPort(_ text: Substring) -> Bool {
        guard (1...5).contains(text.count), text.allSatisfy({ $0 >= "0" && $0 <= "9" }), let port = Int(text) else {
            return false
        }
        return (1...65_535).contains(port)
    }

    /// True when every address `host` resolves to is a loopback one (127.0.0.0/8, ::1, or 127.0.0.0/8 mapped
    /// into IPv6), decided from the addresses and not the spelling: `127.example.com` may resolve anywhere.
    public var isLoopback: Bool {
        LoopbackAddress.all(host)
    }

    /// The `Host` names served while no token is set: the loopback names, the listen address when it is a
    /// numeric one (no other site can be reached by it), and the names given with `--allowed-host`.
    public var hostsServedWithoutToken: Set<String> {
        var names = HostCheck.loopbackNames.union(allowedHosts)
        if let publicHost { names.insert(publicHost) }
        if let literal = LoopbackAddress.numericHostName(host) { names.insert(literal) }
        return names
    }

    /// The token to require, read from `tokenFile` when given; and the refusal to serve a public
    /// address without one (unless `insecureNoAuth`).
    public func resolvedToken() throws -> String? {
        var token = self.token
        if let tokenFile {
            guard let file = fopen(tokenFile, "r") else { throw UsageError("cannot read --token-file \(tokenFile)") }
            defer { fclose(file) }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = fread(&buffer, 1, buffer.count, file)
                if n <= 0 { break }
                bytes += buffer[0..<n]
                if bytes.count > 65_536 { throw UsageError("--token-file \(tokenFile) is too large for a token") }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            token = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        }
        if let token, token.isEmpty || token.contains(where: { $0.isWhitespace }) {
            throw UsageError("the token must be non-empty and hold no spaces")
        }
        if token == nil && !isLoopback && !insecureNoAuth {
            throw UsageError(
                "refusing to serve \(host) without a token: anyone who can reach it could read and change the data. "
                    + "Set NOTAPEST_TOKEN (or --token / --token-file), bind 127.0.0.1, or pass --insecure-no-auth.")
        }
        return token
    }

    /// The server configuration these options describe.
    public var serverConfiguration: ServerConfiguration {
        var configuration = ServerConfiguration(
            host: host, port: port, eventLoops: eventLoops,
            limits: ParserLimits(maxBodyBytes: maxBodyBytes),
            timeouts: .init(
                headMilliseconds: headTimeoutMilliseconds, idleMilliseconds: idleTimeoutMilliseconds,
                bodyMilliseconds: bodyTimeoutMilliseconds),
            maxConnections: maxConnections, accessLog: logFormat)
        configuration.largeBodies = ["/v1/import": max(maxImportBytes, maxBodyBytes)]
        return configuration
    }

    static var help: String {
        var text = """
            Usage: notapest serve [options]

            Runs the NotAPest HTTP service. Every option can also be set by the environment
            variable named beside it; a flag wins over the environment.

            Options:

            """
        for option in options {
            text += "  \(option.flag) VALUE".padding(to: 26) + "\(option.environment)\n"
            text += "      \(option.help)\n"
        }
        text += "  --quiet".padding(to: 26) + "\n      no access log (same as --log-format off)\n"
        text += "  --insecure-no-auth".padding(to: 26) + "NOTAPEST_INSECURE_NO_AUTH\n"
        text += "      serve a non-loopback address without a token\n"
        text += "  --help".padding(to: 26) + "\n      this text\n"
        return text
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
