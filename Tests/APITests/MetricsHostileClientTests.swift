import Foundation
import Testing

@testable import API

/// `/metrics` needs no token for a 404 or 405 to be counted, so what a client sends must never become a label:
/// methods outside a closed set are counted as `other`, paths no route takes as `unmatched`.
@Suite struct MetricsHostileClientTests {
    @Test func inventedMethodsAndPathsAddNoSeries() throws {
        let api = try APIServer()
        let before = try api.call("GET", "/metrics").bodyText
        for index in 0..<200 {
            let method = "X" + String(repeating: "\(index % 10)", count: 2_000) + "\(index)"
            let response = try api.call(method, "/v1/nothing-\(index)-" + String(repeating: "p", count: 1_000))
            #expect(response.status == 404 || response.status == 405 || response.status == 501)
        }
        for index in 0..<50 {
            _ = try api.call("BREW\(index)", "/v1/contacts")
        }
        let after = try api.call("GET", "/metrics").bodyText
        #expect(after.utf8.count < before.utf8.count + 2_000, "\(before.utf8.count) → \(after.utf8.count) bytes")
        #expect(!after.contains("method=\"X") && !after.contains("BREW") && !after.contains("nothing-"))
        #expect(after.contains(#"notapest_http_requests_total{route="unmatched",method="other",status="404"} 200"#))
        #expect(after.contains(#"notapest_http_requests_total{route="unmatched",method="other",status="405"} 50"#))
    }

    @Test func everyFamilyHasHelpAndAType() throws {
        // What `promtool check metrics` asks: HELP and TYPE for every family, counters named `_total`.
        let api = try APIServer()
        _ = try api.create("/v1/contacts", #"{"name":"x"}"#)
        let text = try api.call("GET", "/metrics").bodyText
        var helped = Set<String>()
        var typed: [String: String] = [:]
        var sampled = Set<String>()
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            if line.hasPrefix("# HELP ") {
                helped.insert(String(words[2]))
            } else if line.hasPrefix("# TYPE ") {
                typed[String(words[2])] = String(words[3])
            } else {
                let name = String(words[0].split(separator: "{")[0])
                let family = ["_bucket", "_sum", "_count"].reduce(name) { family, suffix in
                    typed[family] == nil && family.hasSuffix(suffix) ? String(family.dropLast(suffix.count)) : family
                }
                sampled.insert(family)
            }
        }
        #expect(sampled.isSubset(of: helped), "without HELP: \(sampled.subtracting(helped).sorted())")
        #expect(sampled.isSubset(of: Set(typed.keys)), "without TYPE: \(sampled.subtracting(typed.keys).sorted())")
        for (family, type) in typed where type == "counter" {
            #expect(family.hasSuffix("_total"), "counter \(family)")
        }
        #expect(typed["notapest_db_commits_total"] == "counter")
        #expect(typed["notapest_db_write_jobs_total"] == "counter")
        #expect(typed["notapest_db_reads_total"] == "counter")
        #expect(typed["notapest_open_connections"] == "gauge")
    }
}
