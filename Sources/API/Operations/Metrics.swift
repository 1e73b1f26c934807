import HTTP
import Synchronization

/// Counters for `GET /metrics` (Prometheus text format 0.0.4): requests by route, method and
/// status, a latency histogram, and whatever gauges and counters the service registers (open
/// connections, database work, build info). Every label value comes from a closed set, so that no
/// client can add series: a method is one of `knownMethods` or `other`, a route is a pattern of the
/// router or `unmatched`, a status is one the server sent.
public final class Metrics: ServerObserver {
    /// The methods counted by name (RFC 9110 §9); any other is counted as `other`.
    static let knownMethods = ["GET", "POST", "HEAD", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// The method's label: itself when known, else `other`. Compared in place, most common first: every request
    /// asks, and seven short comparisons cost less than hashing the method.
    static func methodLabel(_ method: String) -> String {
        knownMethods.contains(method) ? method : "other"
    }
    /// Upper bounds of the latency buckets, in seconds.
    static let bounds: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    struct Key: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    private struct State {
        var requests: [Key: Int] = [:]
        var buckets = [Int](repeating: 0, count: Metrics.bounds.count)
        var count = 0
        var sumMicros: Int64 = 0
    }

    private let state = Mutex(State())
    /// Database counters, apart from the lock the event loops take for every request: the writer adds to them
    /// for every job it runs.
    private let reads = Atomic<Int>(0)
    private let readMicros = Atomic<Int64>(0)
    private let writes = Atomic<Int>(0)
    private let writeMicros = Atomic<Int64>(0)
    private let series = Mutex<[Series]>([])
    /// Families of several series written at once (their help, type and every labelled line), at every scrape.
    private let collectors = Mutex<[@Sendable () -> String]>([])
    /// Deliveries attempted, by channel kind and outcome.
    let deliveries = DeliveryCounters()

    /// A value read at every scrape.
    private struct Series {
        let name: String
        let help: String
        let type: String
        let value: @Sendable () -> Double
    }

    public init() {}

    public func requestCompleted(method: String, route: String?, status: Int, micros: Int64) {
        let key = Key(
            method: Self.methodLabel(method), route: route ?? "unmatched", status: status)
        state.withLock { state in
            state.requests[key, default: 0] += 1
            state.count += 1
            state.sumMicros += micros
            let seconds = Double(micros) / 1_000_000
            if let index = Self.bounds.firstIndex(where: { seconds <= $0 }) { state.buckets[index] += 1 }
        }
    }

    /// Time spent in database work on behalf of requests: reads on the event loops, writes in the writer.
    func recordDatabase(read: Bool, micros: Int64) {
        if read {
            reads.add(1, ordering: .relaxed)
            readMicros.add(micros, ordering: .relaxed)
        } else {
            writes.add(1, ordering: .relaxed)
            writeMicros.add(micros, ordering: .relaxed)
        }
    }

    /// Adds a gauge (a value that goes up and down) read at every scrape.
    public func gauge(_ name: String, help: String, _ value: @escaping @Sendable () -> Double) {
        series.withLock { $0.append(Series(name: name, help: help, type: "gauge", value: value)) }
    }

    /// Adds a counter (a value that only goes up, named `…_total`) read at every scrape.
    public func counter(_ name: String, help: String, _ value: @escaping @Sendable () -> Double) {
        series.withLock { $0.append(Series(name: name, help: help, type: "counter", value: value)) }
    }

    /// Adds a collector: at every scrape, the text it returns (whole lines, with their `# HELP` and `# TYPE`) is
    /// written after the other series.
    func collector(_ render: @escaping @Sendable () -> String) {
        collectors.withLock { $0.append(render) }
    }

    public func render() -> String {
        let snapshot = state.withLock { $0 }
        var out = "# HELP notapest_http_requests_total Requests answered, by route pattern, method and status.\n"
        out += "# TYPE notapest_http_requests_total counter\n"
        let keys = snapshot.requests.keys.sorted { ($0.route, $0.method, $0.status) < ($1.route, $1.method, $1.status) }
        for key in keys {
            out += "notapest_http_requests_total{route=\(Self.label(key.route)),method=\(Self.label(key.method)),"
            out += "status=\"\(key.status)\"} \(snapshot.requests[key] ?? 0)\n"
        }
        out += "# HELP notapest_http_request_duration_seconds Time from a complete request to its response.\n"
        out += "# TYPE notapest_http_request_duration_seconds histogram\n"
        var cumulative = 0
        for (bound, count) in zip(Self.bounds, snapshot.buckets) {
            cumulative += count
            out += "notapest_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)\n"
        }
        out += "notapest_http_request_duration_seconds_bucket{le=\"+Inf\"} \(snapshot.count)\n"
        out += "notapest_http_request_duration_seconds_sum \(Double(snapshot.sumMicros) / 1_000_000)\n"
        out += "notapest_http_request_duration_seconds_count \(snapshot.count)\n"
        for (kind, micros, count) in [
            ("read", readMicros.load(ordering: .relaxed), reads.load(ordering: .relaxed)),
            ("write", writeMicros.load(ordering: .relaxed), writes.load(ordering: .relaxed)),
        ] {
            out += "# HELP notapest_db_\(kind)_seconds_total Time spent in database \(kind)s for requests.\n"
            out += "# TYPE notapest_db_\(kind)_seconds_total counter\n"
            out += "notapest_db_\(kind)_seconds_total \(Double(micros) / 1_000_000)\n"
            out += "# HELP notapest_db_\(kind)s_total Database \(kind)s made for requests.\n"
            out += "# TYPE notapest_db_\(kind)s_total counter\n"
            out += "notapest_db_\(kind)s_total \(count)\n"
        }
        for entry in series.withLock({ $0 }) {
            let family = entry.name.split(separator: "{").first.map(String.init) ?? entry.name
            out += "# HELP \(family) \(entry.help)\n# TYPE \(family) \(entry.type)\n"
            let value = entry.value()
            out += "\(entry.name) \(Self.number(value))\n"
        }
        for collect in collectors.withLock({ $0 }) { out += collect() }
        return out
    }

    /// A sample's value: whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 9e18 ? String(Int64(value)) : String(value)
    }

    /// A label value, quoted and escaped (backslash, quote, newline).
    static func label(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
