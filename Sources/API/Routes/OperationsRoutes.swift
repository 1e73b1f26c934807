import HTTP
import JSON
import Store

/// `/readyz`, `/metrics` and the feed token's rotation.
enum OperationsRoutes {
    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/readyz") { request in
            var response: Response
            do {
                _ = try context.read { db in try db.queryOne("SELECT 1") }
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
        router.add(
            "POST", "/v1/settings/feed-token", rotateFeedToken(context), admit: RequestBody.admitNothingOrJSON)
    }

    /// A new feed token; the old one stops working once the change is committed. The request takes no
    /// fields, and a retry with the same `Idempotency-Key` gets the token the first one made.
    static func rotateFeedToken(_ context: APIContext) -> Handler {
        .deferred { request, responder in
            let claim: IdempotencyClaim?
            do {
                try RequestBody.nothing(request)
                claim = try Idempotency.claim(request)
            } catch {
                responder.fail(error)
                return
            }
            let token = SettingsCodec.randomToken()
            let now = context.now()
            context.store.writer.submit({ db -> (Response, APIContext.SettingsSnapshot?) in
                var rotated: APIContext.SettingsSnapshot?
                let written = try Idempotency.run(db, claim: claim, now: now) {
                    var next = try SettingsCodec.loadOrCreate(db)
                    next.feedToken = token
                    try db.writeSettings([SettingsCodec.feedToken: JSON(token).serialized()])
                    rotated = next
                    var response = JSONResponse.make(["feed_token": JSON(token)])
                    response.headers.set(name: "Cache-Control", value: "no-store")
                    return APIContext.Written(response, changes: .none)
                }
                return (written.response, rotated)
            }) { result in
                responder.respond(
                    result.map { response, rotated in
                        if let rotated { context.replaceSettings(rotated) }
                        return response
                    })
            }
        }
    }
}
