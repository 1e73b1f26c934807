import Reminders
import Store
import Testing
import Time

@testable import API

/// `/a/{token}`: a GET that only shows what the link will do, and a POST that does it once, through the
/// guidance, in one transaction with the record of its use.
@Suite struct LinkAPITests {
    static let interview = Instant(rfc3339: "2026-11-19T15:00:00Z")?.millis ?? 0
    static let thankYou = "1:send_thank_you:2:\(interview)"
    static let debrief = "1:debrief_recruiter:1:\(interview)"
    static let directions = "1:record_directions:-:\(interview)"
    static let followUp = "1:follow_up:1:\(Instant(rfc3339: "2026-11-09T00:00:00Z")?.millis ?? 0)"

    /// A link the service would make now for `key`.
    static func link(_ api: InProcessAPI, _ key: String, _ action: LinkToken.Action) -> String {
        "/a/" + LinkToken.make(itemKey: key, action: action, now: api.clock.now()).signed(with: api.context.linkKey)
    }

    static func events(_ api: InProcessAPI) throws -> [EventBody] {
        try api.call("GET", "/v1/applications/1/events").decode(ListBody<EventBody>.self).items
    }

    static let json = [("Accept", "application/json")]

    @Test func aGetShowsWhatTheLinkWillDoAndChangesNothing() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let link = Self.link(api, Self.thankYou, .done)
        let agenda = try api.call("GET", "/v1/agenda").body
        for _ in 0..<2 {
            let page = try api.call("GET", link)
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.header("Cache-Control") == "no-store" && page.header("Referrer-Policy") == "no-referrer")
            #expect(page.header("Content-Security-Policy") == LinkPage.policy)
            #expect(page.bodyText.contains("Record that you sent Sam Lee a thank-you note by email, now."))
            #expect(page.bodyText.contains("<form method=\"post\"><button type=\"submit\">Record it</button></form>"))
            #expect(!page.bodyText.contains("<script"))
        }
        let described = try api.call("GET", link, headers: Self.json).decode(JSONValue.self)
        #expect(described["action"] == .string("done") && described["item_key"] == .string(Self.thankYou))
        #expect(described["item"]?["action"] == .string("send_thank_you"))
        #expect(described["expires_at"] == .string("2026-12-04T12:00:00Z"))
        #expect(try Self.events(api).count == 2, "no event recorded")
        #expect(try api.call("GET", "/v1/agenda").body == agenda)
        #expect(try api.store.read { try $0.isLinkUsed(nonce: "x") } == false)
    }

    @Test func doneRecordsTheEventTheItemAsksForOnce() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let reminders = FakeReminders()
        api.context.attach(reminders: reminders)
        let link = Self.link(api, Self.thankYou, .done)
        let done = try api.call("POST", link)
        #expect(done.status == 200 && done.header("Content-Type") == "text/html; charset=utf-8")
        #expect(done.bodyText.contains("Recorded: a thank-you note to Sam Lee by email."))
        let event = try #require(try Self.events(api).last)
        #expect(event.kind == "thank_you" && event.contactId == 2 && event.channel == "email")
        #expect(event.occurredAt == InterviewScenario.now && event.violations.isEmpty)
        #expect(!(try api.call("GET", "/v1/agenda").decode(AgendaBody.self).actions.contains("send_thank_you")))
        #expect(reminders.changes == [.eventAdded(id: 3, applicationId: 1)])

        let again = try api.call("POST", link)
        #expect(again.status == 410 && again.bodyText.contains("used already"))
        #expect(try api.call("GET", link).status == 410)
        #expect(try Self.events(api).count == 3, "once")
    }

    @Test func aClientThatAsksForJSONGetsJSON() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let done = try api.call("POST", Self.link(api, Self.debrief, .done), headers: Self.json)
        #expect(done.status == 200 && done.header("Content-Type") == "application/json")
        let body = try done.decode(JSONValue.self)
        #expect(body["action"] == .string("done") && body["event_id"] == .integer(3))
        #expect(body["message"] == .string("Recorded: a debrief with Dana Reyes by phone."))
        #expect(body["location"] == .string("/v1/applications/1") && body["snooze_id"] == .null)
        let event = try #require(try Self.events(api).last)
        #expect(event.kind == "debrief" && event.contactId == 1 && event.channel == "phone")
        let used = try api.call("POST", Self.link(api, Self.debrief, .done), headers: Self.json)
        #expect(used.status == 410 && used.header("Content-Type") == "application/problem+json")
        #expect(try used.decode(ProblemBody.self).type == "/problems/item-gone", "done already: no longer listed")
    }

    @Test func snoozeHidesTheItemForTwoDays() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let snoozed = try api.call("POST", Self.link(api, Self.thankYou, .snooze), headers: Self.json)
        #expect(snoozed.status == 200)
        #expect(try snoozed.decode(JSONValue.self)["snoozed_until"] == .string("2026-11-22T12:00:00Z"))
        let snooze = try #require(
            try api.call("GET", "/v1/agenda/snoozes").decode(ListBody<SnoozeBody>.self).items.first)
        #expect(snooze.action == "send_thank_you" && snooze.contactId == 2 && snooze.until == "2026-11-22T12:00:00Z")
        #expect(!(try api.call("GET", "/v1/agenda").decode(AgendaBody.self).actions.contains("send_thank_you")))
        #expect(try Self.events(api).count == 2)
    }

    @Test func repliedRecordsAResponseFromTheContactOfAFollowUp() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        #expect(try api.call("POST", Self.link(api, Self.followUp, .replied)).status == 200)
        let event = try #require(try Self.events(api).last)
        #expect(event.kind == "response" && event.contactId == 1 && event.channel == nil)
        let other = try api.call("POST", Self.link(api, Self.thankYou, .replied))
        #expect(other.status == 410, "only a follow-up is replied to")
    }

    /// Directions are recorded by a person: the link only points at the application, and stays usable.
    @Test func doneOnDirectionsOnlyPointsAtTheApplication() throws {
        let api = try InProcessAPI(now: InterviewScenario.now, arguments: ["--public-url", "https://n.example/x/"])
        try InterviewScenario.seed(api)
        let link = Self.link(api, Self.directions, .done)
        let page = try api.call("GET", link)
        #expect(page.bodyText.contains("href=\"https://n.example/x/v1/applications/1\""))
        #expect(!page.bodyText.contains("<form"))
        for _ in 0..<2 {
            let done = try api.call("POST", link, headers: Self.json)
            #expect(done.status == 200)
            #expect(try done.decode(JSONValue.self)["location"] == .string("https://n.example/x/v1/applications/1"))
        }
        #expect(try Self.events(api).count == 2)
    }

    /// The guidance refuses a follow-up before the wait is over: the refusal is shown, nothing is stored, and the
    /// link still works once the follow-up is allowed.
    @Test func aRefusalIsShownAndLeavesTheLinkUsable() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        api.clock.set("2026-11-05T12:00:00Z")
        let link = Self.link(api, Self.followUp, .done)
        let refused = try api.call("POST", link)
        #expect(refused.status == 422 && refused.bodyText.contains("Refused by the guidance"))
        let problem = try api.call("POST", link, headers: Self.json)
        #expect(problem.status == 422)
        #expect(try problem.decode(ProblemBody.self).rules == ["wait-before-follow-up"])
        #expect(try Self.events(api).count == 2)
        api.clock.set("2026-11-09T09:00:00Z")
        #expect(try api.call("POST", link).status == 200)
        #expect(try Self.events(api).map(\.kind) == ["resume_sent", "follow_up", "interview"])
    }

    @Test func aLinkNeedsNoBearerTokenAndOpensNothingElse() throws {
        let api = try InProcessAPI(now: InterviewScenario.now, arguments: ["--token", "secret-token"])
        let auth = [("Authorization", "Bearer secret-token")]
        for (method, target, body) in [
            ("POST", "/v1/contacts", #"{"name":"Dana Reyes","role":"recruiter"}"#),
            ("POST", "/v1/contacts", #"{"name":"Sam Lee","role":"interviewer"}"#),
            (
                "POST", "/v1/applications",
                #"{"employer":"Acme","position":"Engineer","route":"recruiter_submitted","recruiter_id":1}"#
            ),
            (
                "POST", "/v1/applications/1/events",
                #"{"kind":"interview","occurred_at":"2026-11-19T15:00:00Z","interviewer_ids":[2]}"#
            ),
        ] {
            #expect(try api.call(method, target, body, headers: auth).status == 201)
        }
        #expect(try api.call("POST", Self.link(api, Self.thankYou, .done)).status == 200)
        #expect(try api.call("GET", "/a/forged").status == 404, "not 401: the token is the authority")
        #expect(try api.call("GET", "/v1/agenda").status == 401)
    }

    @Test func anExpiredOrForgedLinkChangesNothing() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let link = Self.link(api, Self.thankYou, .done)
        api.clock.set("2026-12-04T12:00:00Z")
        #expect(try api.call("GET", link).status == 200, "at its expiry it still works")
        api.clock.set("2026-12-04T12:00:01Z")
        let expired = try api.call("POST", link, headers: Self.json)
        #expect(expired.status == 410)
        #expect(try expired.decode(ProblemBody.self).type == "/problems/link-expired")
        api.clock.set(InterviewScenario.now)
        let otherKey = LinkToken.make(itemKey: Self.thankYou, action: .done, now: api.clock.now())
            .signed(with: Array(repeating: 7, count: 32))
        let forged = try api.call("POST", "/a/" + otherKey, headers: Self.json)
        #expect(forged.status == 404)
        #expect(try forged.decode(ProblemBody.self).type == "/problems/link-not-found")
        #expect(try Self.events(api).count == 2)
    }

    /// The item must still be listed as the link named it: done already, moved, or its application gone.
    @Test func aLinkWhoseItemIsGoneIs410() throws {
        let api = try InProcessAPI(now: InterviewScenario.now)
        try InterviewScenario.seed(api)
        let moved = "1:send_thank_you:2:\(Self.interview + 1)"
        #expect(try api.call("GET", Self.link(api, moved, .done)).status == 410)
        #expect(try api.call("POST", Self.link(api, "9:follow_up:1:0", .snooze)).status == 410)
        let link = Self.link(api, Self.thankYou, .snooze)
        _ = try api.call("DELETE", "/v1/applications/1")
        let gone = try api.call("POST", link, headers: Self.json)
        #expect(gone.status == 410)
        #expect(try gone.decode(ProblemBody.self).type == "/problems/item-gone")
    }
}
