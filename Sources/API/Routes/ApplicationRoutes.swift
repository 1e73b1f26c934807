import Guidance
import HTTP
import JSON
import Store
import Time

/// `/v1/applications`: candidacies, with the next thing to do on each.
enum ApplicationRoutes {
    static let routes = Route.allCases.map(\.rawValue)
    static let statuses = ApplicationStatus.allCases.map(\.rawValue)
    static let writable: Set<String> = [
        "employer", "position", "route", "recruiter_id", "direct_contact_permitted", "status", "notes",
    ]
    static let readOnly: Set<String> = ["id", "created_at", "updated_at", "next_action", "unanswered_follow_ups"]

    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/v1/applications") { request in try list(request, context) }
        router.add(
            "POST", "/v1/applications", context.write { request in try create(request, context) },
            admit: RequestBody.admitJSON)
        router.add("GET", "/v1/applications/:id") { request in try get(request, context) }
        router.add(
            "PATCH", "/v1/applications/:id", context.write { request in try patch(request, context) },
            admit: RequestBody.admitJSON)
        router.add(
            "DELETE", "/v1/applications/:id", context.write(.unbounded) { request in try delete(request, context) })
    }

    static func etag(_ a: ApplicationRecord) -> String { ETag.resource("application", id: a.id, version: a.version) }

    /// The stored fields, without what the guidance adds.
    static func baseJSON(_ a: ApplicationRecord) -> JSONObject {
        [
            "id": JSON(a.id), "employer": JSON(a.employer), "position": JSON(a.position), "route": JSON(a.route),
            "recruiter_id": JSON(a.recruiterId), "direct_contact_permitted": JSON(a.directContactPermitted),
            "status": JSON(a.status), "notes": JSON(a.notes), "created_at": JSON(Instant(millis: a.createdAt).rfc3339),
            "updated_at": JSON(Instant(millis: a.updatedAt).rfc3339),
        ]
    }

    /// The full representation: stored fields, `next_action` and `unanswered_follow_ups` as of a time.
    static func json(_ timeline: ApplicationTimeline, statuses: [Int64: String], engine: GuidanceEngine, asOf: Instant)
        throws -> JSON
    {
        json(
            timeline.application, facts: try Facts.application(timeline, statuses: statuses), engine: engine, asOf: asOf
        )
    }

    static func json(_ application: ApplicationRecord, facts: ApplicationFacts, engine: GuidanceEngine, asOf: Instant)
        -> JSON
    {
        var object = baseJSON(application)
        object["next_action"] = engine.nextAction(for: facts, asOf: asOf).map(GuidanceJSON.agendaItem) ?? .null
        object["unanswered_follow_ups"] = JSON(engine.unansweredFollowUps(in: facts, asOf: asOf))
        return .object(object)
    }

    /// The fields of a new application, or of a patched one (`patched`): there a recruiter route left without a
    /// recruiter depends on what is stored as much as on the request, so it is 422 rather than 400.
    static func fields(from object: JSONObject, patched: Bool = false) throws(APIError) -> ApplicationFields {
        var reader = FieldReader(object, allowed: writable, readOnly: readOnly)
        let route = reader.choice("route", routes, required: true)
        let recruiter = reader.id("recruiter_id")
        var missingRecruiter: FieldError?
        if let route, Route(rawValue: route)?.requiresRecruiter == true, recruiter == nil,
            object["recruiter_id"] == nil
                || object["recruiter_id"] == .null
        {
            let error = FieldError("recruiter_id", "is required when the route is \(route)")
            if patched { missingRecruiter = error } else { reader.fail(error.field, error.message) }
        }
        let fields = ApplicationFields(
            employer: reader.string("employer", max: Limits.name),
            position: reader.string("position", max: Limits.name),
            route: route ?? "", recruiterId: recruiter,
            directContactPermitted: reader.bool("direct_contact_permitted") ?? false,
            status: reader.choice("status", statuses) ?? ApplicationStatus.active.rawValue,
            notes: reader.string("notes", max: Limits.note))
        try reader.finish()
        if let missingRecruiter { throw .unprocessable([missingRecruiter]) }
        return fields
    }

    /// Referenced ids must exist (422 otherwise).
    static func checkReferences(_ fields: ApplicationFields, _ reading: some StoreReading) throws {
        if let id = fields.recruiterId, try reading.contact(id: id) == nil {
            throw APIError.unprocessable([FieldError("recruiter_id", "no contact has id \(id)")])
        }
    }

    static func asOf(_ request: Request, default now: Instant) throws(APIError) -> Instant {
        guard let text = request.query("as_of") else { return now }
        guard let instant = Instant(rfc3339: text) else {
            throw .badQuery(FieldError("as_of", Timestamp.expected))
        }
        return instant
    }

    static func represent(
        _ reading: some StoreReading, _ timelines: [ApplicationTimeline], context: APIContext, asOf: Instant
    ) throws -> [JSON] {
        let others = Set(timelines.flatMap(Facts.otherApplicationIds))
        let statuses = others.isEmpty ? [:] : try reading.statuses(ofApplications: others)
        let engine = context.engine
        return try timelines.map { try json($0, statuses: statuses, engine: engine, asOf: asOf) }
    }

    static func list(_ request: Request, _ context: APIContext) throws -> Response {
        let paging = try Pagination.parse(request, cursorKeys: 1)
        var filter = ApplicationFilter()
        filter.status = try queryChoice(request, "status", statuses)
        filter.route = try queryChoice(request, "route", routes)
        if let text = request.query("recruiter_id") {
            guard let id = Int64(text), id > 0 else {
                throw APIError.badQuery(FieldError("recruiter_id", "must be a positive integer id"))
            }
            filter.recruiterId = id
        }
        if let q = request.query("q") {
            guard q.unicodeScalars.count <= Limits.query else {
                throw APIError.badQuery(FieldError("q", "must be at most \(Limits.query) characters"))
            }
            filter.text = q
        }
        let at = try asOf(request, default: context.now())
        let body = try context.read { reading -> JSON in
            let page = try reading.applications(
                matching: filter, after: paging.cursor.map { IDCursor(lastId: $0[0]) }, limit: paging.limit)
            let timelines = try reading.timelines(ofApplications: page.items.map(\.id))
            let items = try represent(reading, timelines, context: context, asOf: at)
            return Pagination.page(items, next: page.nextCursor.map { Cursor.encode([$0.lastId]) })
        }
        return JSONResponse.getHashed(request, body)
    }

    static func queryChoice(_ request: Request, _ name: String, _ allowed: [String]) throws(APIError) -> String? {
        guard let value = request.query(name) else { return nil }
        guard allowed.contains(value) else {
            throw .badQuery(FieldError(name, "must be one of: " + allowed.joined(separator: ", ")))
        }
        return value
    }

    static func get(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        let date = try asOf(request, default: context.now())
        let (engine, generation) = context.versionedEngine
        let body: [UInt8]
        let tag: String
        if let kept = context.timelines.representation(id, settings: generation, asOf: date) {
            (body, tag) = (kept.body, kept.etag)
        } else {
            guard let entry = try context.timeline(id) else { throw notFound(id) }
            let next = engine.nextAction(for: entry.facts, asOf: date)
            body = AgendaWriter.application(
                storedJSON: entry.storedJSON, next: next,
                unanswered: engine.unansweredFollowUps(in: entry.facts, asOf: date))
            // The tag names the stored version; next_action also moves with time and settings, so the
            // representation's hash is part of it.
            let stored = etag(entry.application)
            tag = "\"" + stored.dropFirst().dropLast() + "-" + ETag.body(body).dropFirst().dropLast() + "\""
            // Kept for the instants at which the guidance would say the same.
            if let span = engine.nextActionSpan(for: entry.facts, asOf: date, next: next) {
                context.timelines.keep(
                    TimelineCache.Representation(
                        body: body, etag: tag, span: span, settings: generation, token: entry.token),
                    of: id)
            }
        }
        if ETag.noneMatchHits(request, tag: tag) { return JSONResponse.notModified(tag) }
        var response = Response(status: 200, contentType: "application/json", body: body)
        response.headers.add(name: "Cache-Control", value: JSONResponse.dataCaching)
        response.headers.add(name: "ETag", value: tag)
        return response
    }

    static func created(
        _ reading: some StoreReading, _ record: ApplicationRecord, context: APIContext, now: Instant, status: Int
    ) throws -> Response {
        let timeline = ApplicationTimeline(
            application: record, events: try reading.allEvents(ofApplication: record.id),
            contacts: try reading.contacts(ids: [record.recruiterId].compactMap { $0 }))
        let body = try represent(reading, [timeline], context: context, asOf: now)[0]
        var headers: [(String, String)] = []
        if status == 201 { headers.append(("Location", "/v1/applications/\(record.id)")) }
        return JSONResponse.make(body, status: status, etag: etag(record), headers: headers)
    }

    static func create(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let fields = try fields(from: RequestBody.object(request))
        let claim = try Idempotency.claim(request)
        let now = context.now()
        return { transaction in
            try Idempotency.run(&transaction, claim: claim, now: now) { transaction in
                try checkReferences(fields, transaction)
                let record = try transaction.insertApplication(fields, now: now.millis)
                return APIContext.Written(try created(transaction, record, context: context, now: now, status: 201))
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
            guard let current = try transaction.application(id: id) else { throw notFound(id) }
            try Preconditions.check(request, etag: etag(current))
            // RFC 7396 §2 turns a member patched to null into a removal, which would let an unknown or read-only
            // name through unnoticed, and would quietly put back the default of a member that has no empty
            // state; so the patch's own members are checked first.
            var members = FieldReader(body, allowed: writable, readOnly: readOnly)
            for key in ["route", "status", "direct_contact_permitted"] where body[key] == .null {
                members.fail(key, "cannot be cleared")
            }
            try members.finish()
            let base = JSON.object(baseJSON(current))
            let merged = MergePatch.patched(base, with: body, readOnly: readOnly)
            let fields = try fields(from: merged, patched: true)
            try checkReferences(fields, transaction)
            switch try transaction.updateApplication(id: id, fields, expectedVersion: current.version, now: now.millis)
            {
            case .done(let record):
                return APIContext.Written(try created(transaction, record, context: context, now: now, status: 200))
            case .notFound: throw notFound(id)
            case .versionMismatch:
                throw APIError.preconditionFailed("The application changed meanwhile; fetch it again.")
            }
        }
    }

    static func delete(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let id = try PathID.parse(request, "id")
        return { transaction in
            guard let current = try transaction.application(id: id) else { throw notFound(id) }
            try Preconditions.check(request, etag: etag(current))
            switch try transaction.deleteApplication(id: id, expectedVersion: current.version) {
            case .done: return APIContext.Written(JSONResponse.noContent())
            case .notFound: throw notFound(id)
            case .versionMismatch:
                throw APIError.preconditionFailed("The application changed meanwhile; fetch it again.")
            }
        }
    }

    static func notFound(_ id: Int64) -> APIError { .notFound("No application has id \(id).") }
}
