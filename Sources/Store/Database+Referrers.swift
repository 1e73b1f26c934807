import SQLite

extension Database {
    /// Everything that refers to the contact: applications with it as recruiter, and events naming it as their
    /// contact, follow-up contact or an interviewer. Empty when the contact may be deleted.
    func referrers(ofContact contactId: Int64) throws -> ContactReferrers {
        let applicationIds = try map(
            "SELECT id FROM applications WHERE recruiter_id = ? ORDER BY id", [.integer(contactId)]
        ) { try $0.int64(0) }
        // UNION, not UNION ALL: an event listing the same interviewer twice is named once.
        let sql = """
            SELECT application_id, id, 'contact_id' FROM events WHERE contact_id = ?1 \
            UNION SELECT application_id, id, 'follow_up_contact_id' FROM events WHERE follow_up_contact_id = ?1 \
            UNION SELECT e.application_id, e.id, 'interviewer_ids' FROM event_interviewers i \
            JOIN events e ON e.id = i.event_id WHERE i.contact_id = ?1 \
            ORDER BY 1, 2, 3
            """
        let events = try map(sql, [.integer(contactId)]) { row in
            EventReference(applicationId: try row.int64(0), eventId: try row.int64(1), field: try row.text(2))
        }
        return ContactReferrers(applicationIds: applicationIds, events: events)
    }
}
