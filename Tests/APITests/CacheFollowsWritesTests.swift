import Dispatch
import Guidance
import HTTP
import Store
import Synchronization
import TestSupport
import Testing
import Time

@testable import API

/// Whatever a write is, once it is answered the timeline cache holds what a fresh read of the database gives:
/// the Store says what each write changed, and a wrong answer there (a timeline left out) would serve a stale
/// timeline. Each write runs, in process, against data where every kind of reference is present, after every
/// timeline was read into the cache; then every application read through the cache is compared with the same
/// read through a context that keeps nothing.
@Suite struct CacheFollowsWritesTests {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let now = Instant(rfc3339: "2026-11-20T12:00:00Z") ?? Instant(millis: 0)
    static let applications: [Int64] = [1, 2, 3, 4]

    /// Dana recruits for 1, where Sam interviewed; directions on 2 name Kim to follow up with; 3 holds an offer
    /// that 4 disclosed; Pat is named nowhere. Event 14 is a note on 2.
    static func seed(_ transaction: inout WriteTransaction) throws {
        let contacts =
            [("Dana", "recruiter"), ("Sam", "interviewer"), ("Kim", "hiring_manager"), ("Lee", "referral")]
            .enumerated().map { index, contact in
                ContactRecord(
                    id: Int64(index + 1), ContactFields(name: contact.0, role: contact.1), createdAt: 1, updatedAt: 1)
            } + [ContactRecord(id: 5, ContactFields(name: "Pat"), createdAt: 1, updatedAt: 1)]
        let applications = [
            ApplicationRecord(
                id: 1, ApplicationFields(employer: "Acme", route: "recruiter_submitted", recruiterId: 1), createdAt: 1,
                updatedAt: 1),
            ApplicationRecord(
                id: 2, ApplicationFields(employer: "Bolt", route: "posted_opening"), createdAt: 1, updatedAt: 1),
            ApplicationRecord(
                id: 3, ApplicationFields(employer: "Crane", route: "posted_opening", status: "offer"), createdAt: 1,
                updatedAt: 1),
            ApplicationRecord(
                id: 4, ApplicationFields(employer: "Dune", route: "unsolicited"), createdAt: 1, updatedAt: 1),
        ]
        func at(_ text: String) -> Int64 { Instant(rfc3339: text)?.millis ?? 0 }
        let events = [
            EventRecord(
                id: 10, applicationId: 1,
                EventFields(
                    kind: "resume_sent", occurredAt: at("2026-10-20T09:00:00Z"), contactId: 1, channel: "email"),
                createdAt: 1),
            EventRecord(
                id: 11, applicationId: 1,
                EventFields(kind: "interview", occurredAt: at("2026-11-18T15:00:00Z"), interviewerIds: [2]),
                createdAt: 1),
            EventRecord(
                id: 12, applicationId: 2,
                EventFields(
                    kind: "directions", occurredAt: at("2026-11-10T09:00:00Z"), followUpAfter: "2026-11-24",
                    followUpContactId: 3, followUpChannel: "email"),
                createdAt: 1),
            EventRecord(
                id: 13, applicationId: 4,
                EventFields(kind: "offer_disclosure", occurredAt: at("2026-11-12T09:00:00Z"), otherApplicationId: 3),
                createdAt: 1),
            EventRecord(
                id: 14, applicationId: 2, EventFields(kind: "note", occurredAt: at("2026-11-11T09:00:00Z"), note: "n"),
                createdAt: 1),
        ]
        try transaction.importRecords(contacts: contacts, applications: applications, events: events)
    }

    /// The request for `method` `target` on `router`, with the route that answers it.
    static func request(_ router: Router, _ method: String, _ target: String, _ body: String?) throws
        -> (Request, Handler)
    {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        guard case .found(let route, let parameters) = router.match(method: method, path: parts[0]) else {
            throw Failure(description: "no route for \(method) \(target)")
        }
        var headers = [(name: "Host", value: "localhost")]
        if body != nil { headers.append((name: "Content-Type", value: "application/json")) }
        let head = RequestHead(
            method: method, target: target, path: parts[0], query: parts.count > 1 ? parts[1] : nil,
            version: .http1_1, headers: HTTPHeaders(headers))
        return (Request(head: head, body: Array((body ?? "").utf8), parameters: parameters), route.handler)
    }

