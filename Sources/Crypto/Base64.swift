/// Base64 (RFC 4648): the standard alphabet with padding (§4), for keys and signatures, and the URL alphabet
/// without padding (§5), for tokens carried in a path. Written here rather than taken from Foundation: the Store
/// has no Foundation, and the signatures must not depend on how a platform's Foundation pads.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// `bytes` in base64, padded with `=` to a multiple of four characters.
    public static func encode(_ bytes: [UInt8]) -> String {
        encode(bytes, alphabet: alphabet, pad: true)
    }

    /// `bytes` in base64url, without padding (RFC 4648 §5).
    public static func encodeURL(_ bytes: [UInt8]) -> String {
        encode(bytes, alphabet: urlAlphabet, pad: false)
    }

    /// The bytes `text` encodes in base64url without padding, or nil when it is not that: characters of the URL
    /// alphabet only, never a length that leaves a single character over.
    public static func decodeURL(_ text: String) -> [UInt8]? {
        var characters: [UInt8] = []
        characters.reserveCapacity(text.utf8.count + 3)
        for character in text.utf8 {
            switch character {
            case UInt8(ascii: "-"): characters.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): characters.append(UInt8(ascii: "/"))
            case UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): return nil
            default: characters.append(character)
            }
        }
        guard characters.count % 4 != 1 else { return nil }
        while characters.count % 4 != 0 { characters.append(UInt8(ascii: "=")) }
        return decode(String(decoding: characters, as: UTF8.self))
    }

    private static func encode(_ bytes: [UInt8], alphabet: [UInt8], pad: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            let b0 = UInt32(bytes[index])
            let b1 = count > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = count > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            for position in 0..<4 {
                let sextet = Int(group >> UInt32(18 - 6 * position) & 0x3F)
                if position <= count {
                    out.append(alphabet[sextet])
                } else if pad {
                    out.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `text` encodes, or nil when it is not padded base64: a multiple of four characters of the
    /// alphabet, the last group ending in at most two `=`.
    public static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(characters.count / 4 * 3)
        var start = 0
        while start < characters.count {
            let isLast = start + 4 == characters.count
            var group: UInt32 = 0
            var padding = 0
            for character in characters[start..<start + 4] {
                if character == UInt8(ascii: "=") {
                    padding += 1
                    group <<= 6
                    continue
                }
                // A character after padding, or padding anywhere but the end of the last group, is malformed.
                guard padding == 0, let value = sextet(character) else { return nil }
                group = group << 6 | UInt32(value)
            }
            guard padding == 0 || (isLast && padding <= 2) else { return nil }
            let bytes = [UInt8(group >> 16 & 0xFF), UInt8(group >> 8 & 0xFF), UInt8(group & 0xFF)]
            out.append(contentsOf: bytes.prefix(3 - padding))
            start += 4
        }
        return out
    }

    private static func sextet(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
