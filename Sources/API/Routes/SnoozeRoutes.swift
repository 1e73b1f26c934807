import Guidance
import HTTP
import JSON
import Store
import Time

/// `/v1/agenda/snoozes`: agenda items hidden until a time, from the agenda, its calendar feed and the reminders.
/// A snooze names an item by its application, action and contact, so it hides that item whenever it falls due
/// until then; it never changes what the guidance says of an event.
enum SnoozeRoutes {
    static let writable: Set<String> = ["application_id", "action", "contact_id", "until"]
    static let readOnly: Set<String> = ["id", "created_at"]
    static let actions = AgendaAction.allCases.map(\.rawValue)
    /// How far ahead a snooze may reach: a year, as far as the agenda looks.
    static let longestDays: Int64 = 365

    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/v1/agenda/snoozes") { request in try list(request, context) }
        router.add(
            "POST", "/v1/agenda/snoozes", context.write { request in try create(request, context) },
            admit: RequestBody.admitJSON)
        router.add("GET", "/v1/agenda/snoozes/:id") { request in try get(request, context) }
        router.add("DELETE", "/v1/agenda/snoozes/:id", context.write { request in try delete(request, context) })
    }

    static func json(_ s: SnoozeRecord) -> JSON {
        [
            "id": JSON(s.id), "application_id": JSON(s.applicationId), "action": JSON(s.action),
            "contact_id": JSON(s.contactId), "until": JSON(Instant(millis: s.until).rfc3339),
            "created_at": JSON(Instant(millis: s.createdAt).rfc3339),
        ]
    }

    static func etag(_ s: SnoozeRecord) -> String { ETag.resource("snooze", id: s.id, version: 1) }

    /// A new snooze's fields: malformed members (400), then an `until` not in the future or more than a year
    /// ahead of `now` (422).
    static func fields(from object: JSONObject, now: Instant) throws(APIError) -> SnoozeFields {
        var reader = FieldReader(object, allowed: writable, readOnly: readOnly)
        let applicationId = reader.id("application_id", required: true)
        let action = reader.choice("action", actions, required: true)
        let contactId = reader.id("contact_id")
        let until = reader.timestamp("until", required: true)
        try reader.finish()
        guard let applicationId, let action, let until else { throw .invalid([FieldError("body", "is incomplete")]) }
        if until <= now {
            throw .unprocessable([FieldError("until", "must be in the future (it is \(now.rfc3339) now)")])
        }
        if until > now.adding(days: Int(longestDays)) {
            throw .unprocessable([FieldError("until", "must be at most \(longestDays) days ahead")])
        }
        return SnoozeFields(applicationId: applicationId, action: action, contactId: contactId, until: until.millis)
    }

    /// The snoozes active now (those whose `until` has passed hide nothing and are not listed), by id.
    static func list(_ request: Request, _ context: APIContext) throws -> Response {
        let paging = try Pagination.parse(request, cursorKeys: 1)
        let now = context.now()
        let page = try context.read { reading in
            try reading.snoozes(
                after: paging.cursor.map { IDCursor(lastId: $0[0]) }, limit: paging.limit, activeAt: now.millis)
        }
        let next = page.nextCursor.map { Cursor.encode([$0.lastId]) }
        return JSONResponse.getHashed(request, Pagination.page(page.items.map(json), next: next))
    }

    static func get(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        guard let snooze = try context.read({ try $0.snooze(id: id) }) else { throw notFound(id) }
        return JSONResponse.get(request, json(snooze), etag: etag(snooze))
    }

    static func create(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let now = context.now()
        let fields = try fields(from: RequestBody.object(request), now: now)
        let claim = try Idempotency.claim(request)
        return { transaction in
            try Idempotency.run(&transaction, claim: claim, now: now) { transaction in
                try checkReferences(fields, transaction)
                let snooze = try transaction.insertSnooze(fields, now: now.millis)
                return APIContext.Written(
                    JSONResponse.make(
                        json(snooze), status: 201, etag: etag(snooze),
                        headers: [("Location", "/v1/agenda/snoozes/\(snooze.id)")]))
            }
        }
    }

    /// The application and the contact a snooze names must exist (422 naming the field otherwise).
    static func checkReferences(_ fields: SnoozeFields, _ reading: some StoreReading) throws {
        var errors: [FieldError] = []
        if try reading.application(id: fields.applicationId) == nil {
            errors.append(FieldError("application_id", "no application has id \(fields.applicationId)"))
        }
        if let contactId = fields.contactId, try reading.contacts(ids: [contactId]).isEmpty {
            errors.append(FieldError("contact_id", "no contact has id \(contactId)"))
        }
        if !errors.isEmpty { throw APIError.unprocessable(errors) }
    }

    static func delete(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let id = try PathID.parse(request, "id")
        return { transaction in
            guard let current = try transaction.snooze(id: id) else { throw notFound(id) }
            try Preconditions.check(request, etag: etag(current))
            guard try transaction.deleteSnooze(id: id) != nil else { throw notFound(id) }
            return APIContext.Written(JSONResponse.noContent())
        }
    }

    static func notFound(_ id: Int64) -> APIError { .notFound("No snooze has id \(id).") }
}
