/// Snoozes. Times are milliseconds since the Unix epoch (UTC), from the caller's clock.
extension StoreReading {
    /// The snooze with this id, or nil.
    public func snooze(id: Int64) throws(StoreError) -> SnoozeRecord? {
        try query { try $0.snooze(id: id) }
    }

    /// Snoozes by id ascending, `limit` (clamped to 1...10,000) at a time, after `cursor`: only those active at
    /// `activeAt` when it is given (`until > activeAt`), else every one stored, expired ones not yet purged too.
    public func snoozes(
        after cursor: IDCursor?, limit: Int, activeAt: Int64? = nil
    ) throws(StoreError) -> Page<SnoozeRecord, IDCursor> {
        try query { try $0.snoozes(after: cursor, limit: limit, activeAt: activeAt) }
    }

    /// The snoozes active at `now` (`until > now`), by id: what the agenda and the reminders leave out.
    public func activeSnoozes(at now: Int64) throws(StoreError) -> [SnoozeRecord] {
        try query { try $0.activeSnoozes(at: now) }
    }

    /// The snoozes of the applications among `applicationIds` active at `now`, by id.
    public func activeSnoozes(
        ofApplications applicationIds: some Sequence<Int64>, at now: Int64
    ) throws(StoreError) -> [SnoozeRecord] {
        try query { try $0.activeSnoozes(ofApplications: applicationIds, at: now) }
    }
}
