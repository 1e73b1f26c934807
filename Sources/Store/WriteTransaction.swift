import SQLite

/// A write job's part of the writer's transaction (a savepoint of its group commit): its queries see the writes
/// so far, and each of its writes adds what it changed to `change`, derived from the rows it touched. All of a
/// job's writes are kept together, once the group commit is durable, or none is.
///
/// A job receives it `inout` and must not keep it: it belongs to the writer thread, for the length of the job.
public struct WriteTransaction: StoreReading {
    public let connection: StoreConnection
    /// What the writes so far changed.
    public internal(set) var change = StoreChange.none

    init(_ database: Database) {
        connection = StoreConnection(database: database)
    }

    /// Stores a new contact at version 1, created and updated `now` (ms), and returns it with its new id. No
    /// timeline names it yet.
    public func insertContact(_ fields: ContactFields, now: Int64) throws(StoreError) -> ContactRecord {
        try query { try $0.insertContact(fields, now: now) }
    }

    /// Replaces every writable field of the contact, sets `updated_at` to `now` and adds one to the version;
    /// refused when `expectedVersion` is given and differs. Changes every timeline that names the contact.
    public mutating func updateContact(
        id: Int64, _ fields: ContactFields, expectedVersion: Int64?, now: Int64
    ) throws(StoreError) -> WriteOutcome<ContactRecord> {
        let outcome = try query { try $0.updateContact(id: id, fields, expectedVersion: expectedVersion, now: now) }
        if case .done = outcome {
            change = change.then(.timelines(of: try query { try $0.applicationIds(namingContact: id) }))
        }
        return outcome
    }

    /// Deletes the contact and returns it as it was; refused when `expectedVersion` is given and differs, and
    /// with `StoreError.referenced` while anything names it. No timeline named it, so none changes.
    public func deleteContact(id: Int64, expectedVersion: Int64?) throws(StoreError) -> WriteOutcome<ContactRecord> {
        try query { database in
            let current = try database.contactVersion(id: id)
            let refusal = Database.versionCheck(current: current, expected: expectedVersion, as: ContactRecord.self)
            if let refusal { return refusal }
            let referrers = try database.referrers(ofContact: id)
            guard referrers.isEmpty else { throw StoreError.referenced(referrers) }
            return try database.deleteContact(id: id, expectedVersion: current)
        }
    }

    /// Stores a new application at version 1, created and updated `now` (ms), and returns it with its new id. A
    /// `recruiterId` naming no contact is `StoreError.missingReference`. No other timeline names it yet.
    public func insertApplication(_ fields: ApplicationFields, now: Int64) throws(StoreError) -> ApplicationRecord {
        try query { try $0.insertApplication(fields, now: now) }
    }

    /// Replaces every writable field of the application, sets `updated_at` to `now` and adds one to the version;
    /// refused when `expectedVersion` is given and differs. Changes its timeline, and those of the applications
    /// whose offer disclosures name it (they show its status).
    public mutating func updateApplication(
        id: Int64, _ fields: ApplicationFields, expectedVersion: Int64?, now: Int64
    ) throws(StoreError) -> WriteOutcome<ApplicationRecord> {
        let outcome = try query {
            try $0.updateApplication(id: id, fields, expectedVersion: expectedVersion, now: now)
        }
        if case .done = outcome {
            let disclosing = try query { try $0.applicationIds(disclosing: id) }
            change = change.then(.timelines(of: [id] + disclosing))
        }
        return outcome
    }

    /// Deletes the application with its events and returns it as it was; refused when `expectedVersion` is given
    /// and differs. Changes its timeline, and those whose offer disclosures named it (they keep the event, without
    /// the name).
    public mutating func deleteApplication(
        id: Int64, expectedVersion: Int64?
    ) throws(StoreError) -> WriteOutcome<ApplicationRecord> {
        // Read first: the delete clears the names.
        let disclosing = try query { try $0.applicationIds(disclosing: id) }
        let outcome = try query { try $0.deleteApplication(id: id, expectedVersion: expectedVersion) }
        if case .done = outcome {
            change = change.then(.timelines(of: [id] + disclosing))
        }
        return outcome
    }

    /// Records a new event on the application's timeline, created `now` (ms), with its interviewers and
    /// violations, and returns it with its new id. An application, contact or other application that does not
    /// exist is `StoreError.missingReference`. Adds the event to its application's timeline, and changes nothing
    /// else.
    public mutating func insertEvent(
        applicationId: Int64, _ fields: EventFields, now: Int64
    ) throws(StoreError) -> EventRecord {
        let event = try query { try $0.insertEvent(applicationId: applicationId, fields, now: now) }
        change = change.then(.eventAdded(id: event.id, applicationId: applicationId))
        return event
    }

    /// Deletes the event (with its interviewers and violations) and returns it as it was, or nil when this
    /// application has no such event. Changes its application's timeline.
    public mutating func deleteEvent(applicationId: Int64, id: Int64) throws(StoreError) -> EventRecord? {
        let event = try query { try $0.deleteEvent(applicationId: applicationId, id: id) }
        if event != nil {
            change = change.then(.timelines(of: [applicationId]))
        }
        return event
    }

    /// Stores each setting, replacing a previous value of the same name; settings not named are left alone.
    /// Reports `.settings`, whatever else the transaction wrote before (`StoreChange.then`).
    public mutating func writeSettings(_ values: [String: String]) throws(StoreError) {
        try query { try $0.writeSettings(values) }
        change = change.then(.settings)
    }

    /// Stores every record exactly as given, ids, timestamps and versions included: contacts first, then
    /// applications, then events, so that every reference points at a stored row when it is checked. Changes
    /// everything.
    public mutating func importRecords(
        contacts: [ContactRecord], applications: [ApplicationRecord], events: [EventRecord]
    ) throws(StoreError) {
        try query { database in
            for contact in contacts { try database.importContact(contact) }
            for application in applications { try database.importApplication(application) }
            for event in events { try database.importEvent(event) }
        }
        change = .everything
    }

    /// Saves a response under its key, replacing one saved before under the same key. No timeline changes.
    public func saveIdempotencyRecord(_ record: IdempotencyRecord) throws(StoreError) {
        try query { try $0.saveIdempotencyRecord(record) }
    }

    /// Deletes responses saved before `cutoff` (ms since the epoch) and returns how many. No timeline changes.
    @discardableResult
    public func purgeIdempotencyRecords(olderThan cutoff: Int64) throws(StoreError) -> Int {
        try query { try $0.purgeIdempotencyRecords(olderThan: cutoff) }
    }
}
