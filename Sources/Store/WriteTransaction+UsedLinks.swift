/// The one-tap links already used. No timeline shows them: each write reports `.none`.
extension WriteTransaction {
    /// Records that the one-tap link with `nonce` was used at `now` (ms), in the transaction that carries out its
    /// action. True the first time; false when it was used already, and nothing is written. No timeline changes.
    public func useLink(nonce: String, now: Int64) throws(StoreError) -> Bool {
        try query { try $0.useLink(nonce: nonce, now: now) }
    }

    /// Deletes the nonces used before `cutoff` (`ReminderRetention.cutoff(now:)`; at least 14 days back, the
    /// links' lifetime) and returns how many. No timeline changes.
    @discardableResult
    public func purgeUsedLinks(olderThan cutoff: Int64) throws(StoreError) -> Int {
        try query { try $0.purgeUsedLinks(olderThan: cutoff) }
    }
}
