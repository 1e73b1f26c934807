import Foundation
import Guidance
import HTTP
import JSON
import Store
import Time

/// `/v1/agenda`, `/v1/guidance` and `/v1/settings`: what is due, the rules, and their parameters.
enum AgendaRoutes {
    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/v1/agenda") { request in try agenda(request, context) }
        router.add("GET", "/v1/guidance") { request in
            JSONResponse.getHashed(request, GuidanceJSON.rules(context.settings.guidance))
        }
        router.add("GET", "/v1/settings") { request in
            var response = JSONResponse.getHashed(request, SettingsCodec.document(context.settings))
            // The settings hold the calendar feed's token: nothing may keep a copy (RFC 9111 §5.2.2.5).
            response.headers.set(name: "Cache-Control", value: "no-store")
            return response
        }
        router.add("PUT", "/v1/settings", putSettings(context), admit: RequestBody.admitJSON)
    }

    /// The agenda's query: `as_of` (default now) and `horizon_days` (0–365, default 14).
    static func window(_ request: Request, now: Instant) throws(APIError) -> (asOf: Instant, horizon: Int) {
        let asOf = try ApplicationRoutes.asOf(request, default: now)
        var horizon = 14
        if let text = request.query("horizon_days") {
            guard let value = Int(text), (0...365).contains(value) else {
                throw .badQuery(FieldError("horizon_days", "must be a whole number from 0 to 365"))
            }
            horizon = value
        }
        return (asOf, horizon)
    }

    /// The agenda without the items snoozed at `as_of`, or with them and their `snoozed_until` when
    /// `include_snoozed` is true.
    static func agenda(_ request: Request, _ context: APIContext) throws -> Response {
        let (asOf, horizon) = try window(request, now: context.now())
        let includeSnoozed = try flag(request, "include_snoozed")
        let snoozes = try context.read { reading in try SnoozeFilter.active(at: asOf, reading) }
        let body = try AgendaComputation.document(
            chunks: { each in try context.forEachFactsPart { each($0) } }, engine: context.engine,
            asOf: asOf, horizonDays: horizon, snoozes: snoozes, includeSnoozed: includeSnoozed)
        return JSONResponse.getHashed(request, bytes: body)
    }

    /// A boolean query parameter: `true` or `false`, false when absent.
    static func flag(_ request: Request, _ name: String) throws(APIError) -> Bool {
        guard let text = request.query(name) else { return false }
        switch text {
        case "true": return true
        case "false": return false
        default: throw .badQuery(FieldError(name, "must be true or false"))
        }
    }

    /// PUT merges over the stored settings (the quiet hours too) inside the writer's transaction, and the
    /// in-memory copy the checks and the reminders read is replaced only once that commit is durable.
    static func putSettings(_ context: APIContext) -> Handler {
        .deferred { request, responder in
            let object: JSONObject
            do {
                object = try RequestBody.object(request)
            } catch {
                responder.fail(error)
                return
            }
            context.submit({ transaction in
                let stored = try SettingsCodec.loadOrCreate(&transaction)
                let next = try SettingsCodec.applyPut(object, to: stored)
                try transaction.writeSettings(SettingsCodec.rows(next))
                if next.quietHours != stored.quietHours { try transaction.writeQuietHours(next.quietHours) }
                var bytes: [UInt8] = []
                SettingsCodec.document(next).write(into: &bytes)
                var response = Response(status: 200, contentType: "application/json", body: bytes)
                response.headers.add(name: "ETag", value: ETag.body(bytes))
                response.headers.add(name: "Cache-Control", value: "no-store")
                return APIContext.Written(response, settings: next)
            }) { result in
                responder.respond(result.map(\.response))
            }
        }
    }
}
