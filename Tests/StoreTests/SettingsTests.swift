import SQLite
import Testing

@testable import Store

@Suite("Settings: opaque text values by name")
struct SettingsTests {
    @Test("a fresh database has no settings")
    func emptyAtFirst() throws {
        #expect(try Fixture.database().settings().isEmpty)
    }

    @Test("writing many stores them all; writing again replaces only the names given")
    func writeMany() throws {
        let database = try Fixture.database()
        try database.writeSettings(["time_zone": "\"UTC\"", "skip_weekends": "true", "follow_up_gap_days": "7"])
        try database.writeSettings(["time_zone": "\"Europe/Paris\""])
        #expect(
            try database.settings() == [
                "time_zone": "\"Europe/Paris\"", "skip_weekends": "true", "follow_up_gap_days": "7",
            ])
    }

    @Test("a batch of settings inside a failed transaction leaves none written")
    func atomic() throws {
        let database = try Fixture.database()
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try database.transaction(.immediate) { database in
                try database.writeSettings(["a": "1", "b": "2"])
                throw Abort()
            }
        }
        #expect(try database.settings().isEmpty)
    }

    @Test("isEmpty ignores settings and turns false with any contact, application or event")
    func isEmpty() throws {
        let database = try Fixture.database()
        try database.writeSettings(["time_zone": "\"UTC\""])
        #expect(try database.isEmpty())
        let contact = try Fixture.contact(database, "Only")
        #expect(try database.isEmpty() == false)
        _ = try database.deleteContact(id: contact.id, expectedVersion: nil)
        #expect(try database.isEmpty())
        try Fixture.application(database)
        #expect(try database.isEmpty() == false)
    }
}
