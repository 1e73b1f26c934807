import SQLite

extension EventRecord {
    /// The `events` columns every event query selects, in the order `init(_:at:)` reads them. Interviewers and
    /// violations live in their own tables and are attached afterwards.
    static let columns = """
        id, application_id, kind, occurred_at, contact_id, channel, note, follow_up_after, follow_up_contact_id, \
        follow_up_channel, decision_expected_by, other_application_id, forced, created_at
        """

    /// The same columns qualified by the alias `e`, for joins.
    static let qualifiedColumns = """
        e.id, e.application_id, e.kind, e.occurred_at, e.contact_id, e.channel, e.note, e.follow_up_after, \
        e.follow_up_contact_id, e.follow_up_channel, e.decision_expected_by, e.other_application_id, e.forced, \
        e.created_at
        """

    /// How many columns `init(_:at:)` reads.
    static let columnCount = 14

    /// Reads a record from the current row, starting at column `offset`, with no interviewers or violations yet.
    init(_ row: Row, at offset: Int = 0) throws(RowDecodingError) {
        self.init(
            id: try row.int64(offset),
            applicationId: try row.int64(offset + 1),
            EventFields(
                kind: try row.text(offset + 2),
                occurredAt: try row.int64(offset + 3),
                contactId: try row.optionalInt64(offset + 4),
                channel: try row.optionalText(offset + 5),
                note: try row.optionalText(offset + 6),
                followUpAfter: try row.optionalText(offset + 7),
                followUpContactId: try row.optionalInt64(offset + 8),
                followUpChannel: try row.optionalText(offset + 9),
                decisionExpectedBy: try row.optionalText(offset + 10),
                otherApplicationId: try row.optionalInt64(offset + 11),
                forced: try row.bool(offset + 12)),
            createdAt: try row.int64(offset + 13))
    }
}
