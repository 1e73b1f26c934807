import SQLite
import Testing

@testable import Store

@Suite("Timelines: an application with its events and contacts, one at a time or all at once")
struct TimelineTests {
    @Test("applicationWithTimeline holds the events oldest first and every contact they refer to, and no other")
    func single() throws {
        let database = try Fixture.database()
        let recruiter = try Fixture.contact(database, "Rita")
        let interviewer = try Fixture.contact(database, "Ivan", role: "interviewer")
        let manager = try Fixture.contact(database, "Mona", role: "hiring_manager")
        let stranger = try Fixture.contact(database, "Stan")
        let application = try Fixture.application(database, route: "recruiter_submitted", recruiterId: recruiter.id)
        let later = try Fixture.event(database, on: application.id, "directions", at: 20, followUpContactId: manager.id)
        let earlier = try Fixture.event(
            database, on: application.id, "interview", at: 10, interviewerIds: [interviewer.id])
        let timeline = try #require(try database.applicationWithTimeline(id: application.id))
        #expect(timeline.application == application)
        #expect(timeline.events == [earlier, later])
        #expect(timeline.contacts == [recruiter.id: recruiter, interviewer.id: interviewer, manager.id: manager])
        #expect(timeline.contacts[stranger.id] == nil)
        #expect(try database.applicationWithTimeline(id: 99) == nil)
    }

    @Test("the bulk load equals loading each application on its own")
    func bulkEqualsSingle() throws {
        let database = try Fixture.database()
        try Self.seed(database, applications: 30)
        let bulk = try database.allTimelines()
        let single = try (1...30).compactMap { try database.applicationWithTimeline(id: Int64($0)) }
        #expect(bulk.count == 30)
        #expect(bulk == single)
        let chosen = try database.timelines(ofApplications: [7, 3, 3, 999])
        #expect(chosen == [single[2], single[6]])
        #expect(try database.timelines(ofApplications: []) == [])
    }

    @Test("the bulk load of an empty database is empty")
    func bulkEmpty() throws {
        #expect(try Fixture.database().allTimelines() == [])
    }

    /// Applications with 0 to 6 events each, recorded out of time order and with ties, interviewers on interviews
    /// (one listed twice), a forced event now and then, and contacts shared between applications.
    static func seed(_ database: Database, applications: Int) throws {
        try database.transaction(.immediate) { database in
            let contacts = try (1...8).map { try Fixture.contact(database, "Contact \($0)").id }
            for index in 0..<applications {
                let recruiterId = index % 3 == 0 ? contacts[index % contacts.count] : nil
                let application = try Fixture.application(
                    database, employer: "Employer \(index)",
                    route: recruiterId == nil ? "posted_opening" : "recruiter_submitted",
                    recruiterId: recruiterId)
                for step in 0..<(index % 7) {
                    let interviewers = step % 3 == 1 ? [contacts[(index + step) % 8], contacts[(index + 1) % 8]] : []
                    let violations =
                        step % 4 == 3
                        ? [
                            StoredViolation(rule: "follow-up-gap", severity: "block", message: "gap \(index)"),
                            StoredViolation(rule: "follow-up-limit", severity: "block", message: "limit"),
                        ] : []
                    try Fixture.event(
                        database, on: application.id, step % 3 == 1 ? "interview" : "follow_up",
                        at: Int64(1_000 * (index % 5) + 10 * ((step * 5) % 7 / 2)),
                        contactId: step == 0 ? contacts[index % 8] : nil,
                        interviewerIds: interviewers, followUpContactId: step == 2 ? contacts[(index + 3) % 8] : nil,
                        violations: violations)
                }
            }
        }
    }
}
