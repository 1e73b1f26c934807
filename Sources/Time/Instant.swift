/// A point in time: whole milliseconds since 1970-01-01T00:00:00Z, leap seconds not counted (every UTC day has
/// 86,400 seconds, as POSIX and RFC 3339 §5.6 reckon them).
///
/// The one way the service holds an instant, from the request it is read from through the rules to the text it
/// is written as: the Store keeps the same number in its columns. An integer, so that instants compare, sort and
/// hash exactly and cost no more than the number they are.
public struct Instant: Hashable, Comparable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z (negative before it).
    public let millis: Int64

    /// The instant `millis` milliseconds after 1970-01-01T00:00:00Z, moved within `lowest...highest`.
    @inlinable
    public init(millis: Int64) {
        self.millis = Swift.min(Swift.max(millis, Self.lowest.millis), Self.highest.millis)
    }

    /// The instant that many whole seconds after 1970-01-01T00:00:00Z, moved within `lowest...highest`.
    @inlinable
    public init(secondsSince1970 seconds: Int64) {
        self.init(millis: Swift.min(Swift.max(seconds, -Self.bound / 1000), Self.bound / 1000) * 1000)
    }

    @usableFromInline
    init(uncheckedMillis millis: Int64) {
        self.millis = millis
    }

    /// 10^16 milliseconds: about 317,000 years.
    @usableFromInline
    static let bound: Int64 = 10_000_000_000_000_000

    /// The earliest and the latest instant held, about 317,000 years before and after 1970. Far outside the years
    /// 0000 to 9999 the service reads and writes, so that a wait derived from any of those is exact; near enough
    /// that adding a span to an instant never overflows. They are also the instants before and after everything.
    public static let lowest = Instant(uncheckedMillis: -bound)
    public static let highest = Instant(uncheckedMillis: bound)

    /// The first instant the service reads or writes: `0000-01-01T00:00:00Z`, the first RFC 3339 writes with a
    /// four-digit `date-fullyear` (§5.6).
    public static let earliest = Instant(uncheckedMillis: -62_167_219_200_000)
    /// The last: `9999-12-31T23:59:59.999Z`.
    public static let latest = Instant(uncheckedMillis: 253_402_300_799_999)

    /// The instant moved into `earliest...latest`: what is written of an instant derived outside them (a wait
    /// from the last days of 9999), so that every time written has four-digit years and can be read back.
    @inlinable
    public var clamped: Instant {
        Swift.min(Swift.max(self, Self.earliest), Self.latest)
    }

    /// Whole seconds since 1970, rounded toward the past: an instant before 1970 belongs to the second that
    /// began before it.
    @inlinable
    public var secondsSince1970: Int64 {
        millis >= 0 ? millis / 1000 : (millis - 999) / 1000
    }

    /// The instant some milliseconds later (earlier when negative), kept within `lowest...highest`.
    @inlinable
    public func adding(milliseconds span: Int64) -> Instant {
        // Neither term exceeds twice the bound in size, so the sum cannot overflow.
        Instant(millis: millis + Swift.min(Swift.max(span, -2 * Self.bound), 2 * Self.bound))
    }

    /// The instant some seconds later (earlier when negative).
    @inlinable
    public func adding(seconds: Int64) -> Instant {
        adding(milliseconds: Swift.min(Swift.max(seconds, -2 * Self.bound / 1000), 2 * Self.bound / 1000) * 1000)
    }

    /// The instant some days of 86,400 seconds later (earlier when negative): not calendar days in a zone, which
    /// a clock change may make shorter or longer.
    @inlinable
    public func adding(days: Int) -> Instant {
        let bounded = Swift.min(Swift.max(Int64(days), -2 * Self.bound / 86_400_000), 2 * Self.bound / 86_400_000)
        return adding(milliseconds: bounded * 86_400_000)
    }

    @inlinable
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.millis < rhs.millis
    }
}
