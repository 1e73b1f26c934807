/// The reminders' settings: the quiet hours and the key one-tap links are signed with.
extension StoreReading {
    /// The quiet hours stored; none set by default.
    public func quietHours() throws(StoreError) -> QuietHours {
        try query { try $0.quietHours() }
    }

    /// The key one-tap links are signed with, or nil before `WriteTransaction.ensureLinkKey` made it.
    public func linkKey() throws(StoreError) -> [UInt8]? {
        try query { try $0.linkKey() }
    }
}
