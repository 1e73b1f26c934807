import SQLite
import Testing

@testable import Store

@Suite("Bulk load for the agenda: every timeline in a constant number of queries")
struct AgendaLoadTests {
    static let applications = 10_000
    static let events = 100_000
    static let contacts = 50

    /// Fills the database with recursive CTEs (https://sqlite.org/lang_with.html#recursive_common_table_expressions):
    /// far quicker than one insert call per row. Every fifth event is an interview with two interviewers, every
    /// hundredth is forced with one violation, times are scattered so insertion order is not timeline order.
    static func seed(_ database: Database) throws {
        try database.transaction(.immediate) { database in
            try database.execute(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(contacts))
                INSERT INTO contacts (name, role, created_at, updated_at)
                SELECT 'Contact ' || i, 'recruiter', 0, 0 FROM n;

                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(applications))
                INSERT INTO applications (employer, position, route, recruiter_id, created_at, updated_at)
                SELECT 'Employer ' || i, 'Position ' || (i % 17),
                    CASE WHEN i % 3 = 0 THEN 'recruiter_submitted' ELSE 'posted_opening' END,
                    CASE WHEN i % 3 = 0 THEN 1 + i % \(contacts) END, 0, 0 FROM n;

                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(events))
                INSERT INTO events (application_id, kind, occurred_at, contact_id, channel, note, forced, created_at)
                SELECT 1 + i % \(applications),
                    CASE i % 5 WHEN 0 THEN 'interview' WHEN 1 THEN 'resume_sent' WHEN 2 THEN 'follow_up'
                        WHEN 3 THEN 'response' ELSE 'note' END,
                    1700000000000 + (i * 7919) % 1000003 * 1000, CASE WHEN i % 2 = 0 THEN 1 + i % \(contacts) END,
                    'email', CASE WHEN i % 4 = 0 THEN 'a short note about event ' || i END,
                    CASE WHEN i % 100 = 0 THEN 1 ELSE 0 END, 0 FROM n;

                INSERT INTO event_interviewers (event_id, position, contact_id)
                SELECT id, 0, 1 + id % \(contacts) FROM events WHERE kind = 'interview'
                UNION ALL SELECT id, 1, 1 + (id + 7) % \(contacts) FROM events WHERE kind = 'interview';

                INSERT INTO event_violations (event_id, position, rule, severity, message)
                SELECT id, 0, 'follow-up-gap', 'block', 'too soon' FROM events WHERE forced = 1;
                """)
        }
    }

    @Test("10,000 applications with 100,000 events load whole, grouped and ordered, quickly")
    func scale() throws {
        let database = try Fixture.database()
        try Self.seed(database)
        let clock = ContinuousClock()
        let start = clock.now
        let timelines = try database.transaction(.deferred) { try $0.allTimelines() }
        let elapsed = clock.now - start
        #expect(timelines.count == Self.applications)
        #expect(timelines.map(\.application.id) == (1...Int64(Self.applications)).map { $0 })
        let events = timelines.flatMap(\.events)
        #expect(events.count == Self.events)
        #expect(events.filter { $0.kind == "interview" }.allSatisfy { $0.interviewerIds.count == 2 })
        #expect(events.filter(\.forced).count == Self.events / 100)
        #expect(events.filter(\.forced).allSatisfy { $0.violations.count == 1 })
        #expect(
            timelines.allSatisfy { timeline in
                zip(timeline.events, timeline.events.dropFirst()).allSatisfy {
                    ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id)
                }
                    && timeline.events.allSatisfy { $0.applicationId == timeline.application.id }
                    && timeline.referencedContactIds.allSatisfy { timeline.contacts[$0] != nil }
            })
        for id: Int64 in [1, 3, 4_999, 10_000] {
            #expect(timelines[Int(id) - 1] == (try database.applicationWithTimeline(id: id)))
        }
        // Bounds loose enough for a shared machine, tight enough to catch a query per application or a quadratic
        // grouping. An optimized build decodes the 100,000 events in about a third of the bound (a raw loop over
        // the C API takes about as long as the rest put together).
        #if DEBUG
            #expect(elapsed < .seconds(10))
        #else
            #expect(elapsed < .milliseconds(500))
        #endif
    }
}
