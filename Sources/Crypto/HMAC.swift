/// HMAC (RFC 2104) over SHA-256, as RFC 4231 specifies it: what Standard Webhooks signs messages with, and what
/// signs the one-tap links.
public enum HMAC {
    /// The tag of `message` under `key`.
    public static func sha256<Key: Collection, Message: Sequence>(key: Key, message: Message) -> [UInt8]
    where Key.Element == UInt8, Message.Element == UInt8 {
        // RFC 2104 §2: a key longer than a block is hashed first; a shorter one is padded with zeros.
        var block = key.count > SHA256.blockLength ? SHA256.hash(key) : Array(key)
        block.append(contentsOf: repeatElement(0, count: SHA256.blockLength - block.count))
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// Whether two tags are equal, taking the same time whatever they hold: a comparison that stopped at the
    /// first difference would tell a forger how much of a tag is right.
    public static func constantTimeEqual<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool
    where A.Element == UInt8, B.Element == UInt8 {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
