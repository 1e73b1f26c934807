import Foundation
import Testing

/// A time zone name with a control character in it, sent once the same name without it is in use:
/// the zone database would answer for it in this process and refuse it after a restart.
@Suite struct TimeZoneHostileClientTests {
    @Test(arguments: [
        ("NUL at the end", #"Europe/Paris\u0000"#), ("NUL and more", #"Europe/Paris\u0000x"#),
        ("NUL after UTC", #"UTC\u0000"#), ("line feed", #"Europe/Paris\n"#), ("delete", #"Europe/Paris\u007f"#),
    ])
    func aZoneWithAControlCharacterIsRefusedBySettingsAndImport(_ name: String, _ escaped: String) throws {
        let api = try APIServer()
        #expect(try api.call("PUT", "/v1/settings", #"{"time_zone":"Europe/Paris"}"#).status == 200)
        #expect(try api.call("PUT", "/v1/settings", #"{"time_zone":"UTC"}"#).status == 200)
        #expect(try api.call("PUT", "/v1/settings", #"{"time_zone":"Europe/Paris"}"#).status == 200)

        let put = try api.call("PUT", "/v1/settings", #"{"time_zone":""# + escaped + #""}"#)
        #expect(put.status == 422, "\(name): \(put.bodyText)")
        #expect(try put.decode(ProblemBody.self).fields == ["time_zone"], "\(name)")
        #expect(try api.call("GET", "/v1/settings").decode(SettingsBody.self).timeZone == "Europe/Paris")

        let document =
            #"{"format":"notapest-export","version":1,"settings":{"time_zone":""# + escaped
            + #""},"contacts":[],"applications":[],"events":[]}"#
        let imported = try api.call("POST", "/v1/import", document)
        #expect(imported.status == 422, "\(name): \(imported.bodyText)")
        #expect(try imported.decode(ProblemBody.self).fields == ["settings.time_zone"], "\(name)")
        #expect(try api.call("GET", "/v1/settings").decode(SettingsBody.self).timeZone == "Europe/Paris")
    }
}
