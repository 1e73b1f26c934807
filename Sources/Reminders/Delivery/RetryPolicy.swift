import Foundation
import Outgoing
import Store
import Time

/// How an attempt's outcome is recorded, and when a failed delivery is tried again.
///
/// - A 2xx is delivered.
/// - A `410 Gone` gives the delivery up and disables the channel: the receiver says it will never take one.
/// - A `429` or `503` with a `Retry-After` (RFC 9110 §10.2.3: seconds, or an HTTP-date) is tried again then,
///   no sooner than `retryAfterFloorMillis` and no later than `retryAfterCapMillis` from now.
/// - Anything else (another status, a 3xx not followed, a timeout, a refused connection) is tried again after
///   `baseMillis` × `multipliers[n - 1]` for the n-th attempt, ±20% at random so that the deliveries a failure
///   held up do not all come back at once; after the last multiplier, the next failure gives the delivery up.
///
/// With the default base of 30 s that is about 30 s, 2 min, 10 min, 1 h, 4 h, 12 h, 24 h and 24 h: nine attempts
/// over about three days.
public struct RetryPolicy: Sendable {
    /// The waits after the first, second… failed attempt, in units of `baseMillis`.
    public static let multipliers: [Int64] = [1, 4, 20, 120, 480, 1440, 2880, 2880]
    /// How many attempts a delivery gets: the first and one after each wait.
    public static var maximumAttempts: Int { multipliers.count + 1 }
    public static let defaultBaseMillis: Int64 = 30_000
    /// A receiver that asks for more than a day waits a day.
    public static let retryAfterCapMillis: Int64 = 86_400_000
    /// A receiver that asks for no wait, or names a time past, waits a second: no delivery is tried again at once.
    public static let retryAfterFloorMillis: Int64 = 1_000
    /// The jitter: the wait is scaled by a factor from 0.8 to 1.2.
    public static let jitter = 0.2

    /// The unit of the schedule (`NOTAPEST_DELIVERY_RETRY_BASE_MS`); 0 retries at once, for tests.
    public var baseMillis: Int64
    /// A value from 0 to 1 for each wait: 0 makes the shortest wait, 1 the longest.
    public var random: @Sendable () -> Double

    public init(
        baseMillis: Int64 = defaultBaseMillis, random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
    ) {
        self.baseMillis = max(0, baseMillis)
        self.random = random
    }

    /// What to record for `attempt`, the `attemptNumber`-th (from 1) of its delivery, which ended at `now`.
    public func decide(_ attempt: HTTPAttempt, attemptNumber: Int, at now: Instant) -> RetryDecision {
        let error: String
        switch attempt.result {
        case .response(let status) where (200...299).contains(status):
            return RetryDecision(.delivered(status: status))
        case .response(410):
            let reason = "the receiver answered 410 Gone"
            return RetryDecision(.gaveUp(status: 410, error: reason), disableReason: reason)
        case .response(let status):
            error = Self.describe(status: status, location: attempt.location)
            if status == 429 || status == 503, let value = attempt.retryAfter,
                let wait = Self.retryAfterMillis(value, now: now)
            {
                guard attemptNumber < Self.maximumAttempts else {
                    return RetryDecision(.gaveUp(status: status, error: error))
                }
                return RetryDecision(.failed(status: status, error: error, retryAt: now.millis + wait))
            }
        case .failure(let failure):
            error = failure.description
        }
        guard let wait = backoffMillis(afterAttempt: attemptNumber) else {
            return RetryDecision(.gaveUp(status: attempt.status, error: error))
        }
        return RetryDecision(.failed(status: attempt.status, error: error, retryAt: now.millis + wait))
    }

    /// The wait after the `attemptNumber`-th failed attempt, jittered; nil after the last.
    public func backoffMillis(afterAttempt attemptNumber: Int) -> Int64? {
        guard attemptNumber >= 1, attemptNumber <= Self.multipliers.count else { return nil }
        let plain = Double(baseMillis * Self.multipliers[attemptNumber - 1])
        let factor = 1 - Self.jitter + 2 * Self.jitter * min(1, max(0, random()))
        return Int64((plain * factor).rounded())
    }

    /// The wait a `Retry-After` value asks for from `now`, within the floor and the cap; nil when the value is
    /// neither a number of seconds nor an HTTP-date.
    public static func retryAfterMillis(_ value: String, now: Instant) -> Int64? {
        let text = value.trimmingCharacters(in: .whitespaces)
        let asked: Int64
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // More digits than a day has seconds are a day: no need to read them all.
            asked = text.count > 9 ? retryAfterCapMillis : (Int64(text) ?? 0) * 1000
        } else if let date = HTTPDateReader.parse(text, now: now) {
            asked = date.millis - now.millis
        } else {
            return nil
        }
        return min(retryAfterCapMillis, max(retryAfterFloorMillis, asked))
    }

    /// The last error of a response that was not a 2xx.
    static func describe(status: Int, location: String?) -> String {
        if (300...399).contains(status) {
            let target = location.map { " to \(String($0.prefix(200)))" } ?? ""
            return "the receiver answered \(status), a redirect\(target), which is not followed"
        }
        return "the receiver answered \(status)"
    }
}
