import SQLite
import Testing

@testable import Store

@Suite("Channels: create, read, versioned update and delete, and what the service sets on them")
struct ChannelTests {
    @Test("insert assigns id 1, version 1, no give-ups, no digest; get returns the same record, every field kept")
    func insertAndGet() throws {
        let database = try Fixture.database()
        let fields = ChannelFields(
            name: "Phone", kind: .ntfy, url: "https://ntfy.example/jobs", token: "tk_1", secret: nil,
            previousSecret: "whsec_b2xk", previousSecretUntil: 5, enabled: false, disabledReason: "410 Gone",
            mode: .digest, digestAt: "07:30", actions: ["follow_up", "thank_you", "debrief"])
        let record = try database.insertChannel(fields, now: Fixture.now)
        #expect(record == ChannelRecord(id: 1, fields, createdAt: Fixture.now, updatedAt: Fixture.now))
        #expect(record.gaveUpInRow == 0 && record.lastDigestDate == nil && record.version == 1)
        #expect(try database.channel(id: 1) == record)
        #expect(try database.channel(id: 2) == nil)
    }

    @Test(
        "actions keep their order and any text, through the JSON column",
        arguments: [[], ["follow_up"], ["a\"b", "back\\slash", "tab\there", "é 🎉", "", "follow_up"]])
    func actionsRoundTrip(_ actions: [String]) throws {
        let database = try Fixture.database()
        var fields = Fixture.channelFields()
        fields.actions = actions
        let record = try database.insertChannel(fields, now: 1)
        #expect(try database.channel(id: record.id)?.actions == actions)
        let stored = try database.queryOne("SELECT actions FROM channels WHERE id = ?", [.integer(record.id)])
        #expect(try stored?.get(0, as: String.self).first == "[")
    }

    @Test("a stored kind, mode or actions outside what the Store writes is an error, not a guess")
    func badColumnsAreErrors() throws {
        let database = try Fixture.database()
        try Fixture.channel(database)
        try database.run("UPDATE channels SET actions = '{\"a\":1}'")
        #expect(throws: RowDecodingError.self) { try database.channel(id: 1) }
        try database.run("UPDATE channels SET actions = '[1]'")
        #expect(throws: RowDecodingError.self) { try database.channel(id: 1) }
        #expect(throws: SQLiteError.self) { try database.run("UPDATE channels SET kind = 'email'") }
        #expect(throws: SQLiteError.self) { try database.run("UPDATE channels SET mode = 'weekly'") }
    }

    /// One guarded write: which id and expected version, and what must come of it.
    struct GuardCase: CustomTestStringConvertible, Sendable {
        let name: String
        let exists: Bool
        let expectedVersion: Int64?
        let outcome: WriteOutcome<Int64>
        var testDescription: String { name }
    }

    static let guardCases = [
        GuardCase(name: "no If-Match: written", exists: true, expectedVersion: nil, outcome: .done(2)),
        GuardCase(name: "matching version: written", exists: true, expectedVersion: 1, outcome: .done(2)),
        GuardCase(
            name: "stale version: nothing written", exists: true, expectedVersion: 2,
            outcome: .versionMismatch(current: 1)),
        GuardCase(name: "unknown id: not found", exists: false, expectedVersion: nil, outcome: .notFound),
        GuardCase(name: "unknown id with a version: not found", exists: false, expectedVersion: 1, outcome: .notFound),
    ]

    static func versionOnly(_ outcome: WriteOutcome<ChannelRecord>) -> WriteOutcome<Int64> {
        switch outcome {
        case .done(let record): .done(record.version)
        case .notFound: .notFound
        case .versionMismatch(let current): .versionMismatch(current: current)
        }
    }

    @Test("update replaces every field and honours the expected version (RFC 9110 §13.1.1)", arguments: guardCases)
    func updateGuard(_ row: GuardCase) throws {
        let database = try Fixture.database()
        let created = try Fixture.channel(database)
        let id = row.exists ? created.id : 99
        var fields = created.fields
        fields.name = "Renamed"
        fields.mode = .digest
        fields.actions = ["debrief"]
        let later = Fixture.now + Fixture.hour
        let outcome = try database.updateChannel(id: id, fields, expectedVersion: row.expectedVersion, now: later)
        #expect(Self.versionOnly(outcome) == row.outcome)
        if case .done = row.outcome {
            let expected = ChannelRecord(id: id, fields, createdAt: Fixture.now, updatedAt: later, version: 2)
            #expect(outcome.record == expected)
            #expect(try database.channel(id: id) == expected)
        } else {
            #expect(try database.channel(id: created.id) == created)
        }
    }

