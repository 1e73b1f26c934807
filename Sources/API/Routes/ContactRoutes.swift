import HTTP
import JSON
import Store
import Time

/// `/v1/contacts`: the people met along the way.
enum ContactRoutes {
    static let roles = ["recruiter", "interviewer", "hiring_manager", "referral", "other"]
    static let writable: Set<String> = ["name", "title", "organization", "email", "phone", "role", "notes"]
    static let readOnly: Set<String> = ["id", "created_at", "updated_at"]

    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/v1/contacts") { request in try list(request, context) }
        router.add(
            "POST", "/v1/contacts", context.write { request in try create(request, context) },
            admit: RequestBody.admitJSON)
        router.add("GET", "/v1/contacts/:id") { request in try get(request, context) }
        router.add(
            "PATCH", "/v1/contacts/:id", context.write { request in try patch(request, context) },
            admit: RequestBody.admitJSON)
        router.add("DELETE", "/v1/contacts/:id", context.write { request in try delete(request, context) })
    }

    static func json(_ c: ContactRecord) -> JSON {
        [
            "id": JSON(c.id), "name": JSON(c.name), "title": JSON(c.title), "organization": JSON(c.organization),
            "email": JSON(c.email), "phone": JSON(c.phone), "role": JSON(c.role), "notes": JSON(c.notes),
            "created_at": JSON(Instant(millis: c.createdAt).rfc3339),
            "updated_at": JSON(Instant(millis: c.updatedAt).rfc3339),
        ]
    }

    static func etag(_ c: ContactRecord) -> String { ETag.resource("contact", id: c.id, version: c.version) }

    static func fields(from object: JSONObject) throws(APIError) -> ContactFields {
        var reader = FieldReader(object, allowed: writable, readOnly: readOnly)
        let name = reader.string("name", max: Limits.name, required: true)
        let fields = ContactFields(
            name: name ?? "", title: reader.string("title", max: Limits.name),
            organization: reader.string("organization", max: Limits.name),
            email: reader.string("email", max: Limits.name),
            phone: reader.string("phone", max: Limits.name), role: reader.choice("role", roles),
            notes: reader.string("notes", max: Limits.note))
        try reader.finish()
        return fields
    }

    static func list(_ request: Request, _ context: APIContext) throws -> Response {
        let paging = try Pagination.parse(request, cursorKeys: 1)
        let page = try context.read { reading in
            try reading.contacts(after: paging.cursor.map { IDCursor(lastId: $0[0]) }, limit: paging.limit)
        }
        let next = page.nextCursor.map { Cursor.encode([$0.lastId]) }
        return JSONResponse.getHashed(request, Pagination.page(page.items.map(json), next: next))
    }

    static func get(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        guard let contact = try context.read({ try $0.contact(id: id) }) else { throw notFound(id) }
        return JSONResponse.get(request, json(contact), etag: etag(contact))
    }

    static func create(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let fields = try fields(from: RequestBody.object(request))
        let claim = try Idempotency.claim(request)
        let now = context.now()
        return { transaction in
            try Idempotency.run(&transaction, claim: claim, now: now) { transaction in
                let contact = try transaction.insertContact(fields, now: now.millis)
                let response = JSONResponse.make(
                    json(contact), status: 201, etag: etag(contact),
                    headers: [("Location", "/v1/contacts/\(contact.id)")])
                return APIContext.Written(response)
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
            guard let current = try transaction.contact(id: id) else { throw notFound(id) }
            try Preconditions.check(request, etag: etag(current))
            // RFC 7396 §2 turns a member patched to null into a removal, which would let an unknown or read-only
            // name through unnoticed; so the patch's own member names are checked first.
            try FieldReader(body, allowed: writable, readOnly: readOnly).finish()
            let merged = MergePatch.patched(json(current), with: body, readOnly: readOnly)
            let fields = try fields(from: merged)
            switch try transaction.updateContact(id: id, fields, expectedVersion: current.version, now: now.millis) {
            case .done(let contact):
                return APIContext.Written(JSONResponse.make(json(contact), etag: etag(contact)))
            case .notFound: throw notFound(id)
            case .versionMismatch: throw APIError.preconditionFailed("The contact changed meanwhile; fetch it again.")
            }
        }
    }

    static func delete(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let id = try PathID.parse(request, "id")
        return { transaction in
            guard let current = try transaction.contact(id: id) else { throw notFound(id) }
            try Preconditions.check(request, etag: etag(current))
            let outcome: WriteOutcome<ContactRecord>
            do {
                outcome = try transaction.deleteContact(id: id, expectedVersion: current.version)
            } catch {
                guard case .referenced(let referrers)? = error as? StoreError else { throw error }
                throw referenced(id, by: referrers)
            }
            switch outcome {
            case .done: return APIContext.Written(JSONResponse.noContent())
            case .notFound: throw notFound(id)
            case .versionMismatch: throw APIError.preconditionFailed("The contact changed meanwhile; fetch it again.")
            }
        }
    }

    /// A delete refused while records name the contact: 409, each record named by its path.
    static func referenced(_ id: Int64, by referrers: ContactReferrers) -> APIError {
        var errors = referrers.applicationIds.map {
            FieldError("applications[\($0)].recruiter_id", "refers to this contact")
        }
        errors += referrers.events.map {
            FieldError("applications[\($0.applicationId)].events[\($0.eventId)].\($0.field)", "refers to this contact")
        }
        return .conflict(
            "Contact \(id) is still referenced by \(errors.count) record(s); change or delete them first.", errors)
    }

    static func notFound(_ id: Int64) -> APIError { .notFound("No contact has id \(id).") }
}
