import System

/// Connections left open after a response, by origin, for the next request to the same receiver (RFC 9112 §9.3).
///
/// Bounded in number per origin and in all, the oldest closed first, and in age: a receiver closes a connection it
/// has kept idle for a while (five seconds is common), and a request written as it does so is lost with the
/// connection, so the pool lets go of connections before that. A connection is closed by letting go of it (its
/// owner closes it when it ends), always outside the lock. Time is given by the caller, in monotonic milliseconds.
final class IdleConnectionPool<Connection: AnyObject & Sendable>: Sendable {
    struct Limits: Sendable, Equatable {
        /// As many as the sender has requests in flight: channels that share a receiver (the topics of one ntfy
        /// server, the webhooks of one n8n) would otherwise close, at the end of each round, connections the next
        /// round opens again.
        var perOrigin: Int
        var total: Int
        /// How long a connection may stay idle and still be taken.
        var idleMillis: Int64

        init(
            perOrigin: Int = Sender.Configuration.defaultMaxInFlight, total: Int = 32, idleMillis: Int64 = 4_000
        ) {
            self.perOrigin = perOrigin
            self.total = total
            self.idleMillis = idleMillis
        }
    }

    private struct Idle: Sendable {
        var connection: Connection
        var origin: ReceiverURL.Origin
        var since: Int64
    }

    let limits: Limits
    /// Oldest first. Behind a plain pthread mutex rather than `Mutex`, whose priority-inheriting futex hands the
    /// lock over to a waiter that may not be running: every worker takes this lock twice a message, and on two
    /// cores that hand-over queued them (5% of the CPU spinning while 10,000 messages went).
    private let idle = ConditionLock<[Idle]>([])

    init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Takes out the connection to `origin` that was parked last, if one has not been idle too long.
    func take(_ origin: ReceiverURL.Origin, now: Int64) -> Connection? {
        let (taken, expired) = idle.withLock { idle -> (Connection?, [Idle]) in
            let expired = Self.removeExpired(from: &idle, now: now, limit: limits.idleMillis)
            guard let index = idle.lastIndex(where: { $0.origin == origin }) else { return (nil, expired) }
            return (idle.remove(at: index).connection, expired)
        }
        withExtendedLifetime(expired) {}
        return taken
    }

    /// Parks `connection` to `origin`, closing the oldest one of its origin, or of all, that it puts over a bound.
    func put(_ connection: Connection, origin: ReceiverURL.Origin, now: Int64) {
        let dropped = idle.withLock { idle -> [Idle] in
            var dropped = Self.removeExpired(from: &idle, now: now, limit: limits.idleMillis)
            idle.append(Idle(connection: connection, origin: origin, since: now))
            while idle.count(where: { $0.origin == origin }) > limits.perOrigin,
                let oldest = idle.firstIndex(where: { $0.origin == origin })
            {
                dropped.append(idle.remove(at: oldest))
            }
            while idle.count > limits.total {
                dropped.append(idle.removeFirst())
            }
            return dropped
        }
        withExtendedLifetime(dropped) {}
    }

    /// Connections parked, to `origin` or in all.
    func count(_ origin: ReceiverURL.Origin? = nil) -> Int {
        idle.withLock { idle in idle.count { origin == nil || $0.origin == origin } }
    }

    /// Lets go of every connection parked.
    func removeAll() {
        let dropped = idle.withLock { idle -> [Idle] in
            defer { idle.removeAll() }
            return idle
        }
        withExtendedLifetime(dropped) {}
    }

    private static func removeExpired(from idle: inout [Idle], now: Int64, limit: Int64) -> [Idle] {
        let expired = idle.filter { now - $0.since > limit }
        if !expired.isEmpty { idle.removeAll { now - $0.since > limit } }
        return expired
    }
}
