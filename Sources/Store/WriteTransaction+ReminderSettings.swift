import Crypto

/// The reminders' settings, written as every setting is: a write that stores one reports `.settings`.
extension WriteTransaction {
    /// Stores both quiet hours (nil as `null`). A settings write: reports `.settings`, as `writeSettings` does.
    public mutating func writeQuietHours(_ hours: QuietHours) throws(StoreError) {
        try query { try $0.writeQuietHours(hours) }
        change = change.then(.settings)
    }

    /// The key one-tap links are signed with: the stored one, or, the first time, 32 bytes from the system's
    /// cryptographic random source (getrandom on Linux, as the feed token's), stored in base64. Reports
    /// `.settings` when it made the key, as a settings write does, and nothing when it was there.
    public mutating func ensureLinkKey() throws(StoreError) -> [UInt8] {
        if let key = try query({ try $0.linkKey() }) { return key }
        let key = RandomBytes.make(32)
        try query { try $0.writeLinkKey(key) }
        change = change.then(.settings)
        return key
    }
}
