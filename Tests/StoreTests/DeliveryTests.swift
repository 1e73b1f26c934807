import SQLite
import Testing

@testable import Store

@Suite("Deliveries: the outbox, what is due, each attempt's outcome, retries, the list, the purge and the counts")
struct DeliveryTests {
    @Test("enqueue stores a pending delivery with no attempt, due when asked, and reads back the same")
    func enqueue() throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        let queued = try database.enqueueDelivery(
            channelId: channel.id, itemKey: "7:follow_up:3:1700", Fixture.message(1), nextAttemptAt: 50, now: 40)
        let expected = DeliveryRecord(
            id: 1, channelId: channel.id, messageId: "msg_1", type: .itemDue, itemKey: "7:follow_up:3:1700",
            body: #"{"n":1}"#, status: .pending, attempts: 0, lastStatus: nil, lastError: nil, nextAttemptAt: 50,
            createdAt: 40, deliveredAt: nil)
        #expect(queued == expected)
        #expect(try database.delivery(id: 1) == expected)
        #expect(try database.delivery(id: 2) == nil)
        let digest = try database.enqueueDelivery(
            channelId: channel.id, itemKey: nil, Fixture.message(2, type: .digest), nextAttemptAt: 50, now: 40)
        #expect(digest.itemKey == nil && digest.type == .digest)
    }

    @Test("a message id is used once, and a channel that does not exist is refused")
    func refusals() throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        try Fixture.delivery(database, channelId: channel.id, 1)
        let duplicate = #expect(throws: SQLiteError.self) { try Fixture.delivery(database, channelId: channel.id, 1) }
        #expect(duplicate?.isUniqueViolation == true)
        let missing = #expect(throws: SQLiteError.self) { try Fixture.delivery(database, channelId: 99, 2) }
        #expect(missing?.isForeignKeyViolation == true)
    }

    @Test("a next attempt is set exactly while pending or failed: the schema refuses anything else")
    func nextAttemptInvariant() throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        try Fixture.delivery(database, channelId: channel.id, 1)
        for sql in [
            "UPDATE deliveries SET next_attempt_at = NULL",
            "UPDATE deliveries SET status = 'failed', next_attempt_at = NULL",
            "UPDATE deliveries SET status = 'delivered'",
            "UPDATE deliveries SET status = 'gave_up'",
            "UPDATE deliveries SET status = 'sent', next_attempt_at = NULL",
        ] {
            #expect(throws: SQLiteError.self, "\(sql)") { try database.run(sql) }
        }
        try database.run("UPDATE deliveries SET status = 'delivered', next_attempt_at = NULL")
    }

    /// A delivery due at `due` (relative to now), and whether `dueRuns(at: now)` takes it.
    struct DueCase: CustomTestStringConvertible, Sendable {
        let name: String
        let due: Int64
        let channelEnabled: Bool
        let channelBusy: Bool
        let taken: Bool
        var testDescription: String { name }
    }

    static let dueCases = [
        DueCase(name: "due a millisecond ago", due: -1, channelEnabled: true, channelBusy: false, taken: true),
        DueCase(name: "due exactly now", due: 0, channelEnabled: true, channelBusy: false, taken: true),
        DueCase(name: "due a millisecond from now", due: 1, channelEnabled: true, channelBusy: false, taken: false),
        DueCase(name: "due, of a disabled channel", due: -1, channelEnabled: false, channelBusy: false, taken: false),
        DueCase(name: "due, of a channel in flight", due: -1, channelEnabled: true, channelBusy: true, taken: false),
    ]

    @Test("due means next_attempt_at <= now, on an enabled channel not in flight", arguments: dueCases)
    func due(_ row: DueCase) throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database, enabled: row.channelEnabled)
        let other = try Fixture.channel(database, "other")
        let now = Fixture.now
        try Fixture.delivery(database, channelId: channel.id, 1, due: now + row.due)
        let busy: Set<Int64> = row.channelBusy ? [channel.id] : [other.id]
        let taken = try database.dueRuns(at: now, channels: 10, runLength: 10, excludingChannels: busy)
        #expect(taken.map { $0.map(\.messageId) } == (row.taken ? [["msg_1"]] : []))
        let next = try database.nextDeliveryDue(excludingChannels: busy)
        #expect(next == (row.channelEnabled && !row.channelBusy ? now + row.due : nil))
    }

    @Test("a run comes longest due first, ties by id, failed deliveries with pending ones, at most its length")
    func dueOrderAndLimit() throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        let now = Fixture.now
        // Queued in this order (ids 1…5), due at these offsets.
        for (number, due) in [(1, -10), (2, -30), (3, -10), (4, 5), (5, -20)] {
            try Fixture.delivery(database, channelId: channel.id, number, due: now + Int64(due))
        }
        _ = try database.recordDeliveryAttempt(
            id: 5, .failed(status: 500, error: "500", retryAt: now - 20), now: now - 25)
        let run = { (length: Int) in
            try database.dueRuns(at: now, channels: 10, runLength: length, excludingChannels: []).map { $0.map(\.id) }
        }
        #expect(try run(10) == [[2, 5, 1, 3]])
        #expect(try run(2) == [[2, 5]])
        #expect(try run(0) == [[2]])
        #expect(try database.nextDeliveryDue(excludingChannels: []) == now - 30)
    }

    @Test("with a channel in flight holding the longest due, the others' runs come, the longest due channel first")
    func dueAcrossChannels() throws {
        let database = try Fixture.database()
        let busy = try Fixture.channel(database, "busy")
        let first = try Fixture.channel(database, "first")
        let second = try Fixture.channel(database, "second")
        let now = Fixture.now
        for number in 1...50 {
            try Fixture.delivery(database, channelId: busy.id, number, due: now - 100)
        }
        try Fixture.delivery(database, channelId: first.id, 51, due: now - 10)
        try Fixture.delivery(database, channelId: second.id, 52, due: now - 15)
        try Fixture.delivery(database, channelId: first.id, 53, due: now - 20)
        try Fixture.delivery(database, channelId: second.id, 54, due: now + 5)
        let due = { (channels: Int, runLength: Int, busy: Set<Int64>) in
            try database.dueRuns(at: now, channels: channels, runLength: runLength, excludingChannels: busy).map {
                $0.map(\.messageId)
            }
        }
        #expect(try due(10, 10, [busy.id]) == [["msg_53", "msg_51"], ["msg_52"]])
        #expect(try due(1, 10, [busy.id]) == [["msg_53", "msg_51"]])
        #expect(try due(10, 1, [busy.id]) == [["msg_53"], ["msg_52"]])
        #expect(try due(10, 10, [busy.id, first.id]) == [["msg_52"]])
        #expect(try due(1, 2, []) == [["msg_1", "msg_2"]])
        #expect(try due(10, 10, [busy.id, first.id, second.id]).isEmpty)
        #expect(try database.nextDeliveryDue(excludingChannels: [busy.id]) == now - 20)
        #expect(try database.nextDeliveryDue(excludingChannels: [busy.id, first.id]) == now - 15)
        #expect(try database.nextDeliveryDue(excludingChannels: [busy.id, first.id, second.id]) == nil)
    }

    @Test("channels with as much due take turns: a tie goes to the channel whose delivery was queued first")
    func dueTiesTakeTurns() throws {
        let database = try Fixture.database()
        let first = try Fixture.channel(database, "first")
        let second = try Fixture.channel(database, "second")
        let now = Fixture.now
        // Queued alternately, all due at the same instant; the second channel's first delivery was queued first.
        for number in 1...6 {
            try Fixture.delivery(database, channelId: number % 2 == 1 ? second.id : first.id, number, due: now - 10)
        }
        let picked = {
            try database.dueRuns(at: now, channels: 1, runLength: 2, excludingChannels: []).map { $0.map(\.id) }
        }
        #expect(try picked() == [[1, 3]])
        _ = try database.recordDeliveryAttempt(id: 1, .delivered(status: 200), now: now)
        _ = try database.recordDeliveryAttempt(id: 3, .delivered(status: 200), now: now)
        #expect(try picked() == [[2, 4]])
        let both = try database.dueRuns(at: now, channels: 2, runLength: 5, excludingChannels: [])
        #expect(both.map { $0.map(\.id) } == [[2, 4, 6], [5]])
    }

    /// The sender asks again each time a request ends. Walking the whole outbox in order would pass, each time, over
    /// every waiting delivery of the channels in flight: a receiver that hangs, with a long queue before everyone
    /// else's, would make each question cost as much as its queue (measured: bench/README.md).
    @Test("the sender's queries look up each free channel's deliveries by index, not the outbox in order")
    func dueQueriesSearchEachChannel() throws {
        let database = try Fixture.database()
        for (sql, bindings) in [
            (Database.dueChannelsSQL, [SQLiteValue.integer(Fixture.now), .text("[1]"), .integer(4)]),
            (Database.dueRunSQL, [.integer(2), .integer(Fixture.now), .integer(32)]),
            (Database.nextDeliveryDueSQL, [.text("[1]")]),
        ] {
            let plan = try database.query("EXPLAIN QUERY PLAN " + sql, bindings).map { try $0.get(3, as: String.self) }
            #expect(plan.contains { $0.contains("INDEX deliveries_due_by_channel (channel_id=?") }, "\(plan)")
            #expect(!plan.contains { $0.contains("INDEX deliveries_due ") }, "\(plan)")
        }
    }

    @Test("settled deliveries are never due, and with none waiting there is no next instant")
    func settledNeverDue() throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        #expect(try database.nextDeliveryDue(excludingChannels: []) == nil)
        try Fixture.delivery(database, channelId: channel.id, 1, due: 0)
        try Fixture.delivery(database, channelId: channel.id, 2, due: 0)
        _ = try database.recordDeliveryAttempt(id: 1, .delivered(status: 204), now: 1)
        _ = try database.recordDeliveryAttempt(id: 2, .gaveUp(status: 410, error: "410 Gone"), now: 1)
        #expect(try database.dueRuns(at: Int64.max, channels: 10, runLength: 10, excludingChannels: []).isEmpty)
        #expect(try database.nextDeliveryDue(excludingChannels: []) == nil)
    }

    /// One attempt's outcome recorded on a delivery in a given status.
    struct AttemptCase: CustomTestStringConvertible, Sendable {
        let name: String
        let from: DeliveryStatus
        let outcome: DeliveryOutcome
        /// The delivery after, or nil when the write is refused.
        let after: (status: DeliveryStatus, lastStatus: Int?, lastError: String?, next: Int64?, deliveredAt: Int64?)?
        var testDescription: String { name }
    }

    static let attemptCases = [
        AttemptCase(
            name: "pending, 2xx: delivered", from: .pending, outcome: .delivered(status: 204),
            after: (.delivered, 204, nil, nil, 1_000)),
        AttemptCase(
            name: "pending, 500: failed, due again", from: .pending,
            outcome: .failed(status: 500, error: "500 Internal Server Error", retryAt: 31_000),
            after: (.failed, 500, "500 Internal Server Error", 31_000, nil)),
        AttemptCase(
            name: "pending, no response: failed with no status", from: .pending,
            outcome: .failed(status: nil, error: "connection refused", retryAt: 31_000),
            after: (.failed, nil, "connection refused", 31_000, nil)),
        AttemptCase(
            name: "pending, 410: gave up", from: .pending, outcome: .gaveUp(status: 410, error: "410 Gone"),
            after: (.gaveUp, 410, "410 Gone", nil, nil)),
        AttemptCase(
            name: "failed, 2xx: delivered, the last error cleared", from: .failed, outcome: .delivered(status: 200),
            after: (.delivered, 200, nil, nil, 1_000)),
        AttemptCase(
            name: "failed, retries spent: gave up", from: .failed,
            outcome: .gaveUp(status: 503, error: "retries spent"), after: (.gaveUp, 503, "retries spent", nil, nil)),
        AttemptCase(name: "delivered: refused", from: .delivered, outcome: .delivered(status: 200), after: nil),
        AttemptCase(
            name: "gave up: refused", from: .gaveUp, outcome: .failed(status: 500, error: "x", retryAt: 5),
            after: nil),
    ]

    @Test("an attempt counts one more, keeps its status and error, and moves the delivery on", arguments: attemptCases)
    func recordAttempt(_ row: AttemptCase) throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        let queued = try Fixture.delivery(database, channelId: channel.id, 1, due: 0)
        switch row.from {
        case .pending: break
        case .failed:
            _ = try database.recordDeliveryAttempt(id: 1, .failed(status: 502, error: "e", retryAt: 9), now: 5)
        case .delivered: _ = try database.recordDeliveryAttempt(id: 1, .delivered(status: 200), now: 5)
        case .gaveUp: _ = try database.recordDeliveryAttempt(id: 1, .gaveUp(status: 410, error: "gone"), now: 5)
        }
        let before = try #require(try database.delivery(id: queued.id))
        let recorded = try database.recordDeliveryAttempt(id: queued.id, row.outcome, now: 1_000)
        guard let after = row.after else {
            #expect(!recorded)
            #expect(try database.delivery(id: queued.id) == before)
            return
        }
        var expected = before
        expected.status = after.status
        expected.attempts = before.attempts + 1
        expected.lastStatus = after.lastStatus
        expected.lastError = after.lastError
        expected.nextAttemptAt = after.next
        expected.deliveredAt = after.deliveredAt
        #expect(recorded)
        #expect(try database.delivery(id: queued.id) == expected)
        #expect(try !database.recordDeliveryAttempt(id: 99, row.outcome, now: 1_000))
    }

    @Test("withdrawing gives up a waiting delivery without counting an attempt; a settled one stays")
    func withdraw() throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        try Fixture.delivery(database, channelId: channel.id, 1, due: 0)
        _ = try database.recordDeliveryAttempt(id: 1, .failed(status: 500, error: "500", retryAt: 9), now: 5)
        let withdrawn = try #require(try database.withdrawDelivery(id: 1, reason: "the item was done"))
        #expect(withdrawn.status == .gaveUp)
        #expect(withdrawn.attempts == 1)
        #expect(withdrawn.lastStatus == 500)
        #expect(withdrawn.lastError == "the item was done")
        #expect(withdrawn.nextAttemptAt == nil)
        #expect(try database.withdrawDelivery(id: 1, reason: "again") == nil)
        #expect(try database.delivery(id: 1)?.lastError == "the item was done")
    }

    @Test(
        "retry makes a failed or gave-up delivery pending now, with the same message id; others are refused",
        arguments: [
            (DeliveryStatus.pending, false), (.delivered, false), (.failed, true), (.gaveUp, true),
        ])
    func retry(_ from: DeliveryStatus, retried: Bool) throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        try Fixture.delivery(database, channelId: channel.id, 1, due: 0)
        switch from {
        case .pending: break
        case .failed:
            _ = try database.recordDeliveryAttempt(id: 1, .failed(status: 500, error: "e", retryAt: 9), now: 5)
        case .delivered: _ = try database.recordDeliveryAttempt(id: 1, .delivered(status: 200), now: 5)
        case .gaveUp: _ = try database.recordDeliveryAttempt(id: 1, .gaveUp(status: 410, error: "gone"), now: 5)
        }
        let before = try #require(try database.delivery(id: 1))
        let outcome = try database.retryDelivery(id: 1, now: 700)
        if retried {
            var expected = before
            expected.status = .pending
            expected.nextAttemptAt = 700
            #expect(outcome == .retried(expected))
            #expect(
                try database.dueRuns(at: 700, channels: 1, runLength: 5, excludingChannels: []).map {
                    $0.map(\.messageId)
                } == [["msg_1"]])
        } else {
            #expect(outcome == .refused(current: from))
            #expect(try database.delivery(id: 1) == before)
        }
        #expect(try database.retryDelivery(id: 99, now: 700) == .notFound)
    }

    @Test("the list is newest first and pages by id, with either filter or both", arguments: [1, 2, 3, 10])
    func list(_ limit: Int) throws {
        let database = try Fixture.database()
        let first = try Fixture.channel(database, "first")
        let second = try Fixture.channel(database, "second")
        // ids 1…8, alternating channels; every third one delivered.
        for number in 1...8 {
            let channel = number % 2 == 1 ? first : second
            try Fixture.delivery(database, channelId: channel.id, number, due: 0)
            if number % 3 == 0 {
                _ = try database.recordDeliveryAttempt(id: Int64(number), .delivered(status: 200), now: 1)
            }
        }
        let cases: [(DeliveryFilter, [Int64])] = [
            (DeliveryFilter(), [8, 7, 6, 5, 4, 3, 2, 1]),
            (DeliveryFilter(channelId: first.id), [7, 5, 3, 1]),
            (DeliveryFilter(status: .delivered), [6, 3]),
            (DeliveryFilter(status: .pending), [8, 7, 5, 4, 2, 1]),
            (DeliveryFilter(channelId: second.id, status: .pending), [8, 4, 2]),
            (DeliveryFilter(channelId: 99), []),
            (DeliveryFilter(status: .gaveUp), []),
        ]
        for (filter, expected) in cases {
            var seen: [Int64] = []
            var cursor: IDCursor?
            var pages = 0
            repeat {
                let page = try database.deliveries(matching: filter, after: cursor, limit: limit)
                seen += page.items.map(\.id)
                pages += 1
                #expect(page.items.count <= limit)
                cursor = page.nextCursor
            } while cursor != nil && pages < 20
            #expect(seen == expected, "\(filter)")
            #expect(pages == max(1, (expected.count + limit - 1) / limit), "\(filter)")
        }
    }

    @Test(
        "the purge deletes what was queued more than 30 days ago, whatever its status, and keeps its mark",
        arguments: [(-1 as Int64, true), (0, false), (1, false)])
    func purge(_ offset: Int64, purged: Bool) throws {
        let database = try Fixture.database()
        let channel = try Fixture.channel(database)
        let now = Fixture.now
        let cutoff = ReminderRetention.cutoff(now: now)
        #expect(now - cutoff == 30 * Fixture.day)
        let item = ItemPhase(itemKey: "1:follow_up:-:1", phase: .due)
        let old = try #require(
            try database.enqueueOnce(
                channelId: channel.id, item, Fixture.message(1), nextAttemptAt: cutoff + offset, now: cutoff + offset))
        try Fixture.delivery(database, channelId: channel.id, 2, due: now, createdAt: now)
        #expect(try database.purgeDeliveries(olderThan: cutoff) == (purged ? 1 : 0))
        #expect((try database.delivery(id: old.id) == nil) == purged)
        #expect(try database.delivery(id: 2) != nil)
        let mark = try database.marks(channelId: channel.id)
        #expect(mark.map(\.item) == [item])
        #expect(mark.first?.deliveryId == (purged ? nil : old.id))
    }

    @Test("the counts give every status and the oldest delivery still to be sent")
    func counts() throws {
        let database = try Fixture.database()
        #expect(
            try database.deliveryCounts()
                == DeliveryCounts(
                    byStatus: [.pending: 0, .delivered: 0, .failed: 0, .gaveUp: 0], oldestWaitingCreatedAt: nil))
        let channel = try Fixture.channel(database, enabled: false)
        for (number, created) in [(1, 100), (2, 200), (3, 300), (4, 400), (5, 500)] {
            try Fixture.delivery(database, channelId: channel.id, number, due: 0, createdAt: Int64(created))
        }
        _ = try database.recordDeliveryAttempt(id: 1, .delivered(status: 200), now: 1)
        _ = try database.recordDeliveryAttempt(id: 2, .failed(status: 500, error: "e", retryAt: 9), now: 1)
        _ = try database.recordDeliveryAttempt(id: 3, .gaveUp(status: 410, error: "gone"), now: 1)
        let counts = try database.deliveryCounts()
        #expect(counts.byStatus == [.pending: 2, .delivered: 1, .failed: 1, .gaveUp: 1])
        #expect(counts.waiting == 3)
        #expect(counts.oldestWaitingCreatedAt == 200, "failed 2 is older than pending 4 and 5; delivered 1 is out")
    }
}
