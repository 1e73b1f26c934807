import SQLite

extension Database {
    /// The event with this id on this application's timeline, or nil (also when it belongs to another one).
    func event(applicationId: Int64, id: Int64) throws -> EventRecord? {
        let sql = "SELECT \(EventRecord.columns) FROM events WHERE id = ? AND application_id = ?"
        guard let event = try first(sql, [.integer(id), .integer(applicationId)], { try EventRecord($0) }) else {
            return nil
        }
        var events = [event]
        try attachDetails(to: &events)
        return events.first
    }

    /// Records a new event on the application's timeline, created `now` (ms), with its interviewers and
    /// violations, and returns it with its new id. Unknown application, contact or other-application ids fail with
    /// a FOREIGN KEY error.
    func insertEvent(applicationId: Int64, _ fields: EventFields, now: Int64) throws -> EventRecord {
        // No RETURNING: every column but the id is what was bound, and RETURNING makes SQLite gather the
        // row in a temporary table first, which costs the single writer more than the insert itself.
        let sql = """
            INSERT INTO events (application_id, kind, occurred_at, contact_id, channel, note, follow_up_after, \
            follow_up_contact_id, follow_up_channel, decision_expected_by, other_application_id, forced, created_at) \
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        try run(sql, Self.bindings(id: nil, applicationId: applicationId, fields, createdAt: now))
        let record = EventRecord(id: lastInsertRowID, applicationId: applicationId, fields, createdAt: now)
        try insertDetails(eventId: record.id, interviewerIds: fields.interviewerIds, violations: fields.violations)
        return record
    }

    /// Stores an event exactly as given, id and creation time included; for import.
    func importEvent(_ record: EventRecord) throws {
        let sql = """
            INSERT INTO events (id, application_id, kind, occurred_at, contact_id, channel, note, follow_up_after, \
            follow_up_contact_id, follow_up_channel, decision_expected_by, other_application_id, forced, created_at) \
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        let bindings = Self.bindings(
            id: record.id, applicationId: record.applicationId, record.fields, createdAt: record.createdAt)
        try run(sql, bindings)
        try insertDetails(eventId: record.id, interviewerIds: record.interviewerIds, violations: record.violations)
    }

    /// Deletes the event (with its interviewers and violations) and returns it as it was, or nil when this
    /// application has no such event.
    func deleteEvent(applicationId: Int64, id: Int64) throws -> EventRecord? {
        guard let event = try event(applicationId: applicationId, id: id) else { return nil }
        try run("DELETE FROM events WHERE id = ?", [.integer(id)])
        return event
    }

    /// The application's events oldest first, by (`occurredAt`, id), `limit` (clamped to 1...10,000) at a time,
    /// after `cursor`. The row-value comparison walks the (application_id, occurred_at, id) index
    /// (https://sqlite.org/rowvalue.html#scrolling_window_queries).
    func events(
        ofApplication applicationId: Int64, after cursor: EventCursor?, limit: Int
    ) throws -> Page<EventRecord, EventCursor> {
        let limit = Page<EventRecord, EventCursor>.clamped(limit)
        let fetchCount = SQLiteValue.integer(Int64(limit + 1))
        var fetched: [EventRecord]
        if let cursor {
            let sql = """
                SELECT \(EventRecord.columns) FROM events WHERE application_id = ? AND (occurred_at, id) > (?, ?) \
                ORDER BY occurred_at, id LIMIT ?
                """
            let bindings: [SQLiteValue] = [
                .integer(applicationId), .integer(cursor.occurredAt), .integer(cursor.id), fetchCount,
            ]
            fetched = try map(sql, bindings) { try EventRecord($0) }
        } else {
            let sql = """
                SELECT \(EventRecord.columns) FROM events WHERE application_id = ? ORDER BY occurred_at, id LIMIT ?
                """
            fetched = try map(sql, [.integer(applicationId), fetchCount]) { try EventRecord($0) }
        }
        try attachDetails(to: &fetched)
        return Page(fetched: fetched, limit: limit) { EventCursor(occurredAt: $0.occurredAt, id: $0.id) }
    }

