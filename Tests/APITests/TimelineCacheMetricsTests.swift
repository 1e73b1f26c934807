import Testing

/// `--cache-mib` over a socket: the timeline cache's budget, what it holds and what it let go are in
/// `/metrics`, what it holds never passes the budget, and what it let go is read again, unchanged.
struct TimelineCacheMetricsTests {
    static func gauge(_ metrics: String, _ name: String) -> Int? {
        metrics.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Int($0.split(separator: " ")[1]) }
    }

    /// Applications whose cached values weigh about 30 KB each (their notes, as stored and as answered).
    static func applications(_ count: Int, in api: APIServer) throws -> [Int] {
        let notes = String(repeating: "n", count: 10_000)
        return try (0..<count).map { _ in
            try api.create("/v1/applications", #"{"route":"posted_opening","notes":"\#(notes)"}"#)
        }
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let cacheMiB: Int
        let evicts: Bool
        var testDescription: String { "--cache-mib \(cacheMiB)" }
    }

    @Test(arguments: [
        Row(cacheMiB: 1, evicts: true),
        Row(cacheMiB: 64, evicts: false),
        Row(cacheMiB: 0, evicts: false),
    ])
    func theBudgetHoldsAndIsInMetrics(_ row: Row) throws {
        let api = try APIServer(arguments: ["--cache-mib", "\(row.cacheMiB)"])
        let budget = row.cacheMiB << 20
        let start = try api.call("GET", "/metrics").bodyText
        #expect(Self.gauge(start, "notapest_timeline_cache_budget_bytes") == budget)
        #expect(Self.gauge(start, "notapest_timeline_cache_bytes") == 0)
        #expect(Self.gauge(start, "notapest_timeline_cache_evictions_total") == 0)
        #expect(start.contains("# HELP notapest_timeline_cache_bytes "))
        let ids = try Self.applications(50, in: api)
        var first: [UInt8] = []
        for id in ids {
            let response = try api.call("GET", "/v1/applications/\(id)")
            #expect(response.status == 200)
            if id == ids[0] { first = response.body }
        }
        let loaded = try api.call("GET", "/metrics").bodyText
        let held = Self.gauge(loaded, "notapest_timeline_cache_bytes") ?? -1
        let evictions = Self.gauge(loaded, "notapest_timeline_cache_evictions_total") ?? -1
        #expect(held <= budget)
        #expect(row.cacheMiB == 0 ? held == 0 : held > 0)
        #expect((evictions > 0) == row.evicts, "\(evictions) evictions")
        // Let go or never kept, the first application reads the same.
        let again = try api.call("GET", "/v1/applications/\(ids[0])")
        #expect(again.status == 200 && again.body == first)
    }
}
