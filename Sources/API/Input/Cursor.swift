/// Pagination cursors: the keys of the last item of a page, each written as the 16 lowercase hex digits of its
/// 64 bits, after a `c` and joined by `_`. The form is fixed, so the contract can state it as a pattern and the
/// server accepts exactly the strings that match it; clients pass cursors back unchanged, anything else is a 400.
enum Cursor {
    static func encode(_ keys: [Int64]) -> String {
        "c"
            + keys.map { key in
                let digits = String(UInt64(bitPattern: key), radix: 16)
                return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
            }.joined(separator: "_")
    }

    static func decode(_ text: String, count: Int) -> [Int64]? {
        guard text.hasPrefix("c") else { return nil }
        let parts = text.dropFirst().split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == count else { return nil }
        var keys: [Int64] = []
        for part in parts {
            // Only the canonical spelling: `UInt64(_:radix:)` would also take upper case and a sign.
            let isHex = part.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            guard part.utf8.count == 16, isHex, let bits = UInt64(part, radix: 16) else { return nil }
            keys.append(Int64(bitPattern: bits))
        }
        return keys
    }
}
