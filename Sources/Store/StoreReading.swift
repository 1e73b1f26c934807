import SQLite

/// The queries of a transaction, a reader's or a write job's: each sees what its transaction sees (a reader's
/// snapshot, or the writer's transaction with the writes so far), none opens a transaction of its own, and
/// SQLite's errors come out as `StoreError`s. Times come from the caller, never from a clock here.
public protocol StoreReading {
    /// Where the queries run; opaque outside the Store.
    var connection: StoreConnection { get }
}

extension StoreReading {
    /// The application with this id, or nil.
    public func application(id: Int64) throws(StoreError) -> ApplicationRecord? {
        try query { try $0.application(id: id) }
    }

    /// Applications matching `filter`, by id ascending, `limit` (clamped to 1...10,000) at a time, after `cursor`.
    public func applications(
        matching filter: ApplicationFilter, after cursor: IDCursor?, limit: Int
    ) throws(StoreError) -> Page<ApplicationRecord, IDCursor> {
        try query { try $0.applications(matching: filter, after: cursor, limit: limit) }
    }

    /// The id of every application, ascending.
    public func applicationIds() throws(StoreError) -> [Int64] {
        try query { try $0.applicationIds() }
    }

    /// The status of each application among `ids` that exists, by id.
    public func statuses(ofApplications ids: some Sequence<Int64>) throws(StoreError) -> [Int64: String] {
        try query { try $0.statuses(ofApplications: ids) }
    }

    /// The contact with this id, or nil.
    public func contact(id: Int64) throws(StoreError) -> ContactRecord? {
        try query { try $0.contact(id: id) }
    }

    /// Contacts by id ascending, `limit` (clamped to 1...10,000) at a time, starting after `cursor`.
    public func contacts(after cursor: IDCursor?, limit: Int) throws(StoreError) -> Page<ContactRecord, IDCursor> {
        try query { try $0.contacts(after: cursor, limit: limit) }
    }

    /// The contacts among `ids` that exist, by id.
    public func contacts(ids: some Sequence<Int64>) throws(StoreError) -> [Int64: ContactRecord] {
        try query { try $0.contacts(ids: ids) }
    }

    /// Every contact, by id ascending.
    public func allContacts() throws(StoreError) -> [ContactRecord] {
        try query { try $0.allContacts() }
    }

    /// The event with this id on this application's timeline, or nil (also when it belongs to another one).
    public func event(applicationId: Int64, id: Int64) throws(StoreError) -> EventRecord? {
        try query { try $0.event(applicationId: applicationId, id: id) }
    }

    /// The application's events oldest first, `limit` (clamped to 1...10,000) at a time, after `cursor`.
    public func events(
        ofApplication applicationId: Int64, after cursor: EventCursor?, limit: Int
    ) throws(StoreError) -> Page<EventRecord, EventCursor> {
        try query { try $0.events(ofApplication: applicationId, after: cursor, limit: limit) }
    }

    /// Every event of the application, oldest first.
    public func allEvents(ofApplication applicationId: Int64) throws(StoreError) -> [EventRecord] {
        try query { try $0.allEvents(ofApplication: applicationId) }
    }

    /// The application, its whole timeline and the contacts they refer to, or nil when there is no such
    /// application.
    public func applicationWithTimeline(id: Int64) throws(StoreError) -> ApplicationTimeline? {
        try query { try $0.applicationWithTimeline(id: id) }
    }

    /// The timelines of the applications among `ids` that exist, by application id.
    public func timelines(ofApplications ids: some Sequence<Int64>) throws(StoreError) -> [ApplicationTimeline] {
        try query { try $0.timelines(ofApplications: ids) }
    }

    /// Every application with its timeline and contacts, by application id.
    public func allTimelines() throws(StoreError) -> [ApplicationTimeline] {
        try query { try $0.allTimelines() }
    }

    /// Every stored setting, name to value; values are opaque text.
    public func settings() throws(StoreError) -> [String: String] {
        try query { try $0.settings() }
    }

    /// The saved response for an `Idempotency-Key`, or nil, however old.
    public func idempotencyRecord(key: String) throws(StoreError) -> IdempotencyRecord? {
        try query { try $0.idempotencyRecord(key: key) }
    }

    /// True when there are no contacts, applications or events (settings do not count).
    public func isEmpty() throws(StoreError) -> Bool {
        try query { try $0.isEmpty() }
    }

    /// Runs `body` on the connection, telling what it throws as a `StoreError`.
    func query<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try body(connection.database)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(wrapping: error)
        }
    }
}
