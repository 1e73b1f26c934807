/// SQL text as the key of a connection's statement cache.
///
/// Statements are long (a few hundred bytes) and a connection has few of them, so hashing every byte on every
/// lookup costs more than it tells apart: the hash takes the length and the bytes at both ends, and equality
/// still compares the whole text.
struct SQLKey: Hashable {
    let text: String

    /// Bytes hashed from each end.
    static let sampled = 24

    static func == (lhs: SQLKey, rhs: SQLKey) -> Bool { lhs.text == rhs.text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            let raw = UnsafeRawBufferPointer(bytes)
            guard raw.count > 2 * Self.sampled else {
                hasher.combine(bytes: raw)
                return
            }
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.prefix(Self.sampled)))
            hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.suffix(Self.sampled)))
        }
    }
}
