/// The UTC date and time of day of an instant in the proleptic Gregorian calendar: the one split of an instant
/// into the fields that dates and times are written with.
public struct CivilTime: Equatable, Sendable {
    /// Days since 1970-01-01.
    public let dayNumber: Int64
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    public let millisecond: Int

    /// The date and time in UTC at which `instant` falls; an instant before 1970 belongs to the day, second and
    /// millisecond that began before it. Not clamped: writers that need four-digit years split `clamped`.
    public init(_ instant: Instant) {
        let seconds = instant.secondsSince1970
        let (dayNumber, secondOfDay) = CivilCalendar.split(seconds: seconds)
        self.dayNumber = dayNumber
        (year, month, day) = CivilCalendar.date(dayNumber: dayNumber)
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        millisecond = Int(instant.millis - seconds * 1000)
    }

    /// 1 is Monday, 7 is Sunday.
    public var isoWeekday: Int { CivilCalendar.isoWeekday(dayNumber: dayNumber) }
}