    @Test("delete honours the expected version and returns the record as it was", arguments: guardCases)
    func deleteGuard(_ row: GuardCase) throws {
        let database = try Fixture.database()
        let created = try Fixture.channel(database)
        let id = row.exists ? created.id : 99
        let outcome = try database.deleteChannel(id: id, expectedVersion: row.expectedVersion)
        switch row.outcome {
        case .done:
            #expect(outcome == .done(created))
            #expect(try database.channel(id: created.id) == nil)
        default:
            #expect(Self.versionOnly(outcome) == row.outcome)
            #expect(try database.channel(id: created.id) == created)
        }
    }

    @Test("deleting a channel deletes its deliveries and marks, and no other channel's")
    func deleteCascades() throws {
        let database = try Fixture.database()
        let gone = try Fixture.channel(database, "gone")
        let kept = try Fixture.channel(database, "kept")
        for (channel, number) in [(gone, 1), (kept, 2)] {
            let item = ItemPhase(itemKey: "1:follow_up:-:\(number)", phase: .due)
            _ = try database.enqueueOnce(
                channelId: channel.id, item, Fixture.message(number), nextAttemptAt: Fixture.now, now: Fixture.now)
            _ = try database.insertMark(
                channelId: channel.id, ItemPhase(itemKey: "baseline", phase: .overdue), deliveryId: nil,
                now: Fixture.now)
        }
        _ = try database.deleteChannel(id: gone.id, expectedVersion: nil)
        #expect(try database.marks(channelId: gone.id).isEmpty)
        #expect(try database.marks(channelId: kept.id).count == 2)
        let left = try database.deliveries(matching: DeliveryFilter(), after: nil, limit: 10).items
        #expect(left.map(\.channelId) == [kept.id])
    }

    /// One call of `setChannelEnabled` on a channel in a given state.
    struct EnableCase: CustomTestStringConvertible, Sendable {
        let name: String
        let from: (enabled: Bool, reason: String?, gaveUp: Int)
        let to: (enabled: Bool, reason: String?)
        /// Whether the call changes the channel (and so its version).
        let writes: Bool
        let gaveUpAfter: Int
        var testDescription: String { name }
    }

    static let enableCases = [
        EnableCase(
            name: "disable an enabled channel, saying why", from: (true, nil, 3), to: (false, "410 Gone"),
            writes: true, gaveUpAfter: 3),
        EnableCase(
            name: "enable a disabled channel: the give-ups start again from 0", from: (false, "10 gave up", 10),
            to: (true, nil), writes: true, gaveUpAfter: 0),
        EnableCase(
            name: "disable again for the same reason: nothing written", from: (false, "410 Gone", 1),
            to: (false, "410 Gone"), writes: false, gaveUpAfter: 1),
        EnableCase(
            name: "disable again for another reason: the reason changes", from: (false, "410 Gone", 1),
            to: (false, "10 gave up"), writes: true, gaveUpAfter: 1),
        EnableCase(
            name: "enable an enabled channel: nothing written", from: (true, nil, 2), to: (true, nil), writes: false,
            gaveUpAfter: 2),
    ]

