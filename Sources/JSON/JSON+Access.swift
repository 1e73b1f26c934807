extension JSON {
    /// Whether the value is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The boolean, if the value is `true` or `false`; numbers are not booleans.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The string, if the value is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, if the value is a number; booleans are not numbers.
    public var numberValue: JSONNumber? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The exact integer, only for an integer literal that fit `Int64`.
    ///
    /// `3.0` and `1e2` are not integers even though their values are integral: a client that writes a fraction or
    /// an exponent is sending a floating-point number, and the literal's kind is kept rather than guessed.
    public var int64Value: Int64? {
        numberValue?.int64
    }

    /// The exact integer as `Int`, under the same rule as `int64Value`.
    public var intValue: Int? {
        int64Value.flatMap { Int(exactly: $0) }
    }

    /// Any number as a `Double`.
    public var doubleValue: Double? {
        numberValue?.double
    }

    /// The elements, if the value is an array.
    public var arrayValue: [JSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if the value is an object.
    public var objectValue: JSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The member named `key`, if the value is an object that has it.
    public subscript(key: String) -> JSON? {
        objectValue?[key]
    }

    /// The value's kind for validation messages ("expected a string, got number"); an exact integer is named
    /// "integer" so a message can tell it from a fraction.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let number): return number.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
