import Foundation
import Guidance
import HTTP
import JSON
import Store
import Time

/// `/v1/applications/{id}/events` and `/check`: the timeline, and the guidance's verdict on each
/// contact the seeker makes or proposes.
enum EventRoutes {
    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/v1/applications/:id/events") { request in try list(request, context) }
        router.add(
            "POST", "/v1/applications/:id/events", context.write { request in try create(request, context) },
            admit: RequestBody.admitJSON)
        router.add("GET", "/v1/applications/:id/events/:event_id") { request in try get(request, context) }
        router.add(
            "DELETE", "/v1/applications/:id/events/:event_id",
            context.write { request in
                try delete(request, context)
            })
        router.add(
            "POST", "/v1/applications/:id/check", .immediate { request in try check(request, context) },
            admit: RequestBody.admitJSON)
    }

    static func etag(_ e: EventRecord) -> String { ETag.resource("event", id: e.id, version: 1) }

    static func list(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        let paging = try Pagination.parse(request, cursorKeys: 2)
        let body = try context.read { reading -> [UInt8] in
            guard try reading.application(id: id) != nil else { throw ApplicationRoutes.notFound(id) }
            let cursor = paging.cursor.map { EventCursor(occurredAt: $0[0], id: $0[1]) }
            let page = try reading.events(ofApplication: id, after: cursor, limit: paging.limit)
            let next = page.nextCursor.map { Cursor.encode([$0.occurredAt, $0.id]) }
            return Pagination.page(page.items, next: next) { event, out in write(event, into: &out) }
        }
        return JSONResponse.getHashed(request, bytes: body)
    }

    static func get(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        let eventId = try PathID.parse(request, "event_id")
        guard let event = try context.read({ try $0.event(applicationId: id, id: eventId) }) else {
            throw APIError.notFound("Application \(id) has no event with id \(eventId).")
        }
        var body: [UInt8] = []
        write(event, into: &body)
        return JSONResponse.get(request, bytes: body, etag: etag(event))
    }

    /// The contacts and the other application a proposal names that its timeline does not hold.
    static func missing(_ input: EventInput, _ entry: TimelineCache.Entry) -> (contacts: [Int64], other: Int64?) {
        // Most events (notes, a message to the usual recipient) name nobody: then nothing is allocated.
        var contacts: [Int64] = []
        func need(_ id: Int64?) {
            if let id, entry.contacts[id] == nil { contacts.append(id) }
        }
        need(input.fields.contactId)
        need(input.fields.followUpContactId)
        for id in input.fields.interviewerIds { need(id) }
        var other: Int64?
        if let id = input.fields.otherApplicationId, id != entry.application.id, entry.statuses[id] == nil {
            other = id
        }
        return (contacts, other)
    }

    /// Judges `input` against a timeline; `reading` supplies what the timeline does not hold (and
    /// confirms it exists). The result carries the timeline the judgement saw.
    static func judge(
        _ input: EventInput, _ entry: TimelineCache.Entry, _ reading: (some StoreReading)?, context: APIContext
    ) throws -> (CheckResult, TimelineCache.Entry) {
        var entry = entry
        let (contacts, other) = missing(input, entry)
        if let reading, !contacts.isEmpty || other != nil {
            let statuses = try other.map { try reading.statuses(ofApplications: [$0]) } ?? [:]
            entry = entry.knowing(contacts: try reading.contacts(ids: contacts), statuses: statuses)
        }
        let known = entry
        try input.checkReferences(
            applicationId: known.application.id, { known.contacts[$0] != nil },
            applicationExists: { known.statuses[$0] != nil })
        return (context.engine.check(input.proposal, in: known.facts), known)
    }

    /// Judges on an event loop: the reader is opened only when the proposal names someone or
    /// something the cached timeline does not hold, which is returned as `learned`.
    static func judgeOnLoop(_ input: EventInput, _ entry: TimelineCache.Entry, context: APIContext)
        throws -> (result: CheckResult, known: TimelineCache.Entry, learned: (contacts: [Int64], other: Int64?))
    {
        let learned = missing(input, entry)
        guard !learned.contacts.isEmpty || learned.other != nil else {
            let (result, known) = try judge(input, entry, nil as ReadTransaction?, context: context)
            return (result, known, learned)
        }
        let (result, known) = try context.read { reading in try judge(input, entry, reading, context: context) }
        return (result, known, learned)
    }

    /// Judges inside the writer's transaction, from what the database holds now.
    static func judge(
        _ input: EventInput, applicationId id: Int64, _ transaction: WriteTransaction, context: APIContext
    ) throws -> JudgedEvent {
        let token = context.timelines.token(id)
        guard let timeline = try transaction.applicationWithTimeline(id: id) else {
            throw ApplicationRoutes.notFound(id)
        }
        let others = Facts.otherApplicationIds(timeline)
        let statuses = others.isEmpty ? [:] : try transaction.statuses(ofApplications: others)
        let entry = try TimelineCache.Entry(timeline: timeline, statuses: statuses, token: token)
        let (result, known) = try judge(input, entry, transaction, context: context)
        return JudgedEvent(result, known, proposal: input.proposal, whole: true)
    }

    static func check(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        let input = try EventInput.parse(RequestBody.object(request))
        guard let entry = try context.timeline(id) else { throw ApplicationRoutes.notFound(id) }
        let (result, _, _) = try judgeOnLoop(input, entry, context: context)
        var response = JSONResponse.make(GuidanceJSON.check(result))
        response.headers.set(name: "Cache-Control", value: "no-store")
        return response
    }

    static func refusal(_ result: CheckResult) -> APIError {
        .refused(violations: GuidanceJSON.findings(result.violations), warnings: GuidanceJSON.findings(result.warnings))
    }

    /// The guidance judges a new event on the event loop, against the cached timeline; the writer
    /// only confirms that the timeline did not change since, nor what the judgement looked up beyond it
    /// (else it judges again inside its transaction), and stores the event. A retried request with an
    /// Idempotency-Key is judged in the writer alone, after its key is looked up, so a replay is never refused.
    static func create(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let id = try PathID.parse(request, "id")
        let input = try EventInput.parse(RequestBody.object(request))
        let claim = try Idempotency.claim(request)
        let now = context.now()
        var early: JudgedEvent?
        if claim == nil {
            guard let entry = try context.timeline(id) else { throw ApplicationRoutes.notFound(id) }
            let (result, known, learned) = try judgeOnLoop(input, entry, context: context)
            if !result.allowed && !input.force { throw refusal(result) }
            // Only a timeline that learned contacts or statuses for this proposal travels whole: the
            // cached one lacks them. Otherwise the job keeps no reference to the cached timeline, which
            // then grows in place once the write commits.
            let whole = !learned.contacts.isEmpty || learned.other != nil
            early = JudgedEvent(result, known, proposal: input.proposal, whole: whole, learned: learned)
        }
        let judgedEarly = early
        return { transaction in
            try Idempotency.run(&transaction, claim: claim, now: now) { transaction in
                let judged: JudgedEvent
                if let judgedEarly, context.timelines.isSettled(id, at: judgedEarly.judgement.token),
                    try judgedEarly.learnedStillHolds(in: transaction)
                {
                    judged = judgedEarly
                } else {
                    judged = try judge(input, applicationId: id, transaction, context: context)
                }
                if !judged.result.allowed && !input.force { throw refusal(judged.result) }
                return try store(input, judged, &transaction, now: now)
            }
        }
    }

    /// Stores a judged event, with its status side effect in the same transaction, and answers 201 with it.
    static func store(_ input: EventInput, _ judged: JudgedEvent, _ transaction: inout WriteTransaction, now: Instant)
        throws -> APIContext.Written
    {
        let event = try insert(input, judged, &transaction, now: now)
        let warnings = judged.result.warnings
        return APIContext.Written(
            building: {
                var body: [UInt8] = []
                body.reserveCapacity(512)
                write(event, warnings: warnings, into: &body)
                return JSONResponse.make(
                    body: body, status: 201, etag: etag(event),
                    headers: [("Location", location(of: event))])
            }, judgement: judged.judgement)
    }

    /// Stores a judged event (with what it broke, if forced) and its status side effect, and returns it.
    static func insert(_ input: EventInput, _ judged: JudgedEvent, _ transaction: inout WriteTransaction, now: Instant)
        throws -> EventRecord
    {
        let application = judged.application
        let id = application.id
        let result = judged.result
        var fields = input.fields
        fields.forced = !result.violations.isEmpty
        fields.violations = result.violations.map {
            StoredViolation(rule: $0.rule.rawValue, severity: $0.severity.rawValue, message: $0.message)
        }
        let event: EventRecord
        do {
            event = try transaction.insertEvent(applicationId: id, fields, now: now.millis)
        } catch {
            // A contact or application it names was deleted after the check.
            guard case .missingReference = error else { throw error }
            throw APIError.unprocessable([FieldError("body", "a contact or application it names no longer exists")])
        }
        // Status side effects share the event's transaction (docs/GUIDANCE.md, Event kinds).
        if let effect = input.kind.statusEffect, application.status != effect.rawValue {
            var updated = application.fields
            updated.status = effect.rawValue
            _ = try transaction.updateApplication(id: id, updated, expectedVersion: nil, now: now.millis)
        }
        return event
    }

    /// Where a new event lives, spelt into bytes: every POST of an event answers with it.
    static func location(of event: EventRecord) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        bytes.append(contentsOf: "/v1/applications/".utf8)
        JSON.writeInteger(event.applicationId, into: &bytes)
        bytes.append(contentsOf: "/events/".utf8)
        JSON.writeInteger(event.id, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func delete(_ request: Request, _ context: APIContext) throws
        -> @Sendable (inout WriteTransaction) throws -> APIContext.Written
    {
        let id = try PathID.parse(request, "id")
        let eventId = try PathID.parse(request, "event_id")
        return { transaction in
            guard let event = try transaction.event(applicationId: id, id: eventId) else {
                throw APIError.notFound("Application \(id) has no event with id \(eventId).")
            }
            try Preconditions.check(request, etag: etag(event))
            _ = try transaction.deleteEvent(applicationId: id, id: eventId)
            return APIContext.Written(JSONResponse.noContent())
        }
    }
}
