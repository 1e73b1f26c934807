import HTTP
import JSON
import Reminders
import Store
import Time

/// `/v1/channels`: where the reminders of the agenda go (a webhook, an ntfy topic, a Gotify server, an Apprise
/// API), and how (one message per item, or a daily digest).
enum ChannelRoutes {
    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/v1/channels") { request in try list(request, context) }
        router.add(
            "POST", "/v1/channels", context.write { request in try create(request, context) },
            admit: RequestBody.admitJSON)
        router.add("GET", "/v1/channels/:id") { request in try get(request, context) }
        router.add(
            "PATCH", "/v1/channels/:id", context.write { request in try patch(request, context) },
            admit: RequestBody.admitJSON)
        router.add("DELETE", "/v1/channels/:id", context.write(.unbounded) { request in try delete(request, context) })
        router.add(
            "POST", "/v1/channels/:id/secret", context.write { request in try rotateSecret(request, context) },
            admit: RequestBody.admitNothingOrJSON)
        router.add("POST", "/v1/channels/:id/test", test(context), admit: RequestBody.admitNothingOrJSON)
    }

    /// A channel as every answer shows it: never its token, and its secret only where `secret` is given (the
    /// create and rotate answers).
    static func json(_ c: ChannelRecord, secret: String? = nil) -> JSON {
        var object: JSONObject = [
            "id": JSON(c.id), "name": JSON(c.name), "kind": JSON(c.kind.rawValue), "url": JSON(c.url),
            "enabled": JSON(c.enabled), "disabled_reason": JSON(c.disabledReason), "mode": JSON(c.mode.rawValue),
            "digest_at": JSON(c.digestAt), "actions": JSON(c.actions),
            "created_at": JSON(Instant(millis: c.createdAt).rfc3339),
            "updated_at": JSON(Instant(millis: c.updatedAt).rfc3339),
        ]
        if let secret { object["secret"] = JSON(secret) }
        return .object(object)
    }

    static func etag(_ c: ChannelRecord) -> String { ETag.resource("channel", id: c.id, version: c.version) }

    static func list(_ request: Request, _ context: APIContext) throws -> Response {
        let paging = try Pagination.parse(request, cursorKeys: 1)
        let page = try context.read { reading in
            try reading.channels(after: paging.cursor.map { IDCursor(lastId: $0[0]) }, limit: paging.limit)
        }
        let next = page.nextCursor.map { Cursor.encode([$0.lastId]) }
        return JSONResponse.getHashed(request, Pagination.page(page.items.map { json($0) }, next: next))
    }

    static func get(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        guard let channel = try context.read({ try $0.channel(id: id) }) else { throw notFound(id) }
        return JSONResponse.get(request, json(channel), etag: etag(channel))
    }

    /// A new channel, with the baseline marks of every item already due in the same transaction: a channel starts
    /// from the agenda as it is, and sends only what falls due (or first appears) after it was made. The items
    /// are found before the transaction, off the writer; one a write makes due meanwhile is then a new item to
    /// the channel, which is what it is.
    static func create(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        var fields = try ChannelInput(RequestBody.object(request)).fields
        if fields.kind == .webhook, fields.secret == nil { fields.secret = WebhookSecret.generate() }
        let claim = try Idempotency.claim(request)
        let now = context.now()
        let reached = try context.reminderItems(of: nil, asOf: now, horizonDays: 0, includingSnoozed: true)
            .flatMap { $0.phasesReached(at: now) }
        let made = fields
        return { transaction in
            try Idempotency.run(&transaction, claim: claim, now: now) { transaction in
                guard try transaction.allChannels().count < ChannelInput.maxChannels else {
                    throw APIError.conflict(
                        "There are \(ChannelInput.maxChannels) channels already, the most kept; delete one first.")
                }
                let channel = try transaction.insertChannel(made, now: now.millis)
                try transaction.insertBaselineMarks(channelId: channel.id, reached, now: now.millis)
                var response = JSONResponse.make(
                    json(channel, secret: channel.secret), status: 201, etag: etag(channel),
                    headers: [("Location", "/v1/channels/\(channel.id)")])
                // The answer holds the signing secret: nothing may keep a copy (RFC 9111 §5.2.2.5).
                if channel.secret != nil { response.headers.set(name: "Cache-Control", value: "no-store") }
                return APIContext.Written(response).telling(.everything)
            }
        }
    }

    static func patch(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let id = try PathID.parse(request, "id")
        let body = try RequestBody.object(request)
        let now = context.now()
        return { transaction in
            guard let current = try transaction.channel(id: id) else { throw notFound(id) }
            try Preconditions.check(request, etag: etag(current))
            // As for contacts: the patch's own member names first, since a member patched to null disappears.
            try FieldReader(body, allowed: ChannelInput.writable, readOnly: ChannelInput.readOnly).finish()
            let merged = MergePatch.patched(json(current), with: body, readOnly: ChannelInput.readOnly)
            let fields = try ChannelInput(merged, patch: body, current: current).fields
            switch try transaction.updateChannel(id: id, fields, expectedVersion: current.version, now: now.millis) {
            case .done(let channel):
                // Enabled again, its waiting deliveries are due: the sender looks.
                return APIContext.Written(JSONResponse.make(json(channel), etag: etag(channel)))
                    .telling(.everything, outbox: channel.enabled && !current.enabled)
            case .notFound: throw notFound(id)
            case .versionMismatch: throw changedMeanwhile
            }
        }
    }

    static func delete(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let id = try PathID.parse(request, "id")
        return { transaction in
            guard let current = try transaction.channel(id: id) else { throw notFound(id) }
            try Preconditions.check(request, etag: etag(current))
            switch try transaction.deleteChannel(id: id, expectedVersion: current.version) {
            case .done: return APIContext.Written(JSONResponse.noContent()).telling(.everything)
            case .notFound: throw notFound(id)
            case .versionMismatch: throw changedMeanwhile
            }
        }
    }

    static let changedMeanwhile = APIError.preconditionFailed("The channel changed meanwhile; fetch it again.")

    static func notFound(_ id: Int64) -> APIError { .notFound("No channel has id \(id).") }
}
