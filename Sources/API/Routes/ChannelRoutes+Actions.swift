import HTTP
import JSON
import Reminders
import Store
import Time

extension ChannelRoutes {
    /// How long a replaced secret still signs: every message carries both signatures meanwhile, so that the
    /// receiver can move to the new one without losing any.
    static let previousSecretMilliseconds: Int64 = 24 * 3_600_000

    /// `POST /v1/channels/{id}/secret`: a new signing secret for a webhook channel, answered once, here. A retry
    /// with the same `Idempotency-Key` answers the secret the first request made.
    static func rotateSecret(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let id = try PathID.parse(request, "id")
        try RequestBody.nothing(request)
        let claim = try Idempotency.claim(request)
        let now = context.now()
        let secret = WebhookSecret.generate()
        return { transaction in
            try Idempotency.run(&transaction, claim: claim, now: now) { transaction in
                guard let current = try transaction.channel(id: id) else { throw notFound(id) }
                guard current.kind == .webhook else {
                    throw APIError.conflict(
                        "Channel \(id) is a \(current.kind.rawValue) channel; only webhook channels sign with a secret."
                    )
                }
                guard
                    let channel = try transaction.rotateChannelSecret(
                        id: id, to: secret, previousUntil: now.millis + previousSecretMilliseconds, now: now.millis)
                else { throw notFound(id) }
                var response = JSONResponse.make(json(channel, secret: secret), etag: etag(channel))
                response.headers.set(name: "Cache-Control", value: "no-store")
                return APIContext.Written(response).telling(.everything)
            }
        }
    }

    /// What a test answers in a service that runs without its reminders (none is ever sent): not delivered.
    static let notRunning = TestOutcome(
        delivered: false, status: nil, error: "the reminders are not running in this service", durationMillis: 0)

    /// `POST /v1/channels/{id}/test`: a `channel.test` message sent now, and what came of it, 200 whatever it was
    /// (the reminders log the attempt as a delivery). The send waits for the receiver, so it runs on a thread of
    /// `ChannelTestGate`, never on the event loop; the channel is read here first, on the loop's own reader.
    static func test(_ context: APIContext) -> Handler {
        .deferred { request, responder in
            do {
                let id = try PathID.parse(request, "id")
                try RequestBody.nothing(request)
                guard let channel = try context.read({ try $0.channel(id: id) }) else { throw notFound(id) }
                guard let reminders = context.reminders else {
                    responder.respond(answer(notRunning))
                    return
                }
                let started = context.channelTests.run { pass in
                    let response = answer(reminders.sendTest(to: channel))
                    pass.leave()
                    responder.respond(response)
                }
                guard started else {
                    throw APIError.busy(
                        "\(context.channelTests.limit) channel tests are waiting for their receivers already; "
                            + "try again once one is answered.")
                }
            } catch {
                responder.fail(error)
            }
        }
    }

    /// A test's outcome as the route answers it, never stored.
    static func answer(_ outcome: TestOutcome) -> Response {
        let body: JSON = [
            "delivered": JSON(outcome.delivered), "status": JSON(outcome.status.map(Int64.init)),
            "error": JSON(outcome.error), "duration_ms": JSON(Int64(max(0, outcome.durationMillis))),
        ]
        var response = JSONResponse.make(body)
        response.headers.set(name: "Cache-Control", value: "no-store")
        return response
    }
}
