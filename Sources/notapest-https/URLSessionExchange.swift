import Outgoing
import System

/// One request's progress as the session's delegate reports it, and the condition its sender waits on.
final class URLSessionExchange: Sendable {
    struct State: Sendable {
        var status: Int?
        var retryAfter: String?
        var location: String?
        var bodyBytes = 0
        var bodyTruncated = false
        /// The task completed, with or without an error.
        var finished = false
        /// What the task's error stands for; nil when it completed well.
        var failure: HTTPAttempt.Failure?
    }

    /// The request's timeout, which a timeout failure tells.
    let timeoutMillis: Int
    let state = ConditionLock(State())

    init(timeoutMillis: Int) {
        self.timeoutMillis = timeoutMillis
    }
}
