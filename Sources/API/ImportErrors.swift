/// The faults found in an import document, collected over the whole document so that one answer names them
/// all, each with its path (`contacts[3].name`). Malformed input wins: while anything is malformed the answer is
/// 400 with those faults; only a well-formed document is answered 422 for what it means.
struct ImportErrors {
    /// At most this many faults are reported: a large broken document must not make an even larger answer.
    static let reported = 100

    private(set) var invalid: [FieldError] = []
    private(set) var unprocessable: [FieldError] = []

    mutating func malformed(_ field: String, _ message: String) {
        invalid.append(FieldError(field, message))
    }

    mutating func unacceptable(_ field: String, _ message: String) {
        unprocessable.append(FieldError(field, message))
    }

    /// Files the faults of a reader or a route's validation under `prefix`.
    mutating func add(_ error: APIError, prefix: String) {
        switch error {
        case .invalid(let errors): invalid += errors.map { FieldError(prefix + $0.field, $0.message) }
        case .unprocessable(let errors): unprocessable += errors.map { FieldError(prefix + $0.field, $0.message) }
        case .badQuery(let error): invalid.append(FieldError(prefix + error.field, error.message))
        default: invalid.append(FieldError(prefix.isEmpty ? "body" : String(prefix.dropLast()), "is not acceptable"))
        }
    }

    /// Runs a validation that throws `APIError`, filing its faults under `prefix`; nil when it threw.
    mutating func collect<T>(_ prefix: String, _ body: () throws(APIError) -> T) -> T? {
        do {
            return try body()
        } catch {
            add(error, prefix: prefix)
            return nil
        }
    }

    /// Throws what was found: 400 for malformed input, else 422.
    func finish() throws(APIError) {
        if !invalid.isEmpty { throw .invalid(Array(invalid.prefix(Self.reported))) }
        if !unprocessable.isEmpty { throw .unprocessable(Array(unprocessable.prefix(Self.reported))) }
    }
}
