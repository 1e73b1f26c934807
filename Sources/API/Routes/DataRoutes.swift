import Foundation
import Guidance
import HTTP
import JSON
import Store
import Time

/// Data in and out: the whole data set as one JSON document and back (`/v1/export`, `/v1/import`), the
/// applications for spreadsheets (`/v1/applications.csv`) and the agenda for calendars (`/v1/agenda.ics`).
enum DataRoutes {
    static let csvHeader = [
        "id", "employer", "position", "route", "recruiter_id", "direct_contact_permitted", "status", "notes",
        "created_at", "updated_at", "unanswered_follow_ups", "next_action", "next_action_due",
    ]

    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", "/v1/export") { request in try export(request, context) }
        router.add("POST", "/v1/import", importDocument(context), admit: RequestBody.admitJSON)
        router.add("GET", "/v1/applications.csv") { request in try applicationsCSV(request, context) }
        router.add("GET", "/v1/agenda.ics") { request in try agendaICS(request, context) }
    }

    /// Every record and the settings, read in one reader transaction so that the parts agree.
    static func export(_ request: Request, _ context: APIContext) throws -> Response {
        let document = try context.read { reading in try ExportDocument.load(reading) }
        return JSONResponse.getHashed(request, bytes: document.bytes(exportedAt: context.now()))
    }

    /// Reads and validates the whole document on a thread of its own (`ImportGate`: never on an event loop, one
    /// import at a time, 503 while another runs), then stores it in one writer job, so one transaction: refused
    /// (409) unless the database holds no records, and anything thrown rolls all of it back. The settings the
    /// checks read in memory are replaced, and every cached timeline dropped, only once that commit is durable.
    /// The feed token stays the installation's own.
    static func importDocument(_ context: APIContext) -> Handler {
        .deferred { request, responder in
            let contentType = request.headers["Content-Type"]
            guard RequestBody.isJSON(contentType) else {
                responder.fail(APIError.unsupportedMediaType(contentType))
                return
            }
            let started = context.imports.run { pass in
                guard let (document, claim) = read(request, pass, responder) else { return }
                let answered = DispatchSemaphore(value: 0)
                store(document, claim: claim, context) { result in
                    pass.leave()
                    responder.respond(result)
                    answered.signal()
                }
                // Waits for the answer, so that the memory the import freed is given back afterwards, here.
                answered.wait()
            } afterwards: {
                if request.body.count >= trimAfter { Memory.returnFreePages() }
            }
            if !started {
                responder.fail(APIError.busy("Another import is being read or stored; try again once it is answered."))
            }
        }
    }

    /// Bodies from this size on return the memory freed after them to the system at once.
    static let trimAfter = 1 << 20

    /// The document and idempotency claim of an import request, or nil once it was answered with why not.
    private static func read(_ request: Request, _ pass: ImportGate.Pass, _ responder: Responder)
        -> (ExportDocument, IdempotencyClaim?)?
    {
        do throws(APIError) {
            guard !request.body.isEmpty else { throw .invalid([FieldError("body", "a JSON object is required")]) }
            let document = try request.body.withUnsafeBytes { bytes in
                Result { () throws(APIError) in try ExportDocument.read(bytes) }
            }.get()
            return (document, try Idempotency.claim(request))
        } catch {
            pass.leave()
            responder.fail(error)
            return nil
        }
    }

    /// Stores the document in one writer job and hands the answer to `answer`, on the writer thread.
    private static func store(
        _ document: ExportDocument, claim: IdempotencyClaim?, _ context: APIContext,
        answer: @escaping @Sendable (Result<Response, any Error>) -> Void
    ) {
        let now = context.now()
        context.submit({ transaction in
            try Idempotency.run(&transaction, claim: claim, now: now) { transaction in
                guard try transaction.isEmpty() else {
                    throw APIError.conflict(
                        "The database already holds contacts, applications or events; import only into an empty one.")
                }
                var next = try SettingsCodec.loadOrCreate(&transaction)
                next.guidance = document.settings
                try transaction.writeSettings(SettingsCodec.rows(next))
                try document.store(&transaction)
                return APIContext.Written(JSONResponse.make(document.counts, status: 201), settings: next)
            }
        }) { result in
            answer(result.map(\.response))
        }
    }

    /// One row per application, by id, with its next action as of `as_of` (default now).
    static func applicationsCSV(_ request: Request, _ context: APIContext) throws -> Response {
        let at = try ApplicationRoutes.asOf(request, default: context.now())
        let engine = context.engine
        let bytes = try context.read { reading -> [UInt8] in
            let timelines = try reading.allTimelines()
            var statuses: [Int64: String] = [:]
            for timeline in timelines { statuses[timeline.application.id] = timeline.application.status }
            var writer = CSVWriter()
            writer.header(csvHeader)
            for timeline in timelines {
                var own: [Int64: String] = [:]
                for id in Facts.otherApplicationIds(timeline) { own[id] = statuses[id] }
                let facts = try Facts.application(timeline, statuses: own)
                let next = engine.nextAction(for: facts, asOf: at)
                writer.row(
                    csvRow(timeline.application, unanswered: engine.unansweredFollowUps(in: facts, asOf: at), next))
            }
            return writer.bytes
        }
        return hashed(
            request, bytes, contentType: "text/csv; charset=utf-8",
            headers: [("Content-Disposition", "attachment; filename=\"applications.csv\"")])
    }

    static func csvRow(_ a: ApplicationRecord, unanswered: Int, _ next: AgendaItem?) -> [CSVWriter.Cell] {
        [
            .value(String(a.id)), .text(a.employer), .text(a.position), .value(a.route),
            .value(a.recruiterId.map { String($0) }), .value(a.directContactPermitted ? "true" : "false"),
            .value(a.status), .text(a.notes), .value(Instant(millis: a.createdAt).rfc3339),
            .value(Instant(millis: a.updatedAt).rfc3339), .value(String(unanswered)), .value(next?.action.rawValue),
            .value(next.map(\.dueFrom.rfc3339)),
        ]
    }

    /// The agenda of `GET /v1/agenda` (same parameters, same items, the snoozed ones left out) as an iCalendar
    /// feed.
    static func agendaICS(_ request: Request, _ context: APIContext) throws -> Response {
        let (asOf, horizon) = try AgendaRoutes.window(request, now: context.now())
        let snoozes = try context.read { reading in try SnoozeFilter.active(at: asOf, reading) }
        var employers: [Int: String] = [:]
        let items = try AgendaComputation.items(
            chunks: { each in
                try context.forEachFactsPart { facts in
                    for application in facts { employers[application.id] = application.employer }
                    each(facts)
                }
            }, engine: context.engine, asOf: asOf, horizonDays: horizon)
        let listed = snoozes.isEmpty ? items : items.filter { !snoozes.hides($0) }
        let bytes = ICalendar.agenda(listed, employers: employers, stamp: asOf)
        return hashed(request, bytes, contentType: "text/calendar; charset=utf-8", headers: [])
    }

    /// A GET answer of another media type than JSON, tagged with the hash of its body (RFC 9110 §8.8.3) and
    /// revalidated before reuse.
    static func hashed(_ request: Request, _ bytes: [UInt8], contentType: String, headers: [(String, String)])
        -> Response
    {
        let etag = ETag.body(bytes)
        if ETag.noneMatchHits(request, tag: etag) { return JSONResponse.notModified(etag) }
        var response = Response(status: 200, contentType: contentType, body: bytes)
        response.headers.add(name: "Cache-Control", value: JSONResponse.dataCaching)
        response.headers.add(name: "ETag", value: etag)
        for (name, value) in headers { response.headers.add(name: name, value: value) }
        return response
    }
}
