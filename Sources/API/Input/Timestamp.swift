import Time

/// What the API says of the RFC 3339 times it reads (`Instant(rfc3339:)`, in Time) and refuses.
public enum Timestamp {
    /// What a time must be, for the errors that refuse one.
    static let expected =
        "must be an RFC 3339 date-time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z, such as "
        + "2026-11-02T09:30:00Z"

    static func digits(_ b: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start >= 0, start + count <= b.count else { return nil }
        var value = 0
        for i in start..<start + count {
            guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
            value = value * 10 + Int(b[i] - 0x30)
        }
        return value
    }
}
