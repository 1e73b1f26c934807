import HTTP

/// The service's routes.
public enum Routes {
    static let health = Response.json("{\"status\":\"ok\"}")

    public static func make() -> Router {
        var router = Router()
        router.add("GET", "/healthz") { _ in
            var response = health
            response.headers.add(name: "Cache-Control", value: "no-store")
            return response
        }
        return router
    }
}
