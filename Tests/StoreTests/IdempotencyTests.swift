import SQLite
import Testing

@testable import Store

@Suite("Idempotency keys: saved responses are found by key, replaced, and purged by age")
struct IdempotencyTests {
    static func record(_ key: String, at createdAt: Int64, body: [UInt8] = [0x7B, 0x7D]) -> IdempotencyRecord {
        IdempotencyRecord(
            key: key, fingerprint: "sha256:\(key)", status: 201, headers: "Location: /v1/contacts/1",
            body: body, createdAt: createdAt)
    }

    @Test("a saved response comes back whole; an unknown key finds nothing")
    func saveAndLookup() throws {
        let database = try Fixture.database()
        let saved = Self.record("k1", at: Fixture.now)
        try database.saveIdempotencyRecord(saved)
        #expect(try database.idempotencyRecord(key: "k1") == saved)
        #expect(try database.idempotencyRecord(key: "k2") == nil)
    }

    @Test("an empty body is kept as empty bytes, not NULL")
    func emptyBody() throws {
        let database = try Fixture.database()
        try database.saveIdempotencyRecord(Self.record("empty", at: 1, body: []))
        #expect(try database.idempotencyRecord(key: "empty")?.body == [])
    }

    @Test("saving under an existing key replaces the earlier response")
    func replace() throws {
        let database = try Fixture.database()
        try database.saveIdempotencyRecord(Self.record("k", at: 1))
        var newer = Self.record("k", at: 2, body: [1, 2, 3])
        newer.status = 200
        try database.saveIdempotencyRecord(newer)
        #expect(try database.idempotencyRecord(key: "k") == newer)
    }

    /// A purge cutoff and the keys that must survive it.
    struct PurgeCase: CustomTestStringConvertible, Sendable {
        let name: String
        let cutoff: Int64
        let kept: [String]
        var testDescription: String { name }
    }

    static let purgeCases = [
        PurgeCase(name: "cutoff before all keeps all", cutoff: 100, kept: ["a", "b", "c"]),
        PurgeCase(name: "a key saved exactly at the cutoff is kept", cutoff: 200, kept: ["b", "c"]),
        PurgeCase(name: "cutoff between purges the older", cutoff: 250, kept: ["c"]),
        PurgeCase(name: "cutoff after all purges all", cutoff: 301, kept: []),
    ]

    @Test("purge deletes responses saved before the cutoff and counts them", arguments: purgeCases)
    func purge(_ row: PurgeCase) throws {
        let database = try Fixture.database()
        for (key, time) in [("a", Int64(100)), ("b", 200), ("c", 300)] {
            try database.saveIdempotencyRecord(Self.record(key, at: time))
        }
        let purged = try database.purgeIdempotencyRecords(olderThan: row.cutoff)
        #expect(purged == 3 - row.kept.count)
        let remaining = try ["a", "b", "c"].filter { try database.idempotencyRecord(key: $0) != nil }
        #expect(remaining == row.kept)
    }
}
