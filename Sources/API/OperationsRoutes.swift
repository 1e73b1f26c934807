import HTTP
import Store

/// `/readyz`, `/metrics` and the feed token's rotation.
enum OperationsRoutes {
    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/readyz") { request in
            var response: Response
            do {
                _ = try context.read(request) { db in try db.queryOne("SELECT 1") }
                response = Response.json("{\"status\":\"ready\"}")
            } catch {
                response = Problem(status: 503, detail: "The database does not answer.").response
            }
            response.headers.add(name: "Cache-Control", value: "no-store")
            return response
        }
        router.add("GET", "/metrics") { _ in
            var response = Response(
                status: 200, contentType: "text/plain; version=0.0.4; charset=utf-8",
                body: Array(context.metrics.render().utf8))
            response.headers.add(name: "Cache-Control", value: "no-store")
            return response
        }
        router.add("POST", "/v1/settings/feed-token", rotateFeedToken(context))
    }

    /// A new feed token; the old one stops working once the change is committed.
    static func rotateFeedToken(_ context: APIContext) -> Handler {
        .deferred { _, responder in
            let token = SettingsCodec.randomToken()
            context.store.writer.submit({ db -> APIContext.SettingsSnapshot in
                var next = try SettingsCodec.loadOrCreate(db)
                next.feedToken = token
                try db.writeSettings([SettingsCodec.feedToken: JSON(token).serialized()])
                return next
            }) { result in
                responder.respond(
                    result.map { next in
                        context.replaceSettings(next)
                        var response = JSONResponse.make(["feed_token": JSON(next.feedToken)])
                        response.headers.set(name: "Cache-Control", value: "no-store")
                        return response
                    })
            }
        }
    }
}
