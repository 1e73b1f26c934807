/// Snoozes. A snooze changes the agenda of its application.
extension WriteTransaction {
    /// Stores a new snooze made `now` (ms) and returns it with its new id. An application that does not exist is
    /// `StoreError.missingReference`. Changes the agenda of its application: reports `.applications([its id])`.
    public mutating func insertSnooze(_ fields: SnoozeFields, now: Int64) throws(StoreError) -> SnoozeRecord {
        let snooze = try query { try $0.insertSnooze(fields, now: now) }
        change = change.then(.timelines(of: [fields.applicationId]))
        return snooze
    }

    /// Deletes the snooze and returns it as it was, or nil when there is none. Changes the agenda of its
    /// application when there was one.
    public mutating func deleteSnooze(id: Int64) throws(StoreError) -> SnoozeRecord? {
        let snooze = try query { try $0.deleteSnooze(id: id) }
        if let snooze {
            change = change.then(.timelines(of: [snooze.applicationId]))
        }
        return snooze
    }

    /// Deletes the snoozes expired at `now` (`until <= now`) and returns how many. They hid nothing any more, so
    /// no agenda changes: `.none`.
    @discardableResult
    public func purgeExpiredSnoozes(at now: Int64) throws(StoreError) -> Int {
        try query { try $0.purgeExpiredSnoozes(at: now) }
    }
}
