import Guidance
import HTTP
import JSON

/// `/v1/time-zones`: the names `PUT /v1/settings` takes for `time_zone`, so that a client can offer a list instead
/// of a guess. The list is the zone database's and cannot change while the process runs, so its answer is made once.
enum TimeZoneRoutes {
    static let list: (body: [UInt8], etag: String) = {
        var bytes: [UInt8] = []
        JSON.object(["time_zones": JSON.array(GuidanceTimeZone.names.map { JSON($0) })]).write(into: &bytes)
        return (bytes, ETag.body(bytes))
    }()

    static func register(_ router: inout Router) {
        router.add("GET", "/v1/time-zones") { request in
            JSONResponse.get(request, bytes: list.body, etag: list.etag)
        }
    }
}
