import JSON

/// One invalid field of a request: which, and what is wrong with it.
public struct FieldError: Sendable, Equatable {
    public var field: String
    public var message: String

    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    var json: JSON { ["field": .string(field), "message": .string(message)] }
}
