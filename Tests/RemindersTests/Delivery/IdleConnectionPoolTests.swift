import Synchronization
import Testing

@testable import Reminders

@Suite("IdleConnectionPool: bounded by origin, in all and in age, the oldest let go first")
struct IdleConnectionPoolTests {
    /// Stands for a connection; counts those let go of.
    final class Stub: Sendable {
        let name: String
        let released: Counter

        init(_ name: String, _ released: Counter) {
            self.name = name
            self.released = released
        }

        deinit { released.value.add(1, ordering: .relaxed) }
    }

    final class Counter: Sendable {
        let value = Atomic<Int>(0)
        var count: Int { value.load(ordering: .relaxed) }
    }

    static let a = ReceiverURL.Origin(host: "a", port: 80)
    static let b = ReceiverURL.Origin(host: "b", port: 80)

    @Test("the connection parked last to an origin is taken first, and only by its origin")
    func lastFirst() {
        let released = Counter()
        let pool = IdleConnectionPool<Stub>()
        #expect(pool.take(Self.a, now: 0) == nil)
        pool.put(Stub("1", released), origin: Self.a, now: 0)
        pool.put(Stub("2", released), origin: Self.a, now: 1)
        #expect(pool.take(Self.b, now: 2) == nil)
        #expect(pool.take(ReceiverURL.Origin(host: "a", port: 81), now: 2) == nil)
        #expect(pool.take(Self.a, now: 2)?.name == "2")
        #expect(pool.take(Self.a, now: 2)?.name == "1")
        #expect(pool.take(Self.a, now: 2) == nil)
        #expect(released.count == 2)
    }

    @Test("an origin keeps at most its bound, the oldest let go")
    func perOrigin() {
        let released = Counter()
        let pool = IdleConnectionPool<Stub>(limits: .init(perOrigin: 4, total: 32))
        for index in 1...4 { pool.put(Stub("\(index)", released), origin: Self.a, now: Int64(index)) }
        pool.put(Stub("b", released), origin: Self.b, now: 5)
        #expect(pool.count(Self.a) == 4 && released.count == 0)
        pool.put(Stub("5", released), origin: Self.a, now: 6)
        #expect(pool.count(Self.a) == 4 && pool.count(Self.b) == 1 && released.count == 1)
        let taken = (0..<4).compactMap { _ in pool.take(Self.a, now: 7)?.name }
        #expect(taken == ["5", "4", "3", "2"])
    }

    @Test("the pool keeps at most its bound in all, the oldest of any origin let go")
    func total() {
        let released = Counter()
        let pool = IdleConnectionPool<Stub>(limits: .init(perOrigin: 4, total: 8))
        for index in 0..<8 {
            pool.put(Stub("\(index)", released), origin: .init(host: "h\(index)", port: 80), now: Int64(index))
        }
        #expect(pool.count() == 8 && released.count == 0)
        pool.put(Stub("8", released), origin: .init(host: "h8", port: 80), now: 8)
        #expect(pool.count() == 8 && released.count == 1)
        #expect(pool.take(.init(host: "h0", port: 80), now: 9) == nil)
        #expect(pool.take(.init(host: "h1", port: 80), now: 9)?.name == "1")
    }

    @Test(
        "a connection idle up to the limit is taken; one idle longer is let go, whoever asks",
        arguments: [(Int64(4_000), true), (4_001, false)])
    func age(_ idleFor: Int64, _ taken: Bool) {
        let released = Counter()
        let pool = IdleConnectionPool<Stub>(limits: .init(idleMillis: 4_000))
        pool.put(Stub("old", released), origin: Self.a, now: 1_000)
        // Asking for another origin, or parking another connection, lets go of the expired ones too.
        #expect(pool.take(Self.b, now: 1_000 + idleFor) == nil)
        #expect(pool.count(Self.a) == (taken ? 1 : 0))
        #expect(released.count == (taken ? 0 : 1))
        #expect((pool.take(Self.a, now: 1_000 + idleFor) != nil) == taken)
    }

    @Test("removing all lets go of every connection")
    func removeAll() {
        let released = Counter()
        let pool = IdleConnectionPool<Stub>()
        pool.put(Stub("1", released), origin: Self.a, now: 0)
        pool.put(Stub("2", released), origin: Self.b, now: 0)
        pool.removeAll()
        #expect(pool.count() == 0 && released.count == 2)
    }
}
