import SQLite

// What a write changed is derived from the rows it touched: these find the timelines that show a row.
extension Database {
    /// The applications whose timelines name contact `contactId`: as their recruiter, or as the contact, follow-up
    /// contact or an interviewer of one of their events. The same indexes as `referrers(ofContact:)` answer it.
    func applicationIds(namingContact contactId: Int64) throws -> [Int64] {
        let sql = """
            SELECT id FROM applications WHERE recruiter_id = ?1 \
            UNION SELECT application_id FROM events WHERE contact_id = ?1 \
            UNION SELECT application_id FROM events WHERE follow_up_contact_id = ?1 \
            UNION SELECT e.application_id FROM event_interviewers i JOIN events e ON e.id = i.event_id \
            WHERE i.contact_id = ?1
            """
        return try map(sql, [.integer(contactId)]) { try $0.int64(0) }
    }

    /// The applications whose offer disclosures name application `id`: its status is part of their timelines.
    func applicationIds(disclosing id: Int64) throws -> [Int64] {
        let sql = "SELECT DISTINCT application_id FROM events WHERE other_application_id = ?"
        return try map(sql, [.integer(id)]) { try $0.int64(0) }
    }

    /// The stored version of contact `id`, or nil when there is none.
    func contactVersion(id: Int64) throws -> Int64? {
        try first("SELECT version FROM contacts WHERE id = ?", [.integer(id)]) { try $0.int64(0) }
    }
}
