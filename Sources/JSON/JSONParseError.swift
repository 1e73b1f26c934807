/// Why and where a JSON document was refused.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset into the input at which the problem was found.
    public var offset: Int
    /// What was wrong, phrased so that it can be shown to the client that sent the document.
    public var reason: String

    /// Whether the input held more values than the parse was allowed to make; the rest was not read, so it
    /// may be well-formed or not.
    public var isOverBudget: Bool

    /// Creates an error at a byte offset.
    public init(offset: Int, reason: String, isOverBudget: Bool = false) {
        self.offset = offset
        self.reason = reason
        self.isOverBudget = isOverBudget
    }

    /// The reason together with the offset, for logs and problem details.
    public var description: String {
        "invalid JSON at byte \(offset): \(reason)"
    }
}
