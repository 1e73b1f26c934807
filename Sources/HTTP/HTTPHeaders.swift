/// Header fields in the order received. Names compare case-insensitively (RFC 9110 §5.1);
/// duplicates are kept, since some fields are lists and others must be checked for conflicts.
public struct HTTPHeaders: Sendable, Equatable, Sequence {
    /// One field. A struct rather than a tuple: an array of tuples is copied and freed through the runtime's
    /// generic code, element by element, and every request and response carries a few fields.
    struct Field: Sendable, Equatable {
        var name: String
        var value: String
    }

    private var storage: [Field]

    /// The fields in order.
    public var fields: [(name: String, value: String)] { storage.map { ($0.name, $0.value) } }

    /// No fields.
    public init() {
        storage = []
    }

    public init(_ fields: [(name: String, value: String)]) {
        storage = fields.map { Field(name: $0.name, value: $0.value) }
    }

    /// One field, with room for a few more: a response adds its caching and validator fields.
    public init(name: String, value: String) {
        storage = []
        storage.reserveCapacity(4)
        storage.append(Field(name: name, value: value))
    }

    public mutating func reserveCapacity(_ count: Int) {
        storage.reserveCapacity(count)
    }

    public mutating func add(name: String, value: String) {
        storage.append(Field(name: name, value: value))
    }

    /// Replaces every field of that name with one field.
    public mutating func set(name: String, value: String) {
        remove(name: name)
        add(name: name, value: value)
    }

    public mutating func remove(name: String) {
        storage.removeAll { Self.equalFold($0.name, name) }
    }

    /// The first value of the field, or nil.
    public subscript(name: String) -> String? {
        for field in storage where Self.equalFold(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of the field, in order.
    public func values(_ name: String) -> [String] {
        storage.compactMap { Self.equalFold($0.name, name) ? $0.value : nil }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public var count: Int { storage.count }

    /// The fields in order, as name and value.
    public struct Iterator: IteratorProtocol {
        var base: IndexingIterator<[Field]>

        public mutating func next() -> (name: String, value: String)? {
            base.next().map { ($0.name, $0.value) }
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(base: storage.makeIterator())
    }

    /// ASCII case-insensitive comparison; header names are tokens, so ASCII is all there is.
    public static func equalFold(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { ua in
            b.withUTF8 { ub in
                guard ua.count == ub.count else { return false }
                for i in 0..<ua.count {
                    let x = ua[i]
                    let y = ub[i]
                    if x == y { continue }
                    let lx = x | 0x20
                    guard lx == y | 0x20, lx >= 0x61, lx <= 0x7A else { return false }
                }
                return true
            }
        }
    }
}
