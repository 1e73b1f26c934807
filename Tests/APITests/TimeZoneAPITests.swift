import Guidance
import Testing

/// `GET /v1/time-zones`: the names the settings take, so that a client offers a list rather than a guess.
@Suite struct TimeZoneAPITests {
    struct TimeZonesBody: Decodable {
        var timeZones: [String]
    }

    @Test func theListHoldsEveryNameTheSettingsTakeInOrder() throws {
        let api = try InProcessAPI()
        let response = try api.call("GET", "/v1/time-zones")
        #expect(response.status == 200)
        #expect(response.header("Cache-Control") == "private, no-cache")
        let names = try response.decode(TimeZonesBody.self).timeZones
        #expect(names == names.sorted() && Set(names).count == names.count)
        for name in ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland", "Etc/GMT+5"] {
            #expect(names.contains(name), "\(name)")
        }
        #expect(!names.contains("GMT+5") && !names.contains(""))
        // Each is one the settings accept, by the same test the settings apply.
        for name in names { #expect(GuidanceTimeZone.named(name) != nil, "\(name)") }
    }

    @Test(arguments: ["Asia/Kolkata", "America/Port-au-Prince", "UTC"])
    func aListedNameIsTakenBySettings(name: String) throws {
        let api = try InProcessAPI()
        let names = try api.call("GET", "/v1/time-zones").decode(TimeZonesBody.self).timeZones
        #expect(names.contains(name))
        let put = try api.call("PUT", "/v1/settings", #"{"time_zone":"\#(name)"}"#)
        #expect(put.status == 200, "\(put.bodyText)")
    }

    @Test func theListIsRevalidatedByItsTag() throws {
        let api = try InProcessAPI()
        let first = try api.call("GET", "/v1/time-zones")
        let etag = try #require(first.header("ETag"))
        let again = try api.call("GET", "/v1/time-zones", headers: [("If-None-Match", etag)])
        #expect(again.status == 304 && again.body.isEmpty)
        #expect(again.header("ETag") == etag)
    }
}
