/// Header fields in the order received. Names compare case-insensitively (RFC 9110 §5.1);
/// duplicates are kept, since some fields are lists and others must be checked for conflicts.
public struct HTTPHeaders: Sendable, Equatable, Sequence {
    public private(set) var fields: [(name: String, value: String)]

    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    public mutating func add(name: String, value: String) {
        fields.append((name, value))
    }

    /// Replaces every field of that name with one field.
    public mutating func set(name: String, value: String) {
        fields.removeAll { Self.equalFold($0.name, name) }
        fields.append((name, value))
    }

    public mutating func remove(name: String) {
        fields.removeAll { Self.equalFold($0.name, name) }
    }

    /// The first value of the field, or nil.
    public subscript(name: String) -> String? {
        for field in fields where Self.equalFold(field.name, name) {
            return field.value
        }
        return nil
    }

    /// Every value of the field, in order.
    public func values(_ name: String) -> [String] {
        fields.compactMap { Self.equalFold($0.name, name) ? $0.value : nil }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
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
