import Crypto
import Testing

/// SHA-256 against the examples of FIPS 180-4 (NIST's published example computations), and HMAC-SHA256 against
/// the test cases of RFC 4231 §4.
@Suite struct CryptoTests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test(arguments: [
        ("empty message", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("one block: abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "two blocks: 448 bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "two blocks: 896 bits",
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func sha256(_ name: String, message: String, digest: String) {
        #expect(Self.hex(SHA256.hash(Self.bytes(message))) == digest, "\(name)")
    }

    @Test func sha256OfAMillionAs() {
        #expect(
            Self.hex(SHA256.hash(repeatElement(UInt8(ascii: "a"), count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Padding puts the length in the last 8 bytes of a block: messages of 55, 56, 63, 64 and 65 bytes sit on
    /// both sides of where it needs a second block; fed in pieces or at once, the digest is the same.
    @Test(arguments: [55, 56, 63, 64, 65, 119, 120, 128])
    func piecesGiveTheSameDigest(length: Int) {
        let message = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256()
        for piece in stride(from: 0, to: length, by: 7) { hasher.update(message[piece..<min(piece + 7, length)]) }
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    /// Contiguous bytes are compressed where they lie, others byte by byte through the pending block: pieces of
    /// both kinds, of lengths on both sides of a block, in turn, give the digest of the whole.
    @Test(arguments: [1, 7, 63, 64, 65, 130])
    func contiguousAndOtherPiecesInTurn(piece: Int) {
        let message = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        var hasher = SHA256()
        for (index, start) in stride(from: 0, to: message.count, by: piece).enumerated() {
            let bytes = message[start..<min(start + piece, message.count)]
            if index.isMultiple(of: 2) { hasher.update(bytes) } else { hasher.update(bytes.lazy.map { $0 }) }
        }
        #expect(hasher.finalize() == SHA256.hash(message.lazy.map { $0 }))
        #expect(Self.hex(SHA256.hash(message)) == Self.hex(SHA256.hash(message.lazy.map { $0 })))
    }

    @Test(arguments: [
        (
            "1: short key", [UInt8](repeating: 0x0b, count: 20), bytes("Hi There"),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            "2: key shorter than the tag", bytes("Jefe"), bytes("what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            "3: combined length over a block", [UInt8](repeating: 0xaa, count: 20),
            [UInt8](repeating: 0xdd, count: 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        (
            "4: 25-byte key", (1...25).map { UInt8($0) }, [UInt8](repeating: 0xcd, count: 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        ),
        (
            "6: key longer than a block", [UInt8](repeating: 0xaa, count: 131),
            bytes("Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            "7: key and data longer than a block", [UInt8](repeating: 0xaa, count: 131),
            bytes(
                "This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        ),
    ])
    func hmacSHA256(_ name: String, key: [UInt8], data: [UInt8], tag: String) {
        #expect(Self.hex(HMAC.sha256(key: key, message: data)) == tag, "RFC 4231 case \(name)")
    }

    @Test func hmacTruncatedAsRFC4231Case5() {
        // Case 5 publishes only the first 128 bits of the tag.
        let tag = HMAC.sha256(key: [UInt8](repeating: 0x0c, count: 20), message: Self.bytes("Test With Truncation"))
        #expect(Self.hex(Array(tag.prefix(16))) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test(
        arguments: [
            ([UInt8](), [UInt8](), true), ([1, 2, 3], [1, 2, 3], true), ([1, 2, 3], [1, 2, 4], false),
            ([1, 2, 3], [1, 2], false), ([0], [], false),
        ] as [([UInt8], [UInt8], Bool)])
    func constantTimeEquality(a: [UInt8], b: [UInt8], equal: Bool) {
        #expect(HMAC.constantTimeEqual(a, b) == equal)
    }
}
