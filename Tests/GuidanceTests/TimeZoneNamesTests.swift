import Testing

@testable import Guidance

/// The list of zone names a client may offer: read from the tz database's compact form, and only names the settings
/// take.
@Suite struct TimeZoneNamesTests {
    static let lines: [(line: String, name: String?)] = [
        ("Z Asia/Kolkata 5:53:28 - LMT 1854 Jun 28", "Asia/Kolkata"),
        ("Z Etc/GMT+5 -5 - -05", "Etc/GMT+5"),
        ("L Asia/Kolkata Asia/Calcutta", "Asia/Calcutta"),
        ("L Etc/GMT GMT", "GMT"),
        ("R d 1916 o - Ap 30 23 1 S", nil),
        ("# version 2025b", nil),
        ("-5 - EST 1967", nil),
        ("Z", nil),
        ("L Etc/UTC", nil),
        ("", nil),
    ]

    @Test(arguments: lines)
    func aLineNamesAZoneOrALinkOrNothing(row: (line: String, name: String?)) {
        #expect(GuidanceTimeZone.databaseNames(row.line) == (row.name.map { [$0] } ?? []))
    }

    @Test func theListIsOrderedAndHoldsOnlyNamesTheSettingsTake() {
        let names = GuidanceTimeZone.names
        #expect(names == names.sorted())
        #expect(names.contains("UTC") && names.contains("Europe/Berlin"))
        for name in names { #expect(GuidanceTimeZone.named(name) != nil, "\(name)") }
    }
}
