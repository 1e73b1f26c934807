import HTTP
import JSON

/// JSON responses with the caching headers openapi.yaml describes (Conventions: ETag, Cache-Control).
enum JSONResponse {
    /// Data responses may be stored but must be revalidated with their ETag (RFC 9111 §5.2.2.4).
    static let dataCaching = "private, no-cache"

    static func make(_ json: JSON, status: Int = 200, etag: String? = nil, headers: [(String, String)] = [])
        -> Response
    {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        json.write(into: &bytes)
        return make(body: bytes, status: status, etag: etag, headers: headers)
    }

    /// An answer whose JSON body is already written.
    static func make(body bytes: [UInt8], status: Int = 200, etag: String? = nil, headers: [(String, String)] = [])
        -> Response
    {
        var response = Response(status: status, contentType: "application/json", body: bytes)
        response.headers.reserveCapacity(3 + headers.count)
        response.headers.add(name: "Cache-Control", value: dataCaching)
        if let etag { response.headers.add(name: "ETag", value: etag) }
        for (name, value) in headers { response.headers.add(name: name, value: value) }
        return response
    }

    /// A GET answer: 304 when the client's copy is current (RFC 9110 §13.1.2), else the body.
    static func get(_ request: Request, _ json: JSON, etag: String) -> Response {
        if ETag.noneMatchHits(request, tag: etag) { return notModified(etag) }
        return make(json, etag: etag)
    }

    /// A GET answer from already-written JSON bytes, tagged with a version: 304 when the client's copy is current.
    static func get(_ request: Request, bytes: [UInt8], etag: String) -> Response {
        if ETag.noneMatchHits(request, tag: etag) { return notModified(etag) }
        return make(body: bytes, etag: etag)
    }

    /// A GET answer whose tag is the hash of its body.
    static func getHashed(_ request: Request, _ json: JSON) -> Response {
        var bytes: [UInt8] = []
        json.write(into: &bytes)
        return getHashed(request, bytes: bytes)
    }

    /// A GET answer from already-written JSON bytes, tagged with their hash.
    static func getHashed(_ request: Request, bytes: [UInt8]) -> Response {
        let etag = ETag.body(bytes)
        if ETag.noneMatchHits(request, tag: etag) { return notModified(etag) }
        var response = Response(status: 200, contentType: "application/json", body: bytes)
        response.headers.add(name: "Cache-Control", value: dataCaching)
        response.headers.add(name: "ETag", value: etag)
        return response
    }

    static func notModified(_ etag: String) -> Response {
        Response(status: 304, headers: HTTPHeaders([("ETag", etag), ("Cache-Control", dataCaching)]))
    }

    static func noContent() -> Response {
        Response(status: 204)
    }
}
