/// A POST's `Idempotency-Key` and the fingerprint of the request that sent it: a replay must match both.
struct IdempotencyClaim: Sendable {
    let key: String
    /// Method, path and body, hashed: the same key with another request is refused.
    let fingerprint: String
}
