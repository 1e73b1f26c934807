import Glibc

/// SQL text as the key of a connection's statement cache.
///
/// Statements are long (a few hundred bytes) and a connection has few of them, so hashing every byte on every
/// lookup costs more than it tells apart: the hash takes the length and the bytes at both ends. Equality compares
/// the whole text byte by byte (not by Unicode equivalence, as `String` does, which the byte hash could not
/// follow), at once when both keys share their storage, as the same literal does.
struct SQLKey: Hashable {
    let text: String

    /// Bytes hashed from each end.
    static let sampled = 24

    static func == (lhs: SQLKey, rhs: SQLKey) -> Bool {
        var left = lhs.text
        var right = rhs.text
        return left.withUTF8 { a in
            right.withUTF8 { b in
                guard a.count == b.count else { return false }
                guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress, x != y else { return true }
                return memcmp(x, y, a.count) == 0
            }
        }
    }

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
