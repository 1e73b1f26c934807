import Foundation

/// The one way the guidance turns a zone name into a `TimeZone`.
public enum GuidanceTimeZone {
    /// Reading the list of known zones once makes the zone database available: in a binary linked with a static
    /// standard library, `TimeZone(identifier:)` returns nil for real zones until that list has been read.
    private static let knownIdentifierCount = TimeZone.knownTimeZoneIdentifiers.count

    /// Every name `named` accepts, `UTC` among them, in order. Made once, on first use, from the names the zone
    /// library lists and those of the system's tz database (the library's list can lag it: it may hold
    /// `Asia/Calcutta` and not `Asia/Kolkata`, which `named` accepts all the same), keeping each that `named` takes.
    public static let names: [String] = {
        var candidates = Set(TimeZone.knownTimeZoneIdentifiers)
        let directory = ProcessInfo.processInfo.environment["TZDIR"] ?? "/usr/share/zoneinfo"
        if let text = try? String(contentsOfFile: directory + "/tzdata.zi", encoding: .utf8) {
            candidates.formUnion(databaseNames(text))
        }
        candidates.insert("UTC")
        return candidates.filter { named($0) != nil }.sorted()
    }()

    /// The zone and link names of a tz database in its compact text form (`tzdata.zi`, which zic reads): a zone
    /// line is `Z NAME …`, a link line `L TARGET NAME`; every other line names none.
    static func databaseNames(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            switch fields.first {
            case "Z" where fields.count >= 2: return String(fields[1])
            case "L" where fields.count >= 3: return String(fields[2])
            default: return nil
            }
        }
    }

    /// The zone for an IANA name, or nil when the name is not one.
    ///
    /// `UTC` is accepted as itself. Any other name must be spelt as IANA spells names and come back from the zone
    /// database under the same spelling; this refuses the offsets and abbreviations the database also understands
    /// (`GMT+5`) but IANA does not name.
    public static func named(_ name: String) -> TimeZone? {
        if name == "UTC" {
            return TimeZone(secondsFromGMT: 0)
        }
        _ = knownIdentifierCount
        guard isSpeltAsIANASpells(name), let zone = TimeZone(identifier: name), zone.identifier == name else {
            return nil
        }
        return zone
    }

    /// Whether a name has only the characters IANA zone names use: ASCII letters, digits, `/`, `_`, `-` and `+`
    /// (`America/Port-au-Prince`, `Etc/GMT+5`), 1 to 64 of them.
    ///
    /// Checked on the text alone, before the zone database is asked: the database reads a name as a C string and
    /// keeps the zones it has made by the name they were asked for, so once `Europe/Paris` has been made,
    /// `Europe/Paris` followed by a NUL comes back as a zone of that name, while a fresh process refuses it.
    /// Validation must not depend on what the process happened to do before.
    static func isSpeltAsIANASpells(_ name: String) -> Bool {
        let bytes = name.utf8
        guard (1...64).contains(bytes.count) else {
            return false
        }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "/"), UInt8(ascii: "_"), UInt8(ascii: "-"),
                UInt8(ascii: "+"):
                return true
            default:
                return false
            }
        }
    }
}
