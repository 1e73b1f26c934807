import JSON
import Time

/// Reads the fields of a JSON object with their types, formats and limits, collecting every
/// problem instead of stopping at the first, so one answer names all the bad fields.
struct FieldReader {
    let object: JSONObject
    private(set) var errors: [FieldError] = []

    /// Fields not in `allowed` are errors: a misspelt field silently ignored would be lost data.
    init(_ object: JSONObject, allowed: Set<String>, readOnly: Set<String> = []) {
        self.object = object
        for key in object.keys where !allowed.contains(key) {
            errors.append(FieldError(key, readOnly.contains(key) ? "is read-only" : "is not a known field"))
        }
    }

    mutating func fail(_ field: String, _ message: String) {
        errors.append(FieldError(field, message))
    }

    /// Throws every collected error as one 400.
    func finish() throws(APIError) {
        if !errors.isEmpty { throw .invalid(errors) }
    }

    /// The value when present and not null.
    private func present(_ key: String) -> JSON? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    /// The integer a JSON number stands for. The contract is written in JSON Schema, which counts any number
    /// with a zero fractional part as an integer (2020-12 Validation §6.1.1): `3.0` and `1e2` are 3 and 100.
    /// A fraction or exponent is taken only up to 2^53, where a `Double` still holds every integer exactly.
    static func wholeNumber(_ value: JSON) -> Int64? {
        guard let number = value.numberValue else { return nil }
        if let exact = number.int64 { return exact }
        guard abs(number.double) <= 9_007_199_254_740_992 else { return nil }
        return Int64(exactly: number.double)
    }

    mutating func required(_ key: String) -> Bool {
        guard present(key) != nil else {
            fail(key, "is required")
            return false
        }
        return true
    }

    /// A string of at most `max` characters; empty strings count as absent unless `allowEmpty`.
    mutating func string(_ key: String, max: Int, required: Bool = false) -> String? {
        guard let value = present(key) else {
            if required { fail(key, "is required") }
            return nil
        }
        guard case .string(let text) = value else {
            fail(key, "must be a string")
            return nil
        }
        // A text of no more bytes than `max` has no more characters either; only a longer one is counted.
        if text.utf8.count > max, text.unicodeScalars.count > max {
            fail(key, "must be at most \(max) characters (has \(text.unicodeScalars.count))")
            return nil
        }
        if required && text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            fail(key, "must not be empty")
            return nil
        }
        return text
    }

    /// One of a fixed set of values.
    mutating func choice(_ key: String, _ allowed: [String], required: Bool = false) -> String? {
        choice(key, matching: { allowed.contains($0) ? $0 : nil }, names: allowed, required: required)
    }

    /// One of a fixed set of values, found by its name; `names` lists them, in order, for the error.
    mutating func choice<Value>(_ key: String, in values: [String: Value], names: [String], required: Bool = false)
        -> Value?
    {
        choice(key, matching: { values[$0] }, names: names, required: required)
    }

    private mutating func choice<Value>(
        _ key: String, matching find: (String) -> Value?, names: [String], required: Bool
    ) -> Value? {
        guard let value = present(key) else {
            if required { fail(key, "is required") }
            return nil
        }
        guard case .string(let text) = value, let found = find(text) else {
            fail(key, "must be one of: " + names.joined(separator: ", "))
            return nil
        }
        return found
    }

    /// A positive integer id.
    mutating func id(_ key: String, required: Bool = false) -> Int64? {
        guard let value = present(key) else {
            if required { fail(key, "is required") }
            return nil
        }
        guard let number = Self.wholeNumber(value), number > 0 else {
            fail(key, "must be a positive integer id")
            return nil
        }
        return number
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let flag) = value else {
            fail(key, "must be true or false")
            return nil
        }
        return flag
    }

    /// An integer within a range.
    mutating func integer(_ key: String, in range: ClosedRange<Int64>, required: Bool = false) -> Int64? {
        guard let value = present(key) else {
            if required { fail(key, "is required") }
            return nil
        }
        guard let number = Self.wholeNumber(value) else {
            fail(key, "must be an integer")
            return nil
        }
        guard range.contains(number) else {
            fail(key, "must be from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return number
    }

    /// An RFC 3339 date-time.
    mutating func timestamp(_ key: String, required: Bool = false) -> Instant? {
        guard let value = present(key) else {
            if required { fail(key, "is required") }
            return nil
        }
        guard case .string(let text) = value, let instant = Instant(rfc3339: text) else {
            fail(key, Timestamp.expected)
            return nil
        }
        return instant
    }

    /// A calendar date `YYYY-MM-DD`.
    mutating func localDate(_ key: String) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let text) = value, LocalDay.isValid(text) else {
            fail(key, "must be a date YYYY-MM-DD")
            return nil
        }
        return text
    }

    /// A list of distinct positive integer ids, at most `max` long.
    mutating func idList(_ key: String, max: Int) -> [Int64] {
        guard let value = present(key) else { return [] }
        guard case .array(let items) = value else {
            fail(key, "must be an array of ids")
            return []
        }
        guard items.count <= max else {
            fail(key, "must hold at most \(max) ids")
            return []
        }
        var ids: [Int64] = []
        for (index, item) in items.enumerated() {
            guard let id = Self.wholeNumber(item), id > 0 else {
                fail("\(key)[\(index)]", "must be a positive integer id")
                continue
            }
            if ids.contains(id) {
                fail("\(key)[\(index)]", "repeats id \(id)")
                continue
            }
            ids.append(id)
        }
        return ids
    }
}
