import Store
import Testing

@testable import API

/// The reminders attached to the context hear of every commit, after it, with what the Store says it changed; a
/// write refused or changing nothing tells them nothing.
@Suite struct RemindersHookTests {
    @Test func everyCommitIsToldWithWhatItChanged() throws {
        let api = try InProcessAPI(now: "2026-11-20T12:00:00Z")
        let reminders = FakeReminders()
        api.context.attach(reminders: reminders)
        _ = try api.create("/v1/contacts", #"{"name":"Dana Reyes","role":"recruiter"}"#)
        _ = try api.create("/v1/applications", #"{"employer":"Acme","route":"recruiter_submitted","recruiter_id":1}"#)
        #expect(reminders.changes.isEmpty, "a new contact or application changes no agenda")
        _ = try api.create("/v1/applications/1/events", #"{"kind":"resume_sent","occurred_at":"2026-11-02T09:00:00Z"}"#)
        #expect(reminders.changes == [.eventAdded(id: 1, applicationId: 1)])
        _ = try api.call("PATCH", "/v1/contacts/1", #"{"name":"Dana R."}"#)
        #expect(reminders.changes.last == .applications([1]), "a contact's change reaches the timelines naming it")
        _ = try api.call("PUT", "/v1/settings", #"{"skip_weekends":false}"#)
        #expect(reminders.changes.last == .settings)
        reminders.reset()
        #expect(try api.call("PATCH", "/v1/applications/9", #"{"employer":"x"}"#).status == 404)
        #expect(try api.call("POST", "/v1/applications/1/events", #"{"kind":"nap","occurred_at":"x"}"#).status == 400)
        #expect(reminders.changes.isEmpty && reminders.outboxChanges == 0)
    }

    @Test func withoutRemindersNothingIsTold() throws {
        let api = try InProcessAPI()
        #expect(api.context.reminders == nil)
        _ = try api.create("/v1/contacts", #"{"name":"Dana"}"#)
        let reminders = FakeReminders()
        api.context.attach(reminders: reminders)
        #expect(api.context.reminders != nil)
        _ = try api.call("PUT", "/v1/settings", #"{"skip_weekends":false}"#)
        #expect(reminders.changes == [.settings], "only what committed after it was attached")
    }

    /// The key one-tap links are signed with is made on first start and kept: a restart finds the same.
    @Test func theLinkKeyIsMadeOnceAndKept() throws {
        let api = try InProcessAPI()
        #expect(api.context.linkKey.count == 32)
        #expect(try api.store.read { try $0.linkKey() } == api.context.linkKey)
        let clock = api.clock
        let again = try APIContext(store: api.store, now: { clock.now() })
        #expect(again.linkKey == api.context.linkKey)
    }
}
