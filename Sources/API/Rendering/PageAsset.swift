import HTTP

/// One file of the web page as it is served: its answer and the answer that says the client's copy is current,
/// both made once, so that a request costs a dictionary look-up and a tag comparison.
struct PageAsset: Sendable {
    let full: Response
    let notModified: Response

    init(_ bytes: [UInt8], type: String) {
        let etag = ETag.body(bytes)
        var headers = HTTPHeaders(name: "ETag", value: etag)
        // Kept, but asked about again before each use (RFC 9111 §5.2.2.4): a new build is seen at once, and an
        // unchanged file costs a 304.
        headers.add(name: "Cache-Control", value: "no-cache")
        headers.add(name: "Content-Security-Policy", value: PageRoutes.contentSecurityPolicy)
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "Referrer-Policy", value: "no-referrer")
        // RFC 9110 §15.4.5: a 304 carries the fields a 200 would have, but not the content's type.
        notModified = Response(status: 304, headers: headers)
        var full = Response(status: 200, contentType: type, body: bytes)
        for (name, value) in headers.fields { full.headers.add(name: name, value: value) }
        self.full = full
    }

    /// 304 when `If-None-Match` names this file's tag (RFC 9110 §13.1.2), else the file.
    func answer(_ request: Request) -> Response {
        if let etag = full.headers["ETag"], ETag.noneMatchHits(request, tag: etag) { return notModified }
        return full
    }
}
