import Outgoing
import Store
import Testing
import Time
@testable import Reminders

@Suite("RetryPolicy: what an attempt comes to, and when a failed delivery is tried again")
struct RetryPolicyTests {
    static let now: Instant = Instant(millis: 1_700_000_000_000)
    static let base: Int64 = 30_000

    static func policy(random: Double = 0.5) -> RetryPolicy {
        RetryPolicy(baseMillis: base, random: { random })
    }

    static func response(_ status: Int, retryAfter: String? = nil, location: String? = nil) -> HTTPAttempt {
        HTTPAttempt(.response(status: status), retryAfter: retryAfter, location: location, durationMillis: 5)
    }

    struct StatusCase: Sendable, CustomTestStringConvertible {
        let status: Int
        let outcome: DeliveryOutcome
        let disables: Bool
        var testDescription: String { "\(status)" }
    }

    static let retryAt: Int64 = now.millis + base

    @Test(
        "a status is delivered only when 2xx; 410 gives up and disables; every other status retries",
        arguments: [
            StatusCase(
                status: 199, outcome: .failed(status: 199, error: "the receiver answered 199", retryAt: retryAt),
                disables: false),
            StatusCase(status: 200, outcome: .delivered(status: 200), disables: false),
            StatusCase(status: 204, outcome: .delivered(status: 204), disables: false),
            StatusCase(status: 299, outcome: .delivered(status: 299), disables: false),
            StatusCase(
                status: 300,
                outcome: .failed(
                    status: 300, error: "the receiver answered 300, a redirect, which is not followed", retryAt: retryAt
                ),
                disables: false),
            StatusCase(
                status: 409, outcome: .failed(status: 409, error: "the receiver answered 409", retryAt: retryAt),
                disables: false),
            StatusCase(
                status: 410, outcome: .gaveUp(status: 410, error: "the receiver answered 410 Gone"), disables: true),
            StatusCase(
                status: 411, outcome: .failed(status: 411, error: "the receiver answered 411", retryAt: retryAt),
                disables: false),
            StatusCase(
                status: 500, outcome: .failed(status: 500, error: "the receiver answered 500", retryAt: retryAt),
                disables: false),
        ])
    func statuses(_ row: StatusCase) {
        let decision = Self.policy().decide(Self.response(row.status), attemptNumber: 1, at: Self.now)
        #expect(decision.outcome == row.outcome)
        #expect((decision.disableReason != nil) == row.disables)
    }

