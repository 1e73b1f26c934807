extension JSONParser {
    /// Parses the string whose opening quote is at `i` (RFC 8259 §7) and leaves `i` after the closing quote.
    ///
    /// Runs without escapes are validated in place and decoded once; only strings with escapes copy into a buffer.
    package static func parseString(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) throws(JSONParseError) -> String {
        i += 1
        var runStart = i
        var unescaped: [UInt8] = []
        var hasEscapes = false
        while i < bytes.count {
            while i + 8 <= bytes.count, isPlainASCII(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
            }
            guard i < bytes.count else { break }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeRawBufferPointer(rebasing: bytes[runStart..<i])
                i += 1
                guard hasEscapes else { return makeString(run) }
                unescaped.append(contentsOf: run)
                return unescaped.withUnsafeBytes { makeString($0) }
            } else if byte == UInt8(ascii: "\\") {
                if !hasEscapes {
                    hasEscapes = true
                    unescaped.reserveCapacity(i - runStart + 16)
                }
                unescaped.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<i]))
                try parseEscape(bytes, &i, into: &unescaped)
                runStart = i
            } else if byte < 0x20 {
                // RFC 8259 §7: control characters must be escaped.
                throw JSONParseError(offset: i, reason: "unescaped control character \(hexByte(byte)) in string")
            } else if byte < 0x80 {
                i += 1
            } else {
                try skipUTF8Sequence(bytes, &i)
            }
        }
        throw endOfInput(bytes)
    }

    /// Whether eight bytes hold no quote, backslash, control character or non-ASCII byte, so that a string can
    /// skip them at once.
    ///
    /// The wrapping operations are the bit tricks of the test, not arithmetic on values: `(v - 0x01…) & ~v & 0x80…`
    /// is non-zero exactly when some byte of `v` is zero, and with `0x20…` when some byte is below 0x20.
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let quote = (quotes &- ones) & ~quotes
        let backslash = (backslashes &- ones) & ~backslashes
        return (word | control | quote | backslash) & highBits == 0
    }

    /// Bytes already checked to be valid UTF-8, as a `String`.
    private static func makeString(_ utf8: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: utf8.count) { destination in
            UnsafeMutableRawBufferPointer(destination).copyMemory(from: utf8)
            return utf8.count
        }
    }

    /// Decodes the escape whose backslash is at `i` and appends its UTF-8 form.
    private static func parseEscape(
        _ bytes: UnsafeRawBufferPointer,
        _ i: inout Int,
        into out: inout [UInt8]
    ) throws(JSONParseError) {
        let start = i
        i += 1
        guard i < bytes.count else { throw endOfInput(bytes) }
        let simple: UInt8
        switch bytes[i] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            i += 1
            let scalar = try parseUnicodeEscape(bytes, &i, escapeStart: start)
            UTF8.encode(scalar) { out.append($0) }
            return
        default:
            throw JSONParseError(offset: start, reason: "invalid escape '\\\(describeEscape(bytes, i))' in string")
        }
        out.append(simple)
        i += 1
    }

    /// Reads the four hex digits after `\u` and, for a high surrogate, the low surrogate escape that must follow.
    private static func parseUnicodeEscape(
        _ bytes: UnsafeRawBufferPointer,
        _ i: inout Int,
        escapeStart: Int
    ) throws(JSONParseError) -> Unicode.Scalar {
        let unit = try parseHex4(bytes, &i, escapeStart: escapeStart)
        // RFC 8259 §7: a character outside the BMP is written as a UTF-16 surrogate pair of two escapes;
        // a surrogate on its own names no character and could not be stored as valid UTF-8.
        switch unit {
        case 0xD800...0xDBFF:
            let lowStart = i
            guard i + 1 < bytes.count else {
                if i >= bytes.count || bytes[i] == UInt8(ascii: "\\") { throw endOfInput(bytes) }
                throw loneSurrogate(at: escapeStart)
            }
            guard bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                throw loneSurrogate(at: escapeStart)
            }
            i += 2
            let low = try parseHex4(bytes, &i, escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(at: escapeStart) }
            let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw loneSurrogate(at: escapeStart) }
            return scalar
        case 0xDC00...0xDFFF:
            throw loneSurrogate(at: escapeStart)
        default:
            guard let scalar = Unicode.Scalar(unit) else { throw loneSurrogate(at: escapeStart) }
            return scalar
        }
    }

    private static func loneSurrogate(at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, reason: "unpaired UTF-16 surrogate in \\u escape")
    }

    private static func parseHex4(
        _ bytes: UnsafeRawBufferPointer,
        _ i: inout Int,
        escapeStart: Int
    ) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else { throw endOfInput(bytes) }
            let digit: UInt8
            switch bytes[i] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = bytes[i] - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = bytes[i] - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = bytes[i] - UInt8(ascii: "A") + 10
            default:
                throw JSONParseError(offset: escapeStart, reason: "\\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    private static func describeEscape(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> String {
        guard i < bytes.count, bytes[i] >= 0x21, bytes[i] <= 0x7E else { return "…" }
        return String(Character(Unicode.Scalar(bytes[i])))
    }

    /// Steps over one multi-byte UTF-8 sequence starting at `i`, checking it against RFC 3629 §4.
    ///
    /// The table refuses overlong forms (C0, C1, E0 80–9F, F0 80–8F), UTF-16 surrogates encoded as UTF-8
    /// (ED A0–BF) and code points above U+10FFFF (F4 90 and up, F5–FF). The error points at the sequence's first byte.
    package static func skipUTF8Sequence(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) throws(JSONParseError) {
        let start = i
        let lead = bytes[i]
        var continuation: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: continuation = 1
        case 0xE0: continuation = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: continuation = 2
        case 0xED: continuation = 2; high = 0x9F
        case 0xF0: continuation = 3; low = 0x90
        case 0xF1...0xF3: continuation = 3
        case 0xF4: continuation = 3; high = 0x8F
        default: throw invalidUTF8(at: start)
        }
        i += 1
        while continuation > 0 {
            guard i < bytes.count else { throw endOfInput(bytes) }
            let byte = bytes[i]
            guard byte >= low, byte <= high else { throw invalidUTF8(at: start) }
            low = 0x80
            high = 0xBF
            continuation -= 1
            i += 1
        }
    }

    private static func invalidUTF8(at offset: Int) -> JSONParseError {
        JSONParseError(offset: offset, reason: "invalid UTF-8 sequence")
    }
}
