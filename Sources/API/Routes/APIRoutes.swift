import HTTP

/// Every route of the service.
public enum APIRoutes {
    /// Built once: the liveness answer is the hottest and simplest response there is.
    static let health: Response = {
        var response = Response.json("{\"status\":\"ok\"}")
        response.headers.add(name: "Cache-Control", value: "no-store")
        response.headers.add(name: "ETag", value: ETag.body(response.body))
        return response
    }()

    /// The contract as served: the bytes of `openapi.yaml`, embedded by the build, and their tag, made once
    /// rather than for every request.
    static let specification: Response = {
        let bytes = PackageResources.openapi_yaml
        var response = Response(status: 200, contentType: "application/yaml", body: bytes)
        response.headers.add(name: "ETag", value: ETag.body(bytes))
        response.headers.add(name: "Cache-Control", value: JSONResponse.dataCaching)
        return response
    }()

    public static func make(_ context: APIContext) -> Router {
        var router = Router()
        router.add("GET", "/healthz") { request in
            if let etag = health.headers["ETag"], ETag.noneMatchHits(request, tag: etag) {
                var response = JSONResponse.notModified(etag)
                response.headers.set(name: "Cache-Control", value: "no-store")
                return response
            }
            return health
        }
        router.add("GET", "/openapi.yaml") { request in
            if let etag = specification.headers["ETag"], ETag.noneMatchHits(request, tag: etag) {
                return JSONResponse.notModified(etag)
            }
            return specification
        }
        ContactRoutes.register(&router, context)
        ApplicationRoutes.register(&router, context)
        EventRoutes.register(&router, context)
        AgendaRoutes.register(&router, context)
        DataRoutes.register(&router, context)
        OperationsRoutes.register(&router, context)
        ChannelRoutes.register(&router, context)
        DeliveryRoutes.register(&router, context)
        SnoozeRoutes.register(&router, context)
        LinkRoutes.register(&router, context)
        TimeZoneRoutes.register(&router)
        PageRoutes.register(&router)
        // Without a token there is nothing to check: no guard, so a request costs nothing for it.
        if context.token != nil {
            router.guardRoute = { [context] request, route in
                try Auth.check(request, pattern: route.pattern, token: context.token) { context.settings.feedToken }
            }
        }
        return router
    }
}