    /// Every event of the application, oldest first, with interviewers and violations.
    func allEvents(ofApplication applicationId: Int64) throws -> [EventRecord] {
        let sql = "SELECT \(EventRecord.columns) FROM events WHERE application_id = ? ORDER BY occurred_at, id"
        var events = try map(sql, [.integer(applicationId)]) { try EventRecord($0) }
        try attachDetails(to: &events)
        return events
    }

    /// Fills in the interviewers and violations of `events`, two queries whatever their number.
    func attachDetails(to events: inout [EventRecord]) throws {
        guard !events.isEmpty else { return }
        let ids = [Self.jsonArray(events.map(\.id))]
        let listed = "WHERE event_id IN (SELECT value FROM json_each(?))"
        let interviewers = try interviewerIds(where: listed, ids)
        let violations = try storedViolations(where: listed, ids)
        for index in events.indices {
            events[index].interviewerIds = interviewers[events[index].id] ?? []
            events[index].violations = violations[events[index].id] ?? []
        }
    }

    /// Interviewer ids by event id, each list in its stored order, for the events `condition` selects.
    private func interviewerIds(where condition: String, _ bindings: [SQLiteValue]) throws -> [Int64: [Int64]] {
        var interviewers: [Int64: [Int64]] = [:]
        let sql = "SELECT event_id, contact_id FROM event_interviewers \(condition) ORDER BY event_id, position"
        try forEachRow(sql, bindings) { row in
            interviewers[try row.int64(0), default: []].append(try row.int64(1))
        }
        return interviewers
    }

    /// Stored violations by event id, each list in its stored order, for the events `condition` selects.
    private func storedViolations(where condition: String, _ bindings: [SQLiteValue]) throws -> [Int64:
        [StoredViolation]]
    {
        var violations: [Int64: [StoredViolation]] = [:]
        let sql = """
            SELECT event_id, rule, severity, message FROM event_violations \(condition) ORDER BY event_id, position
            """
        try forEachRow(sql, bindings) { row in
            let violation = StoredViolation(rule: try row.text(1), severity: try row.text(2), message: try row.text(3))
            violations[try row.int64(0), default: []].append(violation)
        }
        return violations
    }

    private func insertDetails(eventId: Int64, interviewerIds: [Int64], violations: [StoredViolation]) throws {
        for (position, contactId) in interviewerIds.enumerated() {
            let sql = "INSERT INTO event_interviewers (event_id, position, contact_id) VALUES (?, ?, ?)"
            try run(sql, [.integer(eventId), .integer(Int64(position)), .integer(contactId)])
        }
        for (position, violation) in violations.enumerated() {
            let sql = """
                INSERT INTO event_violations (event_id, position, rule, severity, message) VALUES (?, ?, ?, ?, ?)
                """
            let bindings: [SQLiteValue] = [
                .integer(eventId), .integer(Int64(position)), .text(violation.rule), .text(violation.severity),
                .text(violation.message),
            ]
            try run(sql, bindings)
        }
    }

    /// The values of an events row in column order, from the id (when given) to the creation time.
    private static func bindings(id: Int64?, applicationId: Int64, _ fields: EventFields, createdAt: Int64)
        -> [SQLiteValue]
    {
        var values: [SQLiteValue] = []
        values.reserveCapacity(14)
        if let id { values.append(.integer(id)) }
        values.append(.integer(applicationId))
        values.append(.text(fields.kind))
        values.append(.integer(fields.occurredAt))
        values.append(SQLiteValue(fields.contactId))
        values.append(SQLiteValue(fields.channel))
        values.append(SQLiteValue(fields.note))
        values.append(SQLiteValue(fields.followUpAfter))
        values.append(SQLiteValue(fields.followUpContactId))
        values.append(SQLiteValue(fields.followUpChannel))
        values.append(SQLiteValue(fields.decisionExpectedBy))
        values.append(SQLiteValue(fields.otherApplicationId))
        values.append(SQLiteValue(fields.forced))
        values.append(.integer(createdAt))
        return values
    }
}
