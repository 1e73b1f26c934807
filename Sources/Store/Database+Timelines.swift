import SQLite

extension Database {
    /// The application, its whole timeline and the contacts they refer to, or nil when there is no such
    /// application. Run it inside one transaction (a reader's or the writer's) for a consistent snapshot.
    func applicationWithTimeline(id: Int64) throws -> ApplicationTimeline? {
        guard let application = try application(id: id) else { return nil }
        let events = try allEvents(ofApplication: id)
        var timeline = ApplicationTimeline(application: application, events: events, contacts: [:])
        timeline.contacts = try contacts(ids: timeline.referencedContactIds)
        return timeline
    }

    /// Every application with its timeline and contacts, by application id; for the agenda and export. Run it
    /// inside one transaction, as `ReaderPool.withReader` does, so that all its queries see one snapshot.
    ///
    /// Six queries whatever the number of applications (applications, interviewers, violations, an event count,
    /// events, contacts), each a sequential scan, grouped and ordered in memory: walking the events in timeline
    /// order through the index would cost a random table lookup per event.
    func allTimelines() throws -> [ApplicationTimeline] {
        try loadTimelines(ids: nil)
    }

    /// The timelines of the applications among `ids` that exist, by application id, in six queries; for a page
    /// of the applications list, whose items show their next action.
    func timelines(ofApplications ids: some Sequence<Int64>) throws -> [ApplicationTimeline] {
        try loadTimelines(ids: Self.jsonArray(ids))
    }

    /// Loads the timelines of every application (`ids` nil) or of those in the JSON array `ids`. Each query has
    /// two fixed texts, with the condition or without.
    private func loadTimelines(ids: SQLiteValue?) throws -> [ApplicationTimeline] {
        let bindings = ids.map { [$0] } ?? []
        let filtered = ids != nil
        let applications = try map(
            "SELECT \(ApplicationRecord.columns) FROM applications"
                + (filtered ? " WHERE id IN (SELECT value FROM json_each(?))" : "") + " ORDER BY id",
            bindings
        ) { try ApplicationRecord($0) }
        guard !applications.isEmpty else { return [] }
        let eventCondition =
            filtered
            ? "WHERE event_id IN (SELECT id FROM events WHERE application_id IN (SELECT value FROM json_each(?)))" : ""
        let events = try loadEvents(
            filtered ? "WHERE application_id IN (SELECT value FROM json_each(?))" : "", eventCondition, bindings)
        // Timeline order, computed on small keys rather than by moving whole records.
        let order = events.indices.map { index in
            (
                application: events[index].applicationId, time: events[index].occurredAt, id: events[index].id,
                index: index
            )
        }.sorted { ($0.application, $0.time, $0.id) < ($1.application, $1.time, $1.id) }
        var next = order.startIndex
        var timelines = applications.map { application in
            // Every event belongs to a listed application (foreign key), so none is skipped here.
            while next < order.endIndex, order[next].application < application.id {
                next += 1
            }
            let start = next
            while next < order.endIndex, order[next].application == application.id {
                next += 1
            }
            let timeline = order[start..<next].map { events[$0.index] }
            return ApplicationTimeline(application: application, events: timeline, contacts: [:])
        }
        let contacts: [Int64: ContactRecord]
        if filtered {
            contacts = try self.contacts(ids: Set(timelines.flatMap(\.referencedContactIds)))
        } else {
            contacts = Dictionary(uniqueKeysWithValues: try allContacts().map { ($0.id, $0) })
        }
        for index in timelines.indices {
            for contactId in timelines[index].referencedContactIds {
                timelines[index].contacts[contactId] = contacts[contactId]
            }
        }
        return timelines
    }

    /// The events `condition` selects, by id, with the interviewers and violations that `detailCondition`
    /// selects attached. A table scan in rowid order is sequential, and the details, read in event id order too,
    /// are merged in as the events stream past, with no lookup per event.
    private func loadEvents(
        _ condition: String, _ detailCondition: String, _ bindings: [SQLiteValue]
    ) throws -> [EventRecord] {
        let interviewers = try map(
            "SELECT event_id, contact_id FROM event_interviewers \(detailCondition) ORDER BY event_id, position",
            bindings
        ) { (eventId: try $0.int64(0), contactId: try $0.int64(1)) }
        let violations = try map(
            """
            SELECT event_id, rule, severity, message FROM event_violations \(detailCondition) \
            ORDER BY event_id, position
            """, bindings
        ) { row in
            (
                eventId: try row.int64(0),
                violation: StoredViolation(rule: try row.text(1), severity: try row.text(2), message: try row.text(3))
            )
        }
        var events: [EventRecord] = []
        // Sized up front: growing an array of 100,000 records by doubling copies it many times over.
        let count = try first("SELECT count(*) FROM events \(condition)", bindings) { try $0.int64(0) }
        events.reserveCapacity(Int(clamping: count ?? 0))
        var nextInterviewer = interviewers.startIndex
        var nextViolation = violations.startIndex
        try forEachRow("SELECT \(EventRecord.columns) FROM events \(condition) ORDER BY id", bindings) { row in
            var event = try EventRecord(row)
            while nextInterviewer < interviewers.endIndex, interviewers[nextInterviewer].eventId <= event.id {
                if interviewers[nextInterviewer].eventId == event.id {
                    event.interviewerIds.append(interviewers[nextInterviewer].contactId)
                }
                nextInterviewer += 1
            }
            while nextViolation < violations.endIndex, violations[nextViolation].eventId <= event.id {
                if violations[nextViolation].eventId == event.id {
                    event.violations.append(violations[nextViolation].violation)
                }
                nextViolation += 1
            }
            events.append(event)
        }
        return events
    }
}
