import HTTP
import JSON
import Store
import Time

/// `/v1/deliveries`: the outbox and its log, every message queued for a channel and what came of it, newest
/// first; a failed or given-up one can be sent again.
enum DeliveryRoutes {
    static let statuses = DeliveryStatus.allCases.map(\.rawValue)
    static let statusesByName = Dictionary(uniqueKeysWithValues: DeliveryStatus.allCases.map { ($0.rawValue, $0) })

    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/v1/deliveries") { request in try list(request, context) }
        router.add("GET", "/v1/deliveries/:id") { request in try get(request, context) }
        router.add(
            "POST", "/v1/deliveries/:id/retry", context.write { request in try retry(request, context) },
            admit: RequestBody.admitNothingOrJSON)
    }

    /// A delivery as the routes show it. `item` is the agenda item the message is about as it was when queued
    /// (with its key, application and contact), without its one-tap links: each is a credential for its action,
    /// for the seeker's own devices, not for whatever reads this log. Null for a digest or a test.
    static func json(_ d: DeliveryRecord) -> JSON {
        [
            "id": JSON(d.id), "channel_id": JSON(d.channelId), "message_id": JSON(d.messageId),
            "type": JSON(d.type.rawValue), "item": item(of: d), "status": JSON(d.status.rawValue),
            "attempts": JSON(d.attempts), "last_status": JSON(d.lastStatus), "last_error": JSON(d.lastError),
            "next_attempt_at": JSON(d.nextAttemptAt.map { Instant(millis: $0).rfc3339 }),
            "created_at": JSON(Instant(millis: d.createdAt).rfc3339),
            "delivered_at": JSON(d.deliveredAt.map { Instant(millis: $0).rfc3339 }),
        ]
    }

    /// The item of an item message, read from the data it was queued with; null for other messages, and for a
    /// body that is not a JSON object (which the service never writes).
    static func item(of d: DeliveryRecord) -> JSON {
        guard d.type == .itemDue || d.type == .itemOverdue,
            case .object(var object)? = try? JSONParser.parse(Array(d.body.utf8))
        else { return .null }
        object["links"] = nil
        return .object(object)
    }

    /// `?channel_id=` and `?status=`: a malformed value is 400; a channel that does not exist matches nothing.
    static func filter(_ request: Request) throws(APIError) -> DeliveryFilter {
        var filter = DeliveryFilter()
        if let text = request.query("channel_id") {
            guard let id = Int64(text), id > 0 else {
                throw .badQuery(FieldError("channel_id", "must be a positive integer id"))
            }
            filter.channelId = id
        }
        if let text = request.query("status") {
            guard let status = statusesByName[text] else {
                throw .badQuery(FieldError("status", "must be one of: " + statuses.joined(separator: ", ")))
            }
            filter.status = status
        }
        return filter
    }

    static func list(_ request: Request, _ context: APIContext) throws -> Response {
        let filter = try filter(request)
        let paging = try Pagination.parse(request, cursorKeys: 1)
        let page = try context.read { reading in
            try reading.deliveries(
                matching: filter, after: paging.cursor.map { IDCursor(lastId: $0[0]) }, limit: paging.limit)
        }
        let next = page.nextCursor.map { Cursor.encode([$0.lastId]) }
        return JSONResponse.getHashed(request, Pagination.page(page.items.map(json), next: next))
    }

    /// One delivery, tagged by the hash of its representation: it has no version, and changes with each attempt.
    static func get(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        guard let delivery = try context.read({ try $0.delivery(id: id) }) else { throw notFound(id) }
        return JSONResponse.getHashed(request, json(delivery))
    }

    /// Makes a `failed` or `gave_up` delivery pending again, due now, with the same message id (a receiver that
    /// got it before can tell), and wakes the sender once that is committed. One `pending` or `delivered` is 409.
    static func retry(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let id = try PathID.parse(request, "id")
        try RequestBody.nothing(request)
        let claim = try Idempotency.claim(request)
        let now = context.now()
        return { transaction in
            try Idempotency.run(&transaction, claim: claim, now: now) { transaction in
                switch try transaction.retryDelivery(id: id, now: now.millis) {
                case .retried(let delivery):
                    return APIContext.Written(JSONResponse.make(json(delivery))).telling(.none, outbox: true)
                case .notFound:
                    throw notFound(id)
                case .refused(let current):
                    throw APIError.conflict(
                        "Delivery \(id) is \(current.rawValue); only a failed or gave_up delivery can be sent again.")
                }
            }
        }
    }

    static func notFound(_ id: Int64) -> APIError { .notFound("No delivery has id \(id).") }
}
