import Time

/// Writes iCalendar content lines (RFC 5545 §3.1): `NAME:value`, each ending in CRLF and folded so that no
/// line exceeds 75 octets.
struct ICalendar {
    /// The longest line RFC 5545 §3.1 allows, in octets, without its CRLF.
    static let maximumLineOctets = 75

    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends `NAME:value` with the value as given: for values the service formats itself (dates, ids,
    /// fixed words), which need no escaping.
    mutating func property(_ name: String, _ value: String) {
        Self.appendFolded(Array((name + ":" + value).utf8), into: &bytes)
    }

    /// Appends `NAME:text` with the text escaped as a TEXT value (§3.3.11).
    mutating func text(_ name: String, _ text: String) {
        property(name, Self.escaped(text))
    }

    /// A TEXT value (§3.3.11): backslash, semicolon and comma get a backslash; a line break (CRLF, CR or LF)
    /// becomes `\n`. Other control characters are not allowed in TEXT at all and are dropped; tab is kept.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                // CONTROL in §3.3.11 is %x00-08 / %x0A-1F / %x7F.
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Appends one content line, folded (§3.1): after at most 75 octets the line breaks with CRLF and goes on
    /// after a single space, which counts toward the next line's 75. A break never falls inside a UTF-8
    /// sequence, so that every physical line is valid UTF-8 on its own.
    static func appendFolded(_ line: [UInt8], into out: inout [UInt8]) {
        var start = 0
        var limit = maximumLineOctets
        while line.count - start > limit {
            var end = start + limit
            // Continuation bytes are 10xxxxxx: step back to the first byte of the sequence.
            while end > start, line[end] & 0xC0 == 0x80 { end -= 1 }
            // Only bytes that are not UTF-8 could get here; break them anywhere rather than loop.
            if end == start { end = start + limit }
            out.append(contentsOf: line[start..<end])
            out.append(contentsOf: [0x0D, 0x0A, 0x20])
            start = end
            limit = maximumLineOctets - 1
        }
        out.append(contentsOf: line[start...])
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// A DATE-TIME in UTC (§3.3.5, form 2): `YYYYMMDDTHHMMSSZ`, to the second; an instant outside
    /// the years 0000 to 9999 is written as the nearer end of them (`Instant.clamped`).
    static func dateTime(_ instant: Instant) -> String {
        let time = CivilTime(instant.clamped)
        return CalendarText.string { text in
            text.digits(time.year, width: 4)
            text.digits(time.month, width: 2)
            text.digits(time.day, width: 2)
            text.append(UInt8(ascii: "T"))
            text.digits(time.hour, width: 2)
            text.digits(time.minute, width: 2)
            text.digits(time.second, width: 2)
            text.append(UInt8(ascii: "Z"))
        }
    }
}
