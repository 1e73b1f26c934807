/// The members of a JSON object, in insertion order, with unique names.
///
/// RFC 8259 §4 only says names SHOULD be unique; this type makes uniqueness an invariant so that a field can never
/// have two competing values. Lookups scan while the object is small and switch to a hash index once it grows, so
/// that a hostile document with many members cannot make parsing quadratic.
public struct JSONObject: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// Member names in insertion order.
    public private(set) var keys: [String] = []
    /// Member values, parallel to `keys`.
    public private(set) var values: [JSON] = []
    /// Name to position; kept only while `count` exceeds `indexThreshold`, where hashing beats a scan.
    private var index: [String: Int] = [:]

    private static let indexThreshold = 32

    /// An empty object.
    public init() {}

    /// An object from pairs in order; a repeated name replaces the earlier value in its original position.
    public init(_ pairs: [(String, JSON)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            self[key] = value
        }
    }

    /// An object from parallel arrays whose names the caller has checked are unique.
    package init(uniqueKeys keys: [String], values: [JSON]) {
        self.keys = keys
        self.values = values
        if keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    /// An object from a literal, keeping the literal's order. The names are the code's own, so they are
    /// taken as they are (responses build many of these); a repeated name is a mistake in the code, which
    /// debug builds, and so the tests, stop at.
    public init(dictionaryLiteral elements: (String, JSON)...) {
        assert(Set(elements.map(\.0)).count == elements.count, "a JSON object literal repeats a name")
        self.init(uniqueKeys: elements.map(\.0), values: elements.map(\.1))
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { keys.isEmpty }

    /// The position of the member named `key`, if any.
    public func position(of key: String) -> Int? {
        if keys.count > Self.indexThreshold {
            return index[key]
        }
        return keys.firstIndex(of: key)
    }

    /// Whether a member named `key` exists (its value may be `null`).
    public func contains(_ key: String) -> Bool {
        position(of: key) != nil
    }

    /// The member named `key`; setting replaces in place or appends, and setting `nil` removes the member.
    ///
    /// A member whose value is `null` is present: `object["x"] = .null` stores null, which a merge patch
    /// (RFC 7396 §2) reads as "remove".
    public subscript(key: String) -> JSON? {
        get {
            guard let position = position(of: key) else { return nil }
            return values[position]
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    values[position] = newValue
                } else {
                    remove(at: position)
                }
            } else if let newValue {
                appendNew(key, newValue)
            }
        }
    }

    /// Removes the member named `key` and returns its value, if it was present.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSON? {
        guard let position = position(of: key) else { return nil }
        let value = values[position]
        remove(at: position)
        return value
    }

    private mutating func appendNew(_ key: String, _ value: JSON) {
        keys.append(key)
        values.append(value)
        if keys.count > Self.indexThreshold {
            if index.isEmpty {
                rebuildIndex()
            } else {
                index[key] = keys.count - 1
            }
        }
    }

    private mutating func remove(at position: Int) {
        keys.remove(at: position)
        values.remove(at: position)
        if keys.count > Self.indexThreshold {
            rebuildIndex()
        } else {
            index = [:]
        }
    }

    private mutating func rebuildIndex() {
        index = [:]
        index.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() {
            index[key] = position
        }
    }

    /// Iterates over the members in order.
    public func makeIterator() -> Iterator {
        Iterator(keys: keys, values: values)
    }

    /// Yields `(key, value)` pairs in insertion order.
    public struct Iterator: IteratorProtocol {
        private let keys: [String]
        private let values: [JSON]
        private var position = 0

        init(keys: [String], values: [JSON]) {
            self.keys = keys
            self.values = values
        }

        /// The next member, or `nil` after the last.
        public mutating func next() -> (key: String, value: JSON)? {
            guard position < keys.count, position < values.count else { return nil }
            defer { position += 1 }
            return (keys[position], values[position])
        }
    }
}

extension JSONObject: Equatable {
    /// Objects are equal when they hold the same names with equal values, in any order: RFC 8259 §4 defines an
    /// object as an unordered collection. Serialization still follows the stored order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.keys == rhs.keys {
            return lhs.values == rhs.values
        }
        for (key, value) in lhs where rhs[key] != value {
            return false
        }
        return true
    }
}
