import HTTP
import JSON
import Store

/// The errors the API answers with; each knows its status and problem document (RFC 9457).
public enum APIError: Error, Sendable, ProblemConvertible {
    /// Malformed input: bad JSON, wrong types, missing fields, bad formats (400).
    case invalid([FieldError])
    /// Well-formed input the service cannot accept: unknown referenced ids, values out of range (422).
    case unprocessable([FieldError])
    /// A bad query parameter (400).
    case badQuery(FieldError)
    /// The body is not JSON (415).
    case unsupportedMediaType(String?)
    case notFound(String)
    /// The resource is referenced, or the database is not empty (409).
    case conflict(String, [FieldError] = [])
    /// `If-Match` did not match the current version, or `If-None-Match` did (412).
    case preconditionFailed(String)
    /// The same idempotency key with another request (422).
    case idempotencyMismatch
    /// The guidance refuses the proposed contact (422 with the violations).
    case refused(violations: JSON, warnings: JSON)
    /// The service is doing the one thing of this kind it does at a time; try again shortly (503 with
    /// `Retry-After`, RFC 9110 §15.6.4 and §10.2.3).
    case busy(String)
    /// The Store could not store the write (`StoreError.full`): the disk is full, or a table has handed out the largest id
    /// there is (507, RFC 4918 §11.5). Nothing was written.
    case insufficientStorage

    public var problem: Problem {
        switch self {
        case .invalid(let errors):
            return Problem(
                status: 400, detail: Self.summary(errors, fallback: "The request is malformed."),
                type: "/problems/invalid-request", extensions: [Self.errorsExtension(errors)])
        case .unprocessable(let errors):
            return Problem(
                status: 422, detail: Self.summary(errors, fallback: "The request cannot be processed."),
                type: "/problems/unprocessable", extensions: [Self.errorsExtension(errors)])
        case .badQuery(let error):
            return Problem(
                status: 400, detail: "\(error.field): \(error.message)", type: "/problems/invalid-query",
                extensions: [Self.errorsExtension([error])])
        case .unsupportedMediaType(let given):
            return Problem(
                status: 415,
                detail: "Send the body as application/json"
                    + (given.map { " (this request said \($0))" } ?? " (this request gave no Content-Type)") + ".",
                type: "/problems/unsupported-media-type")
        case .notFound(let what):
            return Problem(status: 404, detail: what, type: "/problems/not-found")
        case .conflict(let detail, let errors):
            return Problem(
                status: 409, detail: detail, type: "/problems/conflict",
                extensions: errors.isEmpty ? [] : [Self.errorsExtension(errors)])
        case .preconditionFailed(let detail):
            return Problem(status: 412, detail: detail, type: "/problems/precondition-failed")
        case .idempotencyMismatch:
            return Problem(
                status: 422,
                detail: "This Idempotency-Key was already used with a different request; use a new key.",
                type: "/problems/idempotency-key-reused")
        case .refused(let violations, let warnings):
            return Problem(
                status: 422, title: "Refused by the guidance",
                detail: Self.firstMessage(violations) ?? "The proposed contact breaks the guidance.",
                type: "/problems/guidance-violation",
                extensions: [
                    Problem.Extension(name: "violations", value: violations),
                    Problem.Extension(name: "warnings", value: warnings),
                ])
        case .busy(let detail):
            return Problem(status: 503, detail: detail, type: "/problems/busy")
        case .insufficientStorage:
            return Problem(
                status: 507, title: "Insufficient Storage",
                detail: "The database cannot store this: the disk is full, or a table has used the largest id "
                    + "SQLite can give. Nothing was written.",
                type: "/problems/insufficient-storage")
        }
    }

    public var headers: HTTPHeaders {
        guard case .busy = self else { return HTTPHeaders() }
        return HTTPHeaders([("Retry-After", "1")])
    }

    /// What a failed write answers with: a full database is a condition of the installation, told as 507, not
    /// a failure of the service (500); any other error stays as it is.
    static func fromWrite(_ error: any Error) -> any Error {
        if case .full? = error as? StoreError { return APIError.insufficientStorage }
        return error
    }

    static func summary(_ errors: [FieldError], fallback: String) -> String {
        guard let first = errors.first else { return fallback }
        let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
        return "\(first.field): \(first.message)\(more)"
    }

    static func errorsExtension(_ errors: [FieldError]) -> Problem.Extension {
        Problem.Extension(name: "errors", value: .array(errors.map(\.json)))
    }

    static func firstMessage(_ violations: JSON) -> String? {
        guard case .array(let items) = violations, case .object(let first)? = items.first else { return nil }
        return first["message"]?.stringValue
    }
}
