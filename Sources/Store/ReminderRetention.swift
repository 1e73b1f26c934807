/// How long the reminders' records are kept: deliveries, the marks of items no longer listed and the nonces of
/// used links are purged once older than this. A record exactly this old is kept.
public enum ReminderRetention {
    /// 30 days, in milliseconds.
    public static let milliseconds: Int64 = 30 * 24 * 3_600_000

    /// The cutoff to purge with at `now` (ms): records made before it are older than the retention.
    public static func cutoff(now: Int64) -> Int64 {
        now - milliseconds
    }
}