    @Test("enabling and disabling change the version only when something changes", arguments: enableCases)
    func setEnabled(_ row: EnableCase) throws {
        let database = try Fixture.database()
        var fields = Fixture.channelFields()
        fields.enabled = row.from.enabled
        fields.disabledReason = row.from.reason
        let created = try database.insertChannel(fields, now: Fixture.now)
        for _ in 0..<row.from.gaveUp { _ = try database.incrementGaveUpInRow(channelId: created.id) }
        let later = Fixture.now + 5
        let after = try #require(
            try database.setChannelEnabled(id: created.id, row.to.enabled, reason: row.to.reason, now: later))
        #expect(after.enabled == row.to.enabled)
        #expect(after.disabledReason == row.to.reason)
        #expect(after.version == (row.writes ? 2 : 1))
        #expect(after.updatedAt == (row.writes ? later : Fixture.now))
        #expect(after.gaveUpInRow == row.gaveUpAfter)
        #expect(try database.setChannelEnabled(id: 99, false, reason: "x", now: later) == nil)
    }

    @Test("an update that enables a disabled channel clears its give-ups; one that keeps it disabled does not")
    func updateEnablingClearsGiveUps() throws {
        let database = try Fixture.database()
        let created = try Fixture.channel(database, enabled: false)
        for _ in 0..<4 { _ = try database.incrementGaveUpInRow(channelId: created.id) }
        var fields = created.fields
        fields.name = "still off"
        let kept = try #require(try database.updateChannel(id: created.id, fields, expectedVersion: 1, now: 2).record)
        #expect(kept.gaveUpInRow == 4)
        fields.enabled = true
        let enabled = try #require(
            try database.updateChannel(id: created.id, fields, expectedVersion: 2, now: 3).record)
        #expect(enabled.gaveUpInRow == 0)
    }

    @Test("give-ups in a row count up by one, reset to 0, and leave the version alone")
    func gaveUpInRow() throws {
        let database = try Fixture.database()
        let created = try Fixture.channel(database)
        #expect(try (1...10).map { _ in try database.incrementGaveUpInRow(channelId: created.id) } == Array(1...10))
        try database.resetGaveUpInRow(channelId: created.id)
        #expect(try database.channel(id: created.id)?.gaveUpInRow == 0)
        try database.resetGaveUpInRow(channelId: created.id)
        #expect(database.changes == 0, "a count already 0 is not written again")
        #expect(try database.incrementGaveUpInRow(channelId: created.id) == 1)
        #expect(try database.incrementGaveUpInRow(channelId: 99) == nil)
        #expect(try database.channel(id: created.id)?.version == 1)
    }

    @Test("rotating the secret keeps the one replaced with its until, forgets the one before, bumps the version")
    func rotateSecret() throws {
        let database = try Fixture.database()
        let created = try Fixture.channel(database)
        let first = try #require(
            try database.rotateChannelSecret(id: created.id, to: "whsec_bmV3", previousUntil: 100, now: 10))
        #expect(first.secret == "whsec_bmV3")
        #expect(first.previousSecret == created.secret)
        #expect(first.previousSecretUntil == 100)
        #expect(first.version == 2 && first.updatedAt == 10)
        let second = try #require(
            try database.rotateChannelSecret(id: created.id, to: "whsec_bmV3ZXI=", previousUntil: 200, now: 20))
        #expect(second.secret == "whsec_bmV3ZXI=")
        #expect(second.previousSecret == "whsec_bmV3")
        #expect(second.previousSecretUntil == 200)
        #expect(try database.rotateChannelSecret(id: 99, to: "x", previousUntil: 1, now: 1) == nil)
    }

    @Test("the last digest date is set on its own, without the version")
    func lastDigestDate() throws {
        let database = try Fixture.database()
        let created = try Fixture.channel(database)
        #expect(try database.setLastDigestDate(channelId: created.id, "2026-11-02"))
        let after = try database.channel(id: created.id)
        #expect(after?.lastDigestDate == "2026-11-02")
        #expect(after?.version == 1)
        #expect(try database.setLastDigestDate(channelId: 99, "2026-11-02") == false)
    }

    @Test("channels page by id ascending (a limit below 1 counts as 1)", arguments: PaginationTests.cases)
    func pagination(_ row: PaginationTests.Case) throws {
        let database = try Fixture.database()
        for index in 1...7 { try Fixture.channel(database, "c\(index)") }
        var seen: [Int64] = []
        var cursor: IDCursor?
        var pages = 0
        repeat {
            let page = try database.channels(after: cursor, limit: row.limit)
            seen += page.items.map(\.id)
            pages += 1
            cursor = page.nextCursor
        } while cursor != nil && pages < 20
        #expect(seen == Array(1...7))
        #expect(pages == row.pages)
        #expect(try database.allChannels().map(\.id) == Array(1...7))
    }
}
