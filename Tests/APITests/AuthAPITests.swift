import Foundation
import Testing

/// Bearer tokens on every route (RFC 6750), the open health checks, and the feed token.
@Suite struct AuthAPITests {
    static let routes: [(String, String, String?)] = [
        ("GET", "/v1/contacts", nil), ("POST", "/v1/contacts", #"{"name":"x"}"#), ("GET", "/v1/contacts/1", nil),
        ("PATCH", "/v1/contacts/1", "{}"), ("DELETE", "/v1/contacts/1", nil), ("GET", "/v1/applications", nil),
        ("POST", "/v1/applications", #"{"route":"posted_opening"}"#), ("GET", "/v1/applications/1", nil),
        ("PATCH", "/v1/applications/1", "{}"), ("DELETE", "/v1/applications/1", nil),
        ("GET", "/v1/applications/1/events", nil),
        ("POST", "/v1/applications/1/events", #"{"kind":"note","occurred_at":"2026-11-02T09:00:00Z"}"#),
        ("GET", "/v1/applications/1/events/1", nil), ("DELETE", "/v1/applications/1/events/1", nil),
        ("POST", "/v1/applications/1/check", #"{"kind":"note","occurred_at":"2026-11-02T09:00:00Z"}"#),
        ("GET", "/v1/agenda", nil), ("GET", "/v1/guidance", nil), ("GET", "/v1/settings", nil),
        ("PUT", "/v1/settings", "{}"), ("POST", "/v1/settings/feed-token", nil), ("GET", "/metrics", nil),
        ("GET", "/openapi.yaml", nil), ("GET", "/v1/export", nil), ("POST", "/v1/import", "{}"),
        ("GET", "/v1/applications.csv", nil), ("GET", "/v1/agenda.ics", nil),
    ]

    @Test func everyRouteButTheHealthChecksNeedsTheToken() throws {
        let api = try APIServer(arguments: ["--token", "s3cret-token"])
        for (method, path, body) in Self.routes {
            let missing = try api.call(method, path, body)
            #expect(missing.status == 401, "\(method) \(path) without a token")
            #expect(missing.header("WWW-Authenticate") == "Bearer realm=\"notapest\"")
            let wrong = try api.call(method, path, body, headers: [("Authorization", "Bearer s3cret-tokeN")])
            #expect(wrong.status == 401, "\(method) \(path) with a wrong token")
            #expect(wrong.header("WWW-Authenticate")?.contains("invalid_token") == true)
            let right = try api.call(method, path, body, headers: [("Authorization", "Bearer s3cret-token")])
            #expect(right.status != 401, "\(method) \(path) with the token")
        }
        for path in ["/healthz", "/readyz"] {
            #expect(try api.call("GET", path).status == 200, "\(path)")
        }
    }

    @Test func theFeedTokenOpensNothingButTheCalendar() throws {
        let api = try APIServer(arguments: ["--token", "s3cret-token"])
        let settings = try api.call("GET", "/v1/settings", headers: [("Authorization", "Bearer s3cret-token")])
        let feed = try settings.decode(SettingsBody.self).feedToken
        #expect(try api.call("GET", "/v1/agenda.ics?feed_token=\(feed)").status == 200)
        #expect(try api.call("GET", "/v1/agenda.ics", headers: [("Authorization", "Bearer \(feed)")]).status == 200)
        #expect(try api.call("GET", "/v1/agenda.ics").status == 401)
        #expect(try api.call("GET", "/v1/agenda.ics?feed_token=wrong").status == 401)
        #expect(try api.call("GET", "/v1/agenda", headers: [("Authorization", "Bearer \(feed)")]).status == 401)
        #expect(try api.call("GET", "/v1/contacts?feed_token=\(feed)").status == 401)
        // Rotating it hands out a new one; the old one stops working at once.
        let rotated = try api.call(
            "POST", "/v1/settings/feed-token", headers: [("Authorization", "Bearer s3cret-token")])
        #expect(rotated.status == 200)
        #expect(rotated.header("Cache-Control") == "no-store")
        let next = try rotated.decode(FeedTokenBody.self).feedToken
        #expect(next != feed && next.count == 32)
        let after = try api.call("GET", "/v1/settings", headers: [("Authorization", "Bearer s3cret-token")])
        #expect(try after.decode(SettingsBody.self).feedToken == next)
        #expect(try api.call("GET", "/v1/agenda.ics?feed_token=\(feed)").status == 401)
        #expect(try api.call("GET", "/v1/agenda.ics?feed_token=\(next)").status == 200)
    }

    @Test func withoutATokenEverythingIsOpenOnLoopback() throws {
        let api = try APIServer()
        #expect(try api.call("GET", "/v1/contacts").status == 200)
        #expect(try api.call("GET", "/metrics").status == 200)
    }

    @Test func metricsCountersMove() throws {
        let api = try APIServer()
        func count(_ text: String, _ series: String) -> Int {
            text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap {
                Int($0.split(separator: " ")[1])
            } ?? 0
        }
        let before = try api.call("GET", "/metrics").bodyText
        _ = try api.create("/v1/contacts", #"{"name":"x"}"#)
        _ = try api.call("GET", "/v1/contacts/1")
        let after = try api.call("GET", "/metrics")
        #expect(after.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
        let created = #"notapest_http_requests_total{route="/v1/contacts",method="POST",status="201"}"#
        #expect(count(before, created) == 0)
        #expect(count(after.bodyText, created) == 1)
        let total = "notapest_http_request_duration_seconds_count"
        #expect(count(after.bodyText, total) > count(before, total))
        #expect(count(after.bodyText, "notapest_db_commits_total") > count(before, "notapest_db_commits_total"))
        #expect(count(after.bodyText, "notapest_db_writes_total") == count(before, "notapest_db_writes_total") + 1)
        #expect(count(after.bodyText, "notapest_db_reads_total") > count(before, "notapest_db_reads_total"))
        #expect(after.bodyText.contains("notapest_http_request_duration_seconds_bucket{le=\"+Inf\"}"))
        #expect(after.bodyText.contains("notapest_open_connections "))
        #expect(after.bodyText.contains("notapest_build_info{version="))
    }
}