    /// Runs `handler` on this thread as an event loop would: a deferred answer is waited for (10 s at most),
    /// and one left to build is built here. An error is answered as the server answers it.
    static func run(_ handler: Handler, _ request: Request) throws -> Response {
        do {
            switch handler {
            case .immediate(let handle):
                return try handle(request)
            case .deferred(let handle):
                let answered = DispatchSemaphore(value: 0)
                let completion = Mutex<Responder.Completion?>(nil)
                handle(
                    request,
                    Responder { done in
                        completion.withLock { $0 = done }
                        answered.signal()
                    })
                guard answered.wait(timeout: .now() + 10) == .success else {
                    throw Failure(description: "\(request.method) \(request.path) was not answered")
                }
                switch completion.withLock({ $0 }) {
                case .success(let response)?: return response
                case .failure(let error)?: throw error
                case .build(let build)?: return try build()
                case nil: throw Failure(description: "no completion")
                }
            }
        } catch let error as any ProblemConvertible {
            return error.problem.response
        }
    }

    static func call(_ router: Router, _ method: String, _ target: String, _ body: String? = nil) throws -> Response {
        let (request, handler) = try request(router, method, target, body)
        return try run(handler, request)
    }

    /// A store seeded with `seed`, a context caching every timeline after reading each, and its router.
    static func withCachedContext(_ body: (Store, APIContext, Router) throws -> Void) throws {
        try ScratchDirectory.with { directory in
            let store = try Store(path: directory.path("t.sqlite"), readers: 2)
            defer { store.close() }
            try store.perform { try seed(&$0) }
            let cached = try APIContext(store: store, now: { now })
            let router = APIRoutes.make(cached)
            for id in applications {
                #expect(try call(router, "GET", "/v1/applications/\(id)").status == 200)
            }
            #expect(try call(router, "GET", "/v1/agenda").status == 200)
            #expect(applications.allSatisfy { cached.timelines.entry($0) != nil }, "the cache was not warmed")
            try body(store, cached, router)
        }
    }

