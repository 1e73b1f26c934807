import Foundation

/// The one way the guidance turns a zone name into a `TimeZone`.
public enum GuidanceTimeZone {
    /// Reading the list of known zones once makes the zone database available: in a binary linked with a static
    /// standard library, `TimeZone(identifier:)` returns nil for real zones until that list has been read.
    private static let knownIdentifierCount = TimeZone.knownTimeZoneIdentifiers.count

    /// The zone for an IANA name, or nil when the name is not one.
    ///
    /// `UTC` is accepted as itself. Any other name must come back from the zone database under the same spelling;
    /// this refuses the offsets and abbreviations the database also understands (`GMT+5`) but IANA does not name.
    public static func named(_ name: String) -> TimeZone? {
        if name == "UTC" {
            return TimeZone(secondsFromGMT: 0)
        }
        _ = knownIdentifierCount
        guard !name.isEmpty, name.utf8.count <= 64, let zone = TimeZone(identifier: name), zone.identifier == name
        else {
            return nil
        }
        return zone
    }
}
