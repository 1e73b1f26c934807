import Guidance
import HTTP
import JSON
import Reminders
import Store
import Time

/// `/a/{token}`: the one-tap links a reminder carries. The signed token is the authority (no bearer token is
/// needed, and it opens nothing but its one action on its one item); it expires, and works once.
///
/// `GET` changes nothing, since link scanners and previews fetch every URL they see: it shows what the link
/// will do, with a button that posts it. `POST` does it, in one transaction with the record that the link was
/// used, through the guidance like every other event: a refusal is shown, never forced, and leaves the link
/// usable. The item must still be on the agenda, as the link named it.
enum LinkRoutes {
    static let pattern = "/a/:token"
    /// How long a snooze link hides its item.
    static let snoozeDays = 2
    /// How far ahead the item of a link is looked for: as far as the reminders look.
    static let horizonDays = 365

    static func register(_ router: inout Router, _ context: APIContext) {
        router.add("GET", pattern) { request in try page(request, context) }
        // Any body and media type: a browser's form sends an empty form, a push app's button what it likes.
        router.add("POST", pattern, act(context))
    }

    /// The request's token, signed with the link key and not expired, and the item key it names.
    static func verify(_ request: Request, _ context: APIContext, now: Instant) throws(LinkFailure) -> LinkToken {
        guard let text = request.parameters["token"] else { throw .forged }
        switch LinkToken.verify(text, key: context.linkKey, now: now) {
        case .forged: throw .forged
        case .expired: throw .expired
        case .valid(let token): return token
        }
    }

    /// The item a key names, if `facts` still list it at `now`.
    static func item(_ key: String, in facts: ApplicationFacts, engine: GuidanceEngine, now: Instant) -> AgendaItem? {
        engine.agenda(for: [facts], asOf: now, horizonDays: horizonDays).first { ItemKey.make($0) == key }
    }

    /// `GET`: what the link will do, read on the loop's reader; nothing is written.
    static func page(_ request: Request, _ context: APIContext) throws -> Response {
        let json = LinkPage.prefersJSON(request)
        let now = context.now()
        do {
            let token = try verify(request, context, now: now)
            guard let parts = ItemKey.parse(token.itemKey) else { throw LinkFailure.forged }
            if try context.read({ try $0.isLinkUsed(nonce: token.nonce) }) { throw LinkFailure.used }
            guard let facts = try context.facts(of: [parts.applicationId]).facts.first,
                let item = item(token.itemKey, in: facts, engine: context.engine, now: now)
            else { throw LinkFailure.gone }
            let intent = LinkIntent(token.action, item, facts: facts)
            guard intent.applies else { throw LinkFailure.gone }
            if json {
                return LinkPage.json([
                    "action": JSON(token.action.rawValue), "item_key": JSON(token.itemKey),
                    "application_id": JSON(parts.applicationId), "does": JSON(intent.does),
                    "item": GuidanceJSON.agendaItem(item),
                    "expires_at": JSON(Instant(secondsSince1970: token.expiresAt).clamped.rfc3339),
                ])
            }
            return LinkPage.html(
                status: 200, heading: intent.heading, paragraphs: [intent.does, item.message],
                button: intent.eventKind != nil || token.action == .snooze ? intent.button : nil,
                link: intent.eventKind == nil && token.action == .done
                    ? ("Open the application", location(parts.applicationId, context)) : nil)
        } catch let failure as LinkFailure {
            return failure.response(json: json)
        }
    }

    /// `POST`: the token is checked on the loop, the rest in one writer job.
    static func act(_ context: APIContext) -> Handler {
        .deferred { request, responder in
            let json = LinkPage.prefersJSON(request)
            let now = context.now()
            let token: LinkToken
            switch Result(catching: { () throws(LinkFailure) in try verify(request, context, now: now) }) {
            case .success(let verified): token = verified
            case .failure(let failure):
                responder.respond(failure.response(json: json))
                return
            }
            context.submit({ transaction in
                try carryOut(token, &transaction, context, now: now).response(json: json)
            }) { result in
                switch result {
                case .success(let written): responder.respond(written.response)
                case .failure(let failure as LinkFailure): responder.respond(failure.response(json: json))
                case .failure(let error): responder.fail(error)
                }
            }
        }
    }

    /// Inside the writer's transaction: the link unused, its item still listed as the database holds it now, then
    /// the action and the record of its use together. A failure throws, and so rolls back all of it.
    static func carryOut(
        _ token: LinkToken, _ transaction: inout WriteTransaction, _ context: APIContext, now: Instant
    ) throws -> LinkOutcome {
        guard let parts = ItemKey.parse(token.itemKey) else { throw LinkFailure.forged }
        if try transaction.isLinkUsed(nonce: token.nonce) { throw LinkFailure.used }
        guard let timeline = try transaction.applicationWithTimeline(id: parts.applicationId) else {
            throw LinkFailure.gone
        }
        let others = Facts.otherApplicationIds(timeline)
        let statuses = others.isEmpty ? [:] : try transaction.statuses(ofApplications: others)
        let facts = try Facts.application(timeline, statuses: statuses)
        guard let item = item(token.itemKey, in: facts, engine: context.engine, now: now) else {
            throw LinkFailure.gone
        }
        let intent = LinkIntent(token.action, item, facts: facts)
        guard intent.applies else { throw LinkFailure.gone }
        var outcome = LinkOutcome(
            intent: intent, itemKey: token.itemKey, applicationId: parts.applicationId,
            location: location(parts.applicationId, context))
        if token.action == .snooze {
            let until = now.adding(days: snoozeDays)
            let fields = SnoozeFields(
                applicationId: parts.applicationId, action: item.action.rawValue,
                contactId: item.contactId.map(Int64.init), until: until.millis)
            outcome.snooze = try transaction.insertSnooze(fields, now: now.millis)
        } else if let kind = intent.eventKind {
            let input = try EventInput.parse(intent.eventBody(kind, now: now))
            let judged = try EventRoutes.judge(input, applicationId: parts.applicationId, transaction, context: context)
            guard judged.result.allowed else { throw LinkFailure.refused(judged.result) }
            outcome.event = try EventRoutes.insert(input, judged, &transaction, now: now)
            outcome.warnings = judged.result.warnings
        } else {
            // `done` on directions to record: a person does that in the application; the link stays usable.
            return outcome
        }
        guard try transaction.useLink(nonce: token.nonce, now: now.millis) else { throw LinkFailure.used }
        return outcome
    }

    /// Where the application is, absolute when the service knows its public URL.
    static func location(_ applicationId: Int64, _ context: APIContext) -> String {
        (context.publicURL ?? "") + "/v1/applications/\(applicationId)"
    }
}
