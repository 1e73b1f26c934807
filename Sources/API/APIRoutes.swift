import HTTP

/// Every route of the service.
public enum APIRoutes {
    static let health = Response.json("{\"status\":\"ok\"}")

    public static func make(_ context: APIContext) -> Router {
        var router = Router()
        router.add("GET", "/healthz") { _ in
            var response = health
            response.headers.add(name: "Cache-Control", value: "no-store")
            return response
        }
        router.add("GET", "/openapi.yaml") { request in
            let bytes = Array(OpenAPIDocument.yaml.utf8)
            let etag = ETag.body(bytes)
            if ETag.noneMatchHits(request, tag: etag) { return JSONResponse.notModified(etag) }
            var response = Response(status: 200, contentType: "application/yaml", body: bytes)
            response.headers.add(name: "ETag", value: etag)
            response.headers.add(name: "Cache-Control", value: JSONResponse.dataCaching)
            return response
        }
        ContactRoutes.register(&router, context)
        ApplicationRoutes.register(&router, context)
        EventRoutes.register(&router, context)
        AgendaRoutes.register(&router, context)
        return router
    }
}
