import Foundation

/// A zone's UTC offsets over a span of time, read once from the zone database so that the many conversions of an
/// agenda are array look-ups rather than zone database queries.
struct OffsetTable: Sendable {
    /// The span covered, in seconds since 1970: `[lowerBound, upperBound)`.
    let lowerBound: Int64
    let upperBound: Int64
    /// `starts[i]` is the first second at which `offsets[i]` holds; `starts[0] == lowerBound`.
    private let starts: [Int64]
    private let offsets: [Int64]

    /// The table for a span; nil when the zone database does not move forward through its transitions, in which
    /// case callers ask the zone directly.
    init?(timeZone: TimeZone, from lowerBound: Int64, to upperBound: Int64) {
        guard lowerBound < upperBound else {
            return nil
        }
        var starts = [lowerBound]
        var offsets = [Self.offset(timeZone, lowerBound)]
        var cursor = Date(timeIntervalSince1970: TimeInterval(lowerBound))
        // A span of decades holds a few transitions a year; the bound only guards against a misbehaving database.
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), starts.count < 10_000 {
            guard next > cursor, let seconds = Int64(exactly: next.timeIntervalSince1970.rounded(.down)),
                let last = starts.last, seconds > last
            else {
                return nil
            }
            if seconds >= upperBound {
                break
            }
            starts.append(seconds)
            offsets.append(Self.offset(timeZone, seconds))
            cursor = next
        }
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.starts = starts
        self.offsets = offsets
    }

    private static func offset(_ timeZone: TimeZone, _ seconds: Int64) -> Int64 {
        Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// The offset at an instant, or nil outside the span.
    func offset(atSeconds seconds: Int64) -> Int64? {
        guard seconds >= lowerBound, seconds < upperBound else {
            return nil
        }
        // The last start at or before `seconds`.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= seconds {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return offsets[low]
    }
}
