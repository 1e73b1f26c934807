import Foundation
import TestSupport
import Testing

/// Events and the guidance through the routes: checks, refusals, forced events, side effects, the agenda; in
/// process, but for follow-ups proposed at once by clients of their own.
@Suite struct EventAPITests {
    /// A recruiter-submitted application with its recruiter (1) and an interviewer (2).
    func recruiterApplication(_ api: some APICalling) throws {
        _ = try api.create("/v1/contacts", #"{"name":"Dana Reyes","role":"recruiter"}"#)
        _ = try api.create("/v1/contacts", #"{"name":"Sam Lee","role":"interviewer"}"#)
        _ = try api.create(
            "/v1/applications",
            #"{"employer":"Acme","position":"Engineer","route":"recruiter_submitted","recruiter_id":1}"#)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"resume_sent","occurred_at":"2026-11-02T09:00:00Z","contact_id":1,"channel":"email"}"#)
    }

    /// The application's timeline, as its first page holds it.
    func events(_ api: some APICalling) throws -> [EventBody] {
        try api.call("GET", "/v1/applications/1/events").decode(ListBody<EventBody>.self).items
    }

    @Test func checkStoresNothingAndExplains() throws {
        let api = try InProcessAPI()
        try recruiterApplication(api)
        let early = #"{"kind":"follow_up","occurred_at":"2026-11-08T23:59:00Z","contact_id":1,"channel":"email"}"#
        let response = try api.call("POST", "/v1/applications/1/check", early)
        #expect(response.status == 200)
        let check = try response.decode(CheckBody.self)
        #expect(check.allowed == false)
        #expect(check.earliestAllowedAt == "2026-11-09T00:00:00Z")
        #expect(check.violations.map(\.rule) == ["wait-before-follow-up"])
        let suggestion = try #require(check.suggestion)
        #expect(suggestion.contactId == 1)
        #expect(suggestion.at == "2026-11-09T00:00:00Z")
        let onTime = #"{"kind":"follow_up","occurred_at":"2026-11-09T00:00:00Z","contact_id":1,"channel":"email"}"#
        #expect(try api.call("POST", "/v1/applications/1/check", onTime).decode(CheckBody.self).allowed == true)
        #expect(try events(api).count == 1)
    }

    @Test func refusedEventIs422AndForceStoresItWithItsViolations() throws {
        let api = try InProcessAPI()
        try recruiterApplication(api)
        let around = #"{"kind":"follow_up","occurred_at":"2026-11-10T09:00:00Z","contact_id":2,"channel":"email""#
        let refused = try api.call("POST", "/v1/applications/1/events", around + "}")
        #expect(refused.status == 422)
        #expect(refused.header("Content-Type") == "application/problem+json")
        #expect(try refused.decode(ProblemBody.self).rules == ["through-the-recruiter"])
        #expect(try events(api).count == 1)

        let forced = try api.call("POST", "/v1/applications/1/events", around + #","force":true}"#)
        #expect(forced.status == 201)
        let stored = try forced.decode(EventBody.self)
        #expect(stored.forced == true)
        #expect(stored.violations.map(\.rule) == ["through-the-recruiter"])
        let fetched = try api.call("GET", "/v1/applications/1/events/2").decode(EventBody.self)
        #expect(fetched.violations.count == 1)
        // The forced follow-up counts: one unanswered follow-up now.
        let application = try api.call("GET", "/v1/applications/1?as_of=2026-11-11T00:00:00Z")
        #expect(try application.decode(ApplicationBody.self).unansweredFollowUps == 1)
    }

    @Test func unknownChannelIsAGuidanceMatterAndMalformedOneIsBad() throws {
        let api = try InProcessAPI()
        try recruiterApplication(api)
        let flowers = #"{"kind":"follow_up","occurred_at":"2026-11-10T09:00:00Z","contact_id":1,"channel":"flowers"}"#
        let refused = try api.call("POST", "/v1/applications/1/events", flowers)
        #expect(refused.status == 422)
        #expect(try refused.decode(ProblemBody.self).rules.first == "standard-channels")
        let shouting = #"{"kind":"follow_up","occurred_at":"2026-11-10T09:00:00Z","contact_id":1,"channel":"EMAIL"}"#
        let bad = try api.call("POST", "/v1/applications/1/events", shouting)
        #expect(bad.status == 400)
        #expect(try bad.decode(ProblemBody.self).fields.first == "channel")
        let directions =
            #"{"kind":"directions","occurred_at":"2026-11-10T09:00:00Z","follow_up_channel":"carrier_pigeon"}"#
        #expect(try api.call("POST", "/v1/applications/1/events", directions).status == 422)
    }

    @Test func statusSideEffectsAndThankYouAfterAPass() throws {
        let api = try InProcessAPI()
        try recruiterApplication(api)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"interview","occurred_at":"2026-11-12T15:00:00Z","interviewer_ids":[2]}"#)
        _ = try api.create("/v1/applications/1/events", #"{"kind":"pass","occurred_at":"2026-11-13T10:00:00Z"}"#)
        #expect(try api.call("GET", "/v1/applications/1").decode(ApplicationBody.self).status == "passed")
        let thanks = #"{"kind":"thank_you","occurred_at":"2026-11-13T12:00:00Z","contact_id":2,"channel":"email"}"#
        #expect(try api.call("POST", "/v1/applications/1/events", thanks).status == 201)
        let lobbying = #"{"kind":"referral_endorsement","occurred_at":"2026-11-14T12:00:00Z"}"#
        let refused = try api.call("POST", "/v1/applications/1/events", lobbying)
        #expect(refused.status == 422)
        #expect(try refused.decode(ProblemBody.self).rules.first == "no-persuasion-after-pass")
    }

    @Test func referencedIdsMustExist() throws {
        let api = try InProcessAPI()
        try recruiterApplication(api)
        let body = #"{"kind":"interview","occurred_at":"2026-11-12T15:00:00Z","interviewer_ids":[2,42]}"#
        let response = try api.call("POST", "/v1/applications/1/events", body)
        #expect(response.status == 422)
        #expect(try response.decode(ProblemBody.self).fields.first == "interviewer_ids[1]")
        let unknownContacts: [(body: String, fields: [String])] = [
            (
                #"{"kind":"follow_up","occurred_at":"2026-11-12T15:00:00Z","contact_id":42,"channel":"email"}"#,
                ["contact_id"]
            ),
            (
                #"{"kind":"directions","occurred_at":"2026-11-12T15:00:00Z","contact_id":42,"follow_up_contact_id":43}"#,
                ["contact_id", "follow_up_contact_id"]
            ),
            (
                #"{"kind":"directions","occurred_at":"2026-11-12T15:00:00Z","contact_id":2,"follow_up_contact_id":43}"#,
                ["follow_up_contact_id"]
            ),
        ]
        for (body, fields) in unknownContacts {
            let refused = try api.call("POST", "/v1/applications/1/events", body)
            #expect(refused.status == 422, "\(body)")
            #expect(try refused.decode(ProblemBody.self).fields == fields, "\(body)")
        }
        let misplaced = #"{"kind":"note","occurred_at":"2026-11-12T15:00:00Z","interviewer_ids":[2]}"#
        #expect(try api.call("POST", "/v1/applications/1/events", misplaced).status == 400)
        let empty = #"{"kind":"note","occurred_at":"2026-11-12T15:00:00Z","interviewer_ids":[],"follow_up_after":null}"#
        #expect(try api.call("POST", "/v1/applications/1/events", empty).status == 201)
        let badTime = #"{"kind":"note","occurred_at":"12 Nov 2026"}"#
        #expect(try api.call("POST", "/v1/applications/1/events", badTime).status == 400)
    }

    @Test func timelineIsOldestFirstAndPaginated() throws {
        let api = try InProcessAPI()
        _ = try api.create("/v1/applications", #"{"route":"posted_opening"}"#)
        for time in ["2026-11-05", "2026-11-01", "2026-11-03"] {
            _ = try api.create("/v1/applications/1/events", "{\"kind\":\"note\",\"occurred_at\":\"\(time)T00:00:00Z\"}")
        }
        let first = try api.call("GET", "/v1/applications/1/events?limit=2").decode(ListBody<EventBody>.self)
        #expect(first.items.map(\.occurredAt) == ["2026-11-01T00:00:00Z", "2026-11-03T00:00:00Z"])
        let cursor = try #require(first.nextCursor)
        let rest = try api.call("GET", "/v1/applications/1/events?limit=2&cursor=\(cursor)")
        #expect(try rest.decode(ListBody<EventBody>.self).items.first?.occurredAt == "2026-11-05T00:00:00Z")
        #expect(try api.call("DELETE", "/v1/applications/1/events/2").status == 204)
        #expect(try api.call("GET", "/v1/applications/1/events/2").status == 404)
    }

    @Test func agendaAndGuidanceAndSettings() throws {
        let api = try InProcessAPI()
        try recruiterApplication(api)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"interview","occurred_at":"2026-11-12T15:00:00Z","interviewer_ids":[2]}"#)
        let agenda = try api.call("GET", "/v1/agenda?as_of=2026-11-14T00:00:00Z").decode(AgendaBody.self)
        #expect(agenda.actions.contains("send_thank_you") && agenda.actions.contains("debrief_recruiter"))
        let thanks = try #require(agenda.items.first { $0.action == "send_thank_you" })
        #expect(thanks.overdue == true)
        #expect(thanks.dueBy == "2026-11-13T15:00:00Z")
        #expect(try api.call("GET", "/v1/agenda?horizon_days=366").status == 400)

        let guidance = try api.call("GET", "/v1/guidance").decode(GuidanceBody.self)
        #expect(guidance.rules.count == 18)

        let put = try api.call("PUT", "/v1/settings", #"{"time_zone":"America/New_York","follow_up_gap_days":10}"#)
        #expect(put.status == 200)
        #expect(try put.decode(SettingsBody.self).followUpGapDays == 10)
        #expect(put.header("Cache-Control") == "no-store")
        let settings = try api.call("GET", "/v1/settings").decode(SettingsBody.self)
        #expect(settings.timeZone == "America/New_York")
        #expect(settings.feedToken.count == 32)
        let rules = try api.call("GET", "/v1/guidance").decode(GuidanceBody.self).rules
        let gap = rules.first { $0.id == "follow-up-gap" }?.parameters
        #expect(gap?["follow_up_gap_days"] == 10)
        for bad in [#"{"time_zone":"Mars/Olympus"}"#, #"{"max_unanswered_follow_ups":0}"#] {
            #expect(try api.call("PUT", "/v1/settings", bad).status == 422, "\(bad)")
        }
        #expect(try api.call("PUT", "/v1/settings", #"{"skip_weekends":"yes"}"#).status == 400)
        #expect(try api.call("PUT", "/v1/settings", #"{"feed_token":"mine"}"#).status == 400)
    }

    @Test func agendaReflectsEachWriteAtOnce() throws {
        // The agenda's facts are cached between commits; a write must show in the very next agenda.
        let api = try InProcessAPI()
        try recruiterApplication(api)
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"interview","occurred_at":"2026-11-12T15:00:00Z","interviewer_ids":[2]}"#)
        func actions() throws -> [String] {
            try api.call("GET", "/v1/agenda?as_of=2026-11-13T00:00:00Z").decode(AgendaBody.self).actions
        }
        #expect(try actions().contains("send_thank_you"))
        #expect(try actions().contains("send_thank_you"))
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"thank_you","occurred_at":"2026-11-12T18:00:00Z","contact_id":2,"channel":"email"}"#)
        #expect(try !actions().contains("send_thank_you"))
    }

    @Test func concurrentFollowUpsAreJudgedOneAfterAnother() throws {
        // Eight clients propose the same follow-up at once. They are judged against the cached
        // timeline in parallel, but each write re-checks inside the writer once another write touched
        // the application, so the gap rule lets exactly one through.
        let api = try APIServer()
        try recruiterApplication(api)
        let body = #"{"kind":"follow_up","occurred_at":"2026-11-10T09:00:00Z","contact_id":1,"channel":"email"}"#
        let clients = try (0..<8).map { _ in try api.client() }
        for client in clients {
            try client.send(TestClient.message("POST", "/v1/applications/1/events", body: body))
        }
        let seen = clients.map { (try? $0.readResponse().status) ?? 0 }
        #expect(seen.filter { $0 == 201 }.count == 1, "\(seen)")
        #expect(seen.filter { $0 == 422 }.count == 7, "\(seen)")
        #expect(try events(api).count == 2)
    }

    @Test func cachedTimelineFollowsEachWrite() throws {
        // Reads warm the timeline cache; each write extends the cached timeline, and the next check
        // must see it.
        let api = try InProcessAPI(now: "2026-11-20T12:00:00Z")
        try recruiterApplication(api)
        func unanswered() throws -> Int {
            try api.call("GET", "/v1/applications/1").decode(ApplicationBody.self).unansweredFollowUps
        }
        #expect(try unanswered() == 0)
        let first = #"{"kind":"follow_up","occurred_at":"2026-11-10T09:00:00Z","contact_id":1,"channel":"email"}"#
        #expect(try api.call("POST", "/v1/applications/1/events", first).status == 201)
        #expect(try unanswered() == 1)
        let second = #"{"kind":"follow_up","occurred_at":"2026-11-12T09:00:00Z","contact_id":1,"channel":"email"}"#
        let refused = try api.call("POST", "/v1/applications/1/events", second)
        #expect(refused.status == 422)
        #expect(try refused.decode(ProblemBody.self).rules.first == "follow-up-gap")
        _ = try api.create("/v1/applications/1/events", #"{"kind":"response","occurred_at":"2026-11-11T09:00:00Z"}"#)
        #expect(try unanswered() == 0)
    }

    @Test func aContactTheCachedTimelineHasNotSeenIsLearnedForTheCheck() throws {
        // The cached timeline knows Dana and Sam; Kim is added afterwards, and a proposal naming her
        // must be judged with who she is (an interviewer reached around the recruiter).
        let api = try InProcessAPI(now: "2026-11-20T12:00:00Z")
        try recruiterApplication(api)
        #expect(try api.call("GET", "/v1/applications/1").status == 200)
        let kim = try api.create("/v1/contacts", #"{"name":"Kim Park","role":"interviewer"}"#)
        let around =
            #"{"kind":"follow_up","occurred_at":"2026-11-20T09:00:00Z","contact_id":\#(kim),"channel":"email"}"#
        let check = try api.call("POST", "/v1/applications/1/check", around)
        let message = try check.decode(CheckBody.self).violations.map(\.message).joined(separator: " ")
        #expect(message.contains("Kim Park (interviewer)"), "\(check.bodyText)")
        // Recorded as an interview, she is owed a thank-you note by name.
        _ = try api.create(
            "/v1/applications/1/events",
            #"{"kind":"interview","occurred_at":"2026-11-20T10:00:00Z","interviewer_ids":[\#(kim)]}"#)
        let agenda = try api.call("GET", "/v1/agenda").decode(AgendaBody.self)
        #expect(agenda.items.contains { $0.message.contains("Send Kim Park (interviewer)") })
    }
}
