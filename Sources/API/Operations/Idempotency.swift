import HTTP
import Store
import Time

/// `Idempotency-Key` on POST: a retried request with the same key and body gets the first
/// response again without creating anything; the same key with another request is refused.
/// Successful responses are kept at least 24 hours.
enum Idempotency {
    static let retentionMilliseconds: Int64 = 48 * 3600 * 1000

    /// The request's key, validated (1–200 visible ASCII characters, in one field), with the
    /// fingerprint of what the request asks; nil for a request without the header, which then costs
    /// no fingerprint.
    ///
    /// A second field is refused rather than one of them picked: the key is a single value, not a list
    /// (RFC 9110 §5.3), and an intermediary that kept the other field would see another request.
    static func claim(_ request: Request) throws(APIError) -> IdempotencyClaim? {
        let keys = request.headers.values("Idempotency-Key")
        guard let key = keys.first else { return nil }
        guard keys.count == 1 else {
            throw .invalid([FieldError("Idempotency-Key", "must be sent once (the request has \(keys.count) fields)")])
        }
        guard (1...200).contains(key.utf8.count), key.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .invalid([FieldError("Idempotency-Key", "must be 1 to 200 visible ASCII characters")])
        }
        let bytes = Array("\(request.method) \(request.path)\n".utf8) + request.body
        return IdempotencyClaim(key: key, fingerprint: ETag.body(bytes))
    }

    /// Runs `create` inside the writer's transaction unless the key already answered.
    static func run(
        _ transaction: inout WriteTransaction, claim: IdempotencyClaim?, now: Instant,
        _ create: (inout WriteTransaction) throws -> APIContext.Written
    ) throws -> APIContext.Written {
        guard let claim else { return try create(&transaction) }
        let key = claim.key
        let now = now.millis
        if let stored = try transaction.idempotencyRecord(key: key), stored.createdAt > now - retentionMilliseconds {
            guard stored.fingerprint == claim.fingerprint else { throw APIError.idempotencyMismatch }
            var response = Response(status: stored.status, body: stored.body)
            for line in stored.headers.split(separator: "\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2 { response.headers.add(name: String(parts[0]), value: String(parts[1])) }
            }
            response.headers.add(name: "Idempotent-Replayed", value: "true")
            return APIContext.Written(response)
        }
        let written = try create(&transaction).composed()
        let response = written.response
        if (200..<300).contains(response.status) {
            let headers = response.headers.map { "\($0.name):\($0.value)" }.joined(separator: "\n")
            try transaction.saveIdempotencyRecord(
                IdempotencyRecord(
                    key: key, fingerprint: claim.fingerprint, status: response.status, headers: headers,
                    body: response.body,
                    createdAt: now))
            // Expired keys are dropped now and then; the index on created_at keeps this cheap.
            if now % 64 == 0 { try transaction.purgeIdempotencyRecords(olderThan: now - retentionMilliseconds) }
        }
        return written
    }
}
