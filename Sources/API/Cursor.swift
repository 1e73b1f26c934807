/// Opaque pagination cursors: the keys of the last item of a page, as URL-safe text. Clients pass
/// them back unchanged; anything else is a 400.
enum Cursor {
    static func encode(_ keys: [Int64]) -> String {
        "c" + keys.map { String($0, radix: 36) }.joined(separator: "_")
    }

    static func decode(_ text: String, count: Int) -> [Int64]? {
        guard text.hasPrefix("c"), text.utf8.count <= 64 else { return nil }
        let parts = text.dropFirst().split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == count else { return nil }
        var keys: [Int64] = []
        for part in parts {
            guard let value = Int64(part, radix: 36) else { return nil }
            keys.append(value)
        }
        return keys
    }
}
