import Glibc

/// The IMF-fixdate of RFC 9110 §5.6.7 (`Sun, 06 Nov 1994 08:49:37 GMT`), formatted by hand and
/// cached per second: formatting on every response would cost more than the rest of the response.
struct HTTPDate {
    private var second = -1
    private(set) var bytes: [UInt8] = []
    /// `2026-11-29T14:00:00Z`, for logs.
    private(set) var iso: String = ""

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    mutating func refresh(now: Int) {
        guard now != second else { return }
        second = now
        var t = time_t(now)
        var parts = tm()
        gmtime_r(&t, &parts)
        let day = Self.days[Int(parts.tm_wday) % 7]
        let month = Self.months[Int(parts.tm_mon) % 12]
        let year = Int(parts.tm_year) + 1900
        let text =
            "\(day), \(Self.two(parts.tm_mday)) \(month) \(year) "
            + "\(Self.two(parts.tm_hour)):\(Self.two(parts.tm_min)):\(Self.two(parts.tm_sec)) GMT"
        bytes = Array(text.utf8)
        iso =
            "\(year)-\(Self.two(parts.tm_mon + 1))-\(Self.two(parts.tm_mday))T"
            + "\(Self.two(parts.tm_hour)):\(Self.two(parts.tm_min)):\(Self.two(parts.tm_sec))Z"
    }

    static func two(_ n: Int32) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}
