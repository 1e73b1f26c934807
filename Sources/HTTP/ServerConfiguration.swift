/// Everything the server can be tuned with. Defaults are the documented ones.
public struct ServerConfiguration: Sendable {
    public var host: String
    /// 0 asks the kernel for an ephemeral port (tests).
    public var port: Int
    /// Event loops (threads); 0 means one per core.
    public var eventLoops: Int
    public var limits: ParserLimits
    public var timeouts: Timeouts
    /// Connections open at once; past it new ones get 503 and are closed.
    public var maxConnections: Int
    /// Unsent output, per connection, past which the server stops reading from it.
    public var maxPendingOutputBytes: Int
    /// Longest wait for in-flight requests when shutting down, in milliseconds.
    public var shutdownGraceMilliseconds: Int
    public var accessLog: AccessLogFormat
    /// The `Server` header's value.
    public var serverName: String
    /// Where access-log lines go (standard error unless a test captures them).
    public var accessLogDescriptor: Int32 = 2
    /// Body limits above `limits.maxBodyBytes` for POSTs to these route patterns.
    public var largeBodies: [String: Int] = [:]
    /// The `Host` names served (lowercase, IPv6 addresses in brackets, any port); others get 421. Nil serves
    /// any: a server that needs credentials cannot be used through a rebound name.
    public var allowedHosts: Set<String>?
    /// Called once if the server stops on its own because part of it failed (the message says what); the
    /// loops are already stopping. The process decides how to end.
    public var onFailure: (@Sendable (String) -> Void)?

    public struct Timeouts: Sendable, Equatable {
        /// From a request head's first byte to its end; then 408 and close (defeats slowloris).
        public var headMilliseconds: Int
        /// Between requests on a kept-alive connection; then close without a response.
        public var idleMilliseconds: Int
        /// Between two reads of a body; then 408 and close.
        public var bodyMilliseconds: Int

        public init(headMilliseconds: Int = 10_000, idleMilliseconds: Int = 30_000, bodyMilliseconds: Int = 30_000) {
            self.headMilliseconds = headMilliseconds
            self.idleMilliseconds = idleMilliseconds
            self.bodyMilliseconds = bodyMilliseconds
        }
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, eventLoops: Int = 0, limits: ParserLimits = ParserLimits(),
        timeouts: Timeouts = Timeouts(), maxConnections: Int = 10_000, maxPendingOutputBytes: Int = 1024 * 1024,
        shutdownGraceMilliseconds: Int = 10_000, accessLog: AccessLogFormat = .text, serverName: String = "notapest"
    ) {
        self.host = host
        self.port = port
        self.eventLoops = eventLoops
        self.limits = limits
        self.timeouts = timeouts
        self.maxConnections = maxConnections
        self.maxPendingOutputBytes = maxPendingOutputBytes
        self.shutdownGraceMilliseconds = shutdownGraceMilliseconds
        self.accessLog = accessLog
        self.serverName = serverName
    }
}

/// How (and whether) each request is logged on stderr.
public enum AccessLogFormat: String, Sendable, CaseIterable {
    case text
    case json
    case off
}