    /// Every application read through `cached` is what a context that keeps nothing reads now: its cached
    /// timeline, where it holds one, its representation, and the agenda.
    static func expectFresh(_ store: Store, _ cached: APIContext, _ router: Router) throws {
        let fresh = try APIContext(store: store, now: { now }, cacheBytes: 0)
        let freshRouter = APIRoutes.make(fresh)
        for id in applications {
            if let entry = cached.timelines.entry(id) {
                let read = try fresh.timeline(id)
                #expect(entry.facts == read?.facts, "the cached timeline of application \(id) is stale")
                #expect(entry.storedJSON == read?.storedJSON, "the cached record of application \(id) is stale")
            }
            let served = try call(router, "GET", "/v1/applications/\(id)")
            let read = try call(freshRouter, "GET", "/v1/applications/\(id)")
            #expect(served.status == read.status, "application \(id)")
            #expect(
                String(decoding: served.body, as: UTF8.self) == String(decoding: read.body, as: UTF8.self),
                "application \(id)")
        }
        let agenda = try call(router, "GET", "/v1/agenda")
        #expect(agenda.body == (try call(freshRouter, "GET", "/v1/agenda")).body, "the agenda")
    }

    struct Write: Sendable, CustomTestStringConvertible {
        let name: String
        let method: String
        let target: String
        var body: String?
        /// The application whose cached timeline the write extends rather than forgets.
        var extends: Int64?
        /// Whether every cached timeline stays: the write changed none, only what is worked out from them.
        var keepsTimelines = false
        var testDescription: String { name }
    }

    static let earlier = "2026-10-01T09:00:00Z"
    static let today = "2026-11-20T09:00:00Z"

    @Test(arguments: [
        Write(name: "a new contact", method: "POST", target: "/v1/contacts", body: #"{"name":"Ora"}"#),
        Write(
            name: "a recruiter renamed", method: "PATCH", target: "/v1/contacts/1", body: #"{"name":"Dana Ruiz"}"#),
        Write(
            name: "an interviewer renamed and given another role", method: "PATCH", target: "/v1/contacts/2",
            body: #"{"name":"Sam Oyelaran","role":"hiring_manager"}"#),
        Write(
            name: "a contact named by directions renamed", method: "PATCH", target: "/v1/contacts/3",
            body: #"{"name":"Kim Park"}"#),
        Write(name: "a contact named nowhere deleted", method: "DELETE", target: "/v1/contacts/5"),
        Write(name: "a new application", method: "POST", target: "/v1/applications", body: #"{"route":"unsolicited"}"#),
        Write(
            name: "an application's notes changed", method: "PATCH", target: "/v1/applications/2",
            body: #"{"notes":"called twice"}"#),
        Write(
            name: "the status of an application another disclosed changed", method: "PATCH",
            target: "/v1/applications/3", body: #"{"status":"passed"}"#),
        Write(name: "an application another disclosed deleted", method: "DELETE", target: "/v1/applications/3"),
        Write(
            name: "a note on a cached timeline", method: "POST", target: "/v1/applications/2/events",
            body: #"{"kind":"note","occurred_at":"\#(today)","note":"n2"}"#, extends: 2),
        Write(
            name: "an event earlier than the others", method: "POST", target: "/v1/applications/1/events",
            body: #"{"kind":"note","occurred_at":"\#(earlier)"}"#, extends: 1),
        Write(
            name: "an event naming a contact the timeline did not", method: "POST",
            target: "/v1/applications/2/events",
            body: #"{"kind":"follow_up","occurred_at":"\#(today)","contact_id":4,"channel":"email","force":true}"#,
            extends: 2),
        Write(
            name: "an offer disclosure naming another application", method: "POST",
            target: "/v1/applications/2/events",
            body: #"{"kind":"offer_disclosure","occurred_at":"\#(today)","other_application_id":1,"force":true}"#,
            extends: 2),
        Write(
            name: "an event that sets the status of an application another disclosed", method: "POST",
            target: "/v1/applications/3/events", body: #"{"kind":"pass","occurred_at":"\#(today)","force":true}"#),
        Write(name: "an event deleted", method: "DELETE", target: "/v1/applications/2/events/14"),
        Write(
            name: "settings changed", method: "PUT", target: "/v1/settings",
            body: #"{"skip_weekends":false,"time_zone":"Asia/Tokyo"}"#, keepsTimelines: true),
        Write(name: "the feed token rotated", method: "POST", target: "/v1/settings/feed-token"),
    ])
    func theCacheHoldsWhatAFreshReadGives(_ write: Write) throws {
        try Self.withCachedContext { store, cached, router in
            let response = try Self.call(router, write.method, write.target, write.body)
            #expect((200..<300).contains(response.status), "\(String(decoding: response.body, as: UTF8.self))")
            if let extended = write.extends {
                #expect(cached.timelines.entry(extended) != nil, "the timeline was not extended in place of a read")
            }
            if write.keepsTimelines {
                #expect(Self.applications.allSatisfy { cached.timelines.entry($0) != nil }, "a timeline was let go")
            }
            try Self.expectFresh(store, cached, router)
        }
    }

    @Test func aContactRenamedBetweenAnEventsJudgementAndItsTransactionIsReadAgain() throws {
        try Self.withCachedContext { store, cached, router in
            // The event loop judges a follow-up to Pat, whom application 2's timeline does not name, learning who
            // Pat is from a reader.
            let (request, _) = try Self.request(
                router, "POST", "/v1/applications/2/events",
                #"{"kind":"follow_up","occurred_at":"\#(Self.today)","contact_id":5,"channel":"email","force":true}"#)
            let job = try EventRoutes.create(request, cached)
            // Pat is renamed, and that commits before the event's transaction: no timeline named Pat then.
            #expect(try Self.call(router, "PATCH", "/v1/contacts/5", #"{"name":"Pat Quinn"}"#).status == 200)
            #expect(try Self.run(cached.write { _ in job }, request).status == 201)
            try Self.expectFresh(store, cached, router)
            #expect(cached.timelines.entry(2)?.facts.contacts[5]?.name == "Pat Quinn")
        }
    }
}
