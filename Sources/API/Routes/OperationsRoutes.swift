import HTTP
import JSON
import Store

/// `/readyz`, `/metrics` and the feed token's rotation.
enum OperationsRoutes {
    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/readyz") { request in
            var response: Response
            do {
                try context.read { reading in try reading.ping() }
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
            context.submit({ transaction in
                try Idempotency.run(&transaction, claim: claim, now: now) { transaction in
                    var next = try SettingsCodec.loadOrCreate(&transaction)
                    next.feedToken = token
                    try transaction.writeSettings([SettingsCodec.feedToken: JSON(token).serialized()])
                    var response = JSONResponse.make(["feed_token": JSON(token)])
                    response.headers.set(name: "Cache-Control", value: "no-store")
                    return APIContext.Written(response, settings: next)
                }
            }) { result in
                responder.respond(result.map(\.response))
            }
        }
    }
}
