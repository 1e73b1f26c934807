extension JSON: ExpressibleByNilLiteral {
    /// `nil` builds `null`.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension JSON: ExpressibleByBooleanLiteral {
    /// `true` and `false` build booleans, never numbers.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension JSON: ExpressibleByIntegerLiteral {
    /// An integer literal builds an exact integer.
    public init(integerLiteral value: Int64) {
        self = .number(JSONNumber(value))
    }
}

extension JSON: ExpressibleByFloatLiteral {
    /// A float literal builds a non-integer number, even when integral (`3.0`).
    public init(floatLiteral value: Double) {
        self = .number(JSONNumber(value))
    }
}

extension JSON: ExpressibleByStringLiteral {
    /// A string literal builds a string.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension JSON: ExpressibleByArrayLiteral {
    /// An array literal builds an array in the literal's order.
    public init(arrayLiteral elements: JSON...) {
        self = .array(elements)
    }
}

extension JSON: ExpressibleByDictionaryLiteral {
    /// A dictionary literal builds an object whose members keep the literal's order; a repeated name replaces the
    /// earlier value in place.
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(JSONObject(elements))
    }
}

extension JSON {
    /// An exact integer.
    public init(_ value: Int) {
        self = .number(JSONNumber(value))
    }

    /// An exact integer.
    public init(_ value: Int64) {
        self = .number(JSONNumber(value))
    }

    /// A non-integer number; a non-finite value is written as `null`.
    public init(_ value: Double) {
        self = .number(JSONNumber(value))
    }

    /// A boolean.
    public init(_ value: Bool) {
        self = .bool(value)
    }

    /// A string.
    public init(_ value: String) {
        self = .string(value)
    }

    /// A string, or `null` when absent: the shape of an optional field in a response.
    public init(_ value: String?) {
        self = value.map { .string($0) } ?? .null
    }

    /// An exact integer, or `null` when absent.
    public init(_ value: Int?) {
        self = value.map { .number(JSONNumber($0)) } ?? .null
    }

    /// An exact integer, or `null` when absent.
    public init(_ value: Int64?) {
        self = value.map { .number(JSONNumber($0)) } ?? .null
    }

    /// A number, or `null` when absent.
    public init(_ value: Double?) {
        self = value.map { .number(JSONNumber($0)) } ?? .null
    }

    /// A boolean, or `null` when absent.
    public init(_ value: Bool?) {
        self = value.map { .bool($0) } ?? .null
    }

    /// An array of strings, a common response shape (tags, allowed values).
    public init(_ values: [String]) {
        self = .array(values.map { .string($0) })
    }

    /// An array of exact integers, a common response shape (lists of ids).
    public init(_ values: [Int]) {
        self = .array(values.map { .number(JSONNumber($0)) })
    }
}
