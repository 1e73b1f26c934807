import Crypto
import Testing

@Suite("Base64: the standard alphabet with padding, and the URL alphabet without")
struct Base64Tests {
    /// RFC 4648 §10's test vectors.
    static let vectors = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ]

    @Test("base64 follows RFC 4648 §10, both ways", arguments: vectors)
    func base64(_ plain: String, _ encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test("every byte value survives base64 and back, with + and / in the alphabet")
    func base64AllBytes() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        #expect(Base64.encode([0xFB, 0xFF]) == "+/8=")
    }

    @Test(
        "malformed base64 is refused",
        arguments: ["Zg", "Zg=", "Z===", "Zg==Zg==", "Zm9v!A==", "=Zm9", "Zm=v", "Zm9v\n"])
    func base64Malformed(_ text: String) {
        #expect(Base64.decode(text) == nil)
    }

    @Test(
        "base64url has - and _ for + and /, no padding, and reads back what it writes",
        arguments: [([UInt8](), ""), ([0xFB, 0xFF], "-_8"), ([0x66], "Zg"), ([0x66, 0x6F, 0x6F], "Zm9v")])
    func base64URL(_ bytes: [UInt8], _ encoded: String) {
        #expect(Base64.encodeURL(bytes) == encoded)
        #expect(Base64.decodeURL(encoded) == bytes)
    }

    @Test("malformed base64url is refused", arguments: ["Z", "Zg==", "+/8", "Zm9v!", "Zm9vY"])
    func base64URLMalformed(_ text: String) {
        #expect(Base64.decodeURL(text) == nil)
    }
}

@Suite("Random bytes: as many as asked, 64 bits a draw")
struct RandomBytesTests {
    struct Counting: RandomNumberGenerator {
        var draws = 0
        mutating func next() -> UInt64 {
            draws += 1
            return 0x0102_0304_0506_0708
        }
    }

    @Test("a count not a multiple of eight takes the first bytes of the last draw", arguments: [0, 1, 8, 9, 18, 32])
    func counts(_ count: Int) {
        var generator = Counting()
        let bytes = RandomBytes.make(count, using: &generator)
        #expect(bytes.count == count)
        #expect(generator.draws == (count + 7) / 8)
        #expect(bytes.prefix(8) == [8, 7, 6, 5, 4, 3, 2, 1].prefix(count))
    }

    @Test("the system's source gives different bytes each time")
    func system() {
        #expect(RandomBytes.make(16) != RandomBytes.make(16))
    }
}