    @Test("a redirect that is not followed says where it pointed")
    func redirect() {
        let decision = Self.policy().decide(
            Self.response(302, location: "https://elsewhere.example/x"), attemptNumber: 1, at: Self.now)
        #expect(
            decision.outcome
                == .failed(
                    status: 302,
                    error:
                        "the receiver answered 302, a redirect to https://elsewhere.example/x, which is not followed",
                    retryAt: Self.retryAt))
    }

    @Test(
        "a failure with no response retries on the same schedule, with no status",
        arguments: [
            HTTPAttempt.Failure.timedOut(millis: 15_000), .connectionRefused, .transport("the connection was lost"),
        ])
    func failures(_ failure: HTTPAttempt.Failure) {
        let decision = Self.policy().decide(
            HTTPAttempt(.failure(failure), durationMillis: 1), attemptNumber: 1, at: Self.now)
        #expect(decision.outcome == .failed(status: nil, error: failure.description, retryAt: Self.retryAt))
        #expect(decision.disableReason == nil)
    }

    struct ScheduleCase: Sendable, CustomTestStringConvertible {
        let attempt: Int
        let random: Double
        /// The wait, or nil for a give-up.
        let wait: Int64?
        var testDescription: String { "attempt \(attempt), random \(random)" }
    }

    @Test(
        "the n-th failure waits base × 1, 4, 20, 120, 480, 1440, 2880, 2880, ±20%; the ninth gives up",
        arguments: [
            ScheduleCase(attempt: 1, random: 0, wait: 24_000),
            ScheduleCase(attempt: 1, random: 0.5, wait: 30_000),
            ScheduleCase(attempt: 1, random: 1, wait: 36_000),
            ScheduleCase(attempt: 2, random: 0, wait: 96_000),
            ScheduleCase(attempt: 2, random: 1, wait: 144_000),
            ScheduleCase(attempt: 3, random: 0.5, wait: 600_000),
            ScheduleCase(attempt: 4, random: 0.5, wait: 3_600_000),
            ScheduleCase(attempt: 5, random: 0.5, wait: 14_400_000),
            ScheduleCase(attempt: 6, random: 0.5, wait: 43_200_000),
            ScheduleCase(attempt: 7, random: 0.5, wait: 86_400_000),
            ScheduleCase(attempt: 8, random: 0, wait: 69_120_000),
            ScheduleCase(attempt: 8, random: 1, wait: 103_680_000),
            ScheduleCase(attempt: 9, random: 0.5, wait: nil),
            ScheduleCase(attempt: 10, random: 0.5, wait: nil),
            // A random source out of range is held to it.
            ScheduleCase(attempt: 1, random: -3, wait: 24_000),
            ScheduleCase(attempt: 1, random: 7, wait: 36_000),
        ])
    func schedule(_ row: ScheduleCase) {
        let decision = Self.policy(random: row.random).decide(
            Self.response(503), attemptNumber: row.attempt, at: Self.now)
        if let wait = row.wait {
            #expect(
                decision.outcome
                    == .failed(status: 503, error: "the receiver answered 503", retryAt: Self.now.millis + wait))
        } else {
            #expect(decision.outcome == .gaveUp(status: 503, error: "the receiver answered 503"))
        }
        #expect(decision.disableReason == nil)
    }

    @Test("the base scales the whole schedule, and 0 retries at once")
    func base() {
        #expect(RetryPolicy(baseMillis: 10, random: { 0.5 }).backoffMillis(afterAttempt: 8) == 28_800)
        #expect(RetryPolicy(baseMillis: 0, random: { 1 }).backoffMillis(afterAttempt: 3) == 0)
        #expect(RetryPolicy(baseMillis: -5, random: { 1 }).backoffMillis(afterAttempt: 3) == 0)
        #expect(RetryPolicy.maximumAttempts == 9)
    }

    struct RetryAfterCase: Sendable, CustomTestStringConvertible {
        let status: Int
        let value: String?
        let attempt: Int
        /// The wait, or nil for a give-up.
        let wait: Int64?
        var testDescription: String { "\(status) Retry-After \(value ?? "none") on attempt \(attempt)" }
    }

    /// 2023-11-14T22:13:20Z, `now`, as an HTTP-date, and some around it.
    static let nowDate: String = "Tue, 14 Nov 2023 22:13:20 GMT"

    @Test(
        "429 and 503 wait as Retry-After says, from 1 s to 24 h; other statuses and bad values follow the schedule",
        arguments: [
            RetryAfterCase(status: 429, value: "120", attempt: 1, wait: 120_000),
            RetryAfterCase(status: 503, value: "120", attempt: 1, wait: 120_000),
            RetryAfterCase(status: 500, value: "120", attempt: 1, wait: 30_000),
            RetryAfterCase(status: 429, value: nil, attempt: 1, wait: 30_000),
            RetryAfterCase(status: 429, value: "0", attempt: 1, wait: 1_000),
            RetryAfterCase(status: 429, value: "1", attempt: 1, wait: 1_000),
            RetryAfterCase(status: 429, value: "2", attempt: 1, wait: 2_000),
            RetryAfterCase(status: 429, value: "86400", attempt: 1, wait: 86_400_000),
            RetryAfterCase(status: 429, value: "86401", attempt: 1, wait: 86_400_000),
            RetryAfterCase(status: 429, value: "99999999999999999999999", attempt: 1, wait: 86_400_000),
            RetryAfterCase(status: 429, value: " 5 ", attempt: 1, wait: 5_000),
            RetryAfterCase(status: 429, value: "-5", attempt: 1, wait: 30_000),
            RetryAfterCase(status: 429, value: "1.5", attempt: 1, wait: 30_000),
            RetryAfterCase(status: 429, value: "soon", attempt: 1, wait: 30_000),
            RetryAfterCase(status: 429, value: "Tue, 14 Nov 2023 22:15:20 GMT", attempt: 1, wait: 120_000),
            RetryAfterCase(status: 503, value: nowDate, attempt: 1, wait: 1_000),
            RetryAfterCase(status: 503, value: "Tue, 14 Nov 2023 22:13:19 GMT", attempt: 1, wait: 1_000),
            RetryAfterCase(status: 503, value: "Thu, 16 Nov 2023 22:13:20 GMT", attempt: 1, wait: 86_400_000),
            RetryAfterCase(status: 503, value: "Tuesday, 14-Nov-23 22:15:20 GMT", attempt: 1, wait: 120_000),
            RetryAfterCase(status: 503, value: "Tue Nov 14 22:15:20 2023", attempt: 1, wait: 120_000),
            RetryAfterCase(status: 429, value: "120", attempt: 8, wait: 120_000),
            RetryAfterCase(status: 429, value: "120", attempt: 9, wait: nil),
        ])
    func retryAfter(_ row: RetryAfterCase) {
        let decision = Self.policy().decide(
            Self.response(row.status, retryAfter: row.value), attemptNumber: row.attempt, at: Self.now)
        let error = "the receiver answered \(row.status)"
        if let wait = row.wait {
            #expect(decision.outcome == .failed(status: row.status, error: error, retryAt: Self.now.millis + wait))
        } else {
            #expect(decision.outcome == .gaveUp(status: row.status, error: error))
        }
    }
}
