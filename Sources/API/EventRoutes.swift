import Foundation
import Guidance
import HTTP
import SQLite
import Store

/// `/v1/applications/{id}/events` and `/check`: the timeline, and the guidance's verdict on each
/// contact the seeker makes or proposes.
enum EventRoutes {
    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/v1/applications/:id/events") { request in try list(request, context) }
        router.add("POST", "/v1/applications/:id/events", context.write { request in try create(request, context) })
        router.add("GET", "/v1/applications/:id/events/:event_id") { request in try get(request, context) }
        router.add(
            "DELETE", "/v1/applications/:id/events/:event_id",
            context.write { request in
                try delete(request, context)
            })
        router.add("POST", "/v1/applications/:id/check") { request in try check(request, context) }
    }

    static func json(_ e: EventRecord) -> JSONObject {
        [
            "id": JSON(e.id), "application_id": JSON(e.applicationId), "kind": JSON(e.kind),
            "occurred_at": JSON(Timestamp.format(e.occurredAt)), "contact_id": JSON(e.contactId),
            "channel": JSON(e.channel), "note": JSON(e.note),
            "interviewer_ids": .array(e.interviewerIds.map { JSON($0) }),
            "follow_up_after": JSON(e.followUpAfter), "follow_up_contact_id": JSON(e.followUpContactId),
            "follow_up_channel": JSON(e.followUpChannel), "decision_expected_by": JSON(e.decisionExpectedBy),
            "other_application_id": JSON(e.otherApplicationId), "forced": JSON(e.forced),
            "violations": .array(
                e.violations.map {
                    ["rule": JSON($0.rule), "severity": JSON($0.severity), "message": JSON($0.message)]
                }),
            "created_at": JSON(Timestamp.format(e.createdAt)),
        ]
    }

    static func etag(_ e: EventRecord) -> String { ETag.resource("event", id: e.id, version: 1) }

    static func list(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        let paging = try Pagination.parse(request, cursorKeys: 2)
        let body = try context.read(request) { db -> JSON in
            guard try db.application(id: id) != nil else { throw ApplicationRoutes.notFound(id) }
            let cursor = paging.cursor.map { EventCursor(occurredAt: $0[0], id: $0[1]) }
            let page = try db.events(ofApplication: id, after: cursor, limit: paging.limit)
            let next = page.nextCursor.map { Cursor.encode([$0.occurredAt, $0.id]) }
            return Pagination.page(page.items.map { .object(json($0)) }, next: next)
        }
        return JSONResponse.getHashed(request, body)
    }

    static func get(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        let eventId = try PathID.parse(request, "event_id")
        guard let event = try context.read(request, { try $0.event(applicationId: id, id: eventId) }) else {
            throw APIError.notFound("Application \(id) has no event with id \(eventId).")
        }
        return JSONResponse.get(request, .object(json(event)), etag: etag(event))
    }

    /// Loads what the guidance needs to judge `input` on application `id`, and judges it.
    static func judge(_ input: EventInput, applicationId id: Int64, _ db: Database, context: APIContext) throws
        -> (ApplicationTimeline, CheckResult)
    {
        guard let timeline = try db.applicationWithTimeline(id: id) else { throw ApplicationRoutes.notFound(id) }
        try input.checkReferences(
            applicationId: id, { try db.contact(id: $0) != nil },
            applicationExists: { try db.application(id: $0) != nil })
        var timelineWithProposal = timeline
        let named =
            [input.fields.contactId, input.fields.followUpContactId].compactMap { $0 } + input.fields.interviewerIds
        let people = named.filter { timeline.contacts[$0] == nil }
        for (contactId, record) in try db.contacts(ids: people) { timelineWithProposal.contacts[contactId] = record }
        let others = Set(Facts.otherApplicationIds(timeline) + [input.fields.otherApplicationId].compactMap { $0 })
        let statuses = others.isEmpty ? [:] : try db.statuses(ofApplications: others)
        let facts = try Facts.application(timelineWithProposal, statuses: statuses)
        let result = context.engine.check(Facts.proposal(kind: input.kind, input.fields), in: facts)
        return (timeline, result)
    }

    static func check(_ request: Request, _ context: APIContext) throws -> Response {
        let id = try PathID.parse(request, "id")
        let input = try EventInput.parse(RequestBody.object(request))
        let result = try context.read(request) { db in try judge(input, applicationId: id, db, context: context).1 }
        var response = JSONResponse.make(GuidanceJSON.check(result))
        response.headers.set(name: "Cache-Control", value: "no-store")
        return response
    }

    static func create(_ request: Request, _ context: APIContext) throws -> @Sendable (Database) throws -> Response {
        let id = try PathID.parse(request, "id")
        let input = try EventInput.parse(RequestBody.object(request))
        let key = try Idempotency.key(request)
        let fingerprint = Idempotency.fingerprint(request)
        let now = context.now()
        return { db in
            try Idempotency.run(db, key: key, fingerprint: fingerprint, now: now) {
                let (timeline, result) = try judge(input, applicationId: id, db, context: context)
                if !result.allowed && !input.force {
                    throw APIError.refused(
                        violations: GuidanceJSON.findings(result.violations),
                        warnings: GuidanceJSON.findings(result.warnings))
                }
                var fields = input.fields
                fields.forced = !result.violations.isEmpty
                fields.violations = result.violations.map {
                    StoredViolation(rule: $0.rule.rawValue, severity: $0.severity.rawValue, message: $0.message)
                }
                let event = try db.insertEvent(applicationId: id, fields, now: now)
                // Status side effects share the event's transaction (GUIDANCE.md, event kinds).
                if let effect = input.kind.statusEffect, timeline.application.status != effect.rawValue {
                    var updated = timeline.application.fields
                    updated.status = effect.rawValue
                    _ = try db.updateApplication(id: id, updated, expectedVersion: nil, now: now)
                }
                var body = json(event)
                body["warnings"] = GuidanceJSON.findings(result.warnings)
                return JSONResponse.make(
                    .object(body), status: 201, etag: etag(event),
                    headers: [("Location", "/v1/applications/\(id)/events/\(event.id)")])
            }
        }
    }

    static func delete(_ request: Request, _ context: APIContext) throws -> @Sendable (Database) throws -> Response {
        let id = try PathID.parse(request, "id")
        let eventId = try PathID.parse(request, "event_id")
        return { db in
            guard let event = try db.event(applicationId: id, id: eventId) else {
                throw APIError.notFound("Application \(id) has no event with id \(eventId).")
            }
            try Preconditions.check(request, etag: etag(event))
            _ = try db.deleteEvent(applicationId: id, id: eventId)
            return JSONResponse.noContent()
        }
    }
}
