/// Byte classes and scanning primitives shared by the head parser and the chunked decoder.
/// The classes are bit sets over the ASCII range so a test is a shift and a mask, with no
/// table to initialise and no bounds check.
extension RequestParser {
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A
    static let space: UInt8 = 0x20
    static let htab: UInt8 = 0x09
    static let colon: UInt8 = 0x3A
    static let comma: UInt8 = 0x2C
    static let semicolon: UInt8 = 0x3B
    static let equals: UInt8 = 0x3D
    static let quote: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let slash: UInt8 = 0x2F
    static let question: UInt8 = 0x3F
    static let asterisk: UInt8 = 0x2A

    /// tchar of RFC 9110 §5.6.2, bytes 0–63 and 64–127: "!#$%&'*+-.^_`|~", DIGIT, ALPHA.
    static let tcharLow: UInt64 = 0x03FF_6CFA_0000_0000
    static let tcharHigh: UInt64 = 0x57FF_FFFF_C7FF_FFFE

    /// The bytes of a Host value (RFC 3986 §3.2.2 reg-name / IP-literal, plus ":" port):
    /// unreserved, pct-encoded, sub-delims, ":", "[", "]".
    static let hostLow: UInt64 = 0x2FFF_7FF2_0000_0000
    static let hostHigh: UInt64 = 0x47FF_FFFE_AFFF_FFFE

    @inline(__always)
    static func inSet(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        if byte < 64 { return (low >> UInt64(byte)) & 1 == 1 }
        if byte < 128 { return (high >> UInt64(byte &- 64)) & 1 == 1 }
        return false
    }

    /// A token character (RFC 9110 §5.6.2).
    @inline(__always)
    static func isTchar(_ byte: UInt8) -> Bool { inSet(byte, low: tcharLow, high: tcharHigh) }

    /// A byte allowed in a Host field value.
    @inline(__always)
    static func isHostByte(_ byte: UInt8) -> Bool { inSet(byte, low: hostLow, high: hostHigh) }

    /// SP or HTAB, the whitespace of OWS/BWS (RFC 9110 §5.6.3).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || byte == htab }

    /// A request-target byte: visible ASCII only (RFC 9112 §3.2; RFC 3986 has no room for
    /// controls, spaces or raw non-ASCII).
    @inline(__always)
    static func isTargetByte(_ byte: UInt8) -> Bool { byte > space && byte < 0x7F }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// The value of a hexadecimal digit, either case, or nil.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> Int? {
        if byte &- 0x30 < 10 { return Int(byte &- 0x30) }
        let folded = byte | 0x20
        if folded &- 0x61 < 6 { return Int(folded &- 0x61) + 10 }
        return nil
    }

    /// The index of the first LF in `bytes[from..<to]`, or nil. Reads eight bytes at a time:
    /// a byte of `word ^ 0x0A…` is zero where the LF is, and the classic zero-byte test finds
    /// the lowest such byte exactly (a borrow only spreads to higher bytes).
    @inline(__always)
    static func firstLF(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int? {
        guard let base = bytes.baseAddress, start >= 0, end <= bytes.count else { return nil }
        var index = start
        while end - index >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let masked = word ^ 0x0A0A_0A0A_0A0A_0A0A
            let found = (masked &- 0x0101_0101_0101_0101) & ~masked & 0x8080_8080_8080_8080
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            if base.load(fromByteOffset: index, as: UInt8.self) == lf { return index }
            index += 1
        }
        return nil
    }

    /// The index of the first control byte (below 0x20, or DEL) in `bytes[from..<to]`, or `to`.
    /// HTAB counts as a control here; callers that allow it step over it. Eight bytes at a time:
    /// `(w - 0x20…) & ~w` flags bytes below 0x20, and the lowest flag is exact as above.
    @inline(__always)
    static func firstControl(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress, start >= 0, start <= end, end <= bytes.count else { return start }
        var index = start
        while end - index >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let below = (word &- 0x2020_2020_2020_2020) & ~word
            let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
            let isDelete = (delete &- 0x0101_0101_0101_0101) & ~delete
            let found = (below | isDelete) & 0x8080_8080_8080_8080
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte < space || byte == 0x7F { return index }
            index += 1
        }
        return end
    }

    /// The index of the first byte in `bytes[from..<to]` that is not visible ASCII (0x21–0x7E), or `to`.
    @inline(__always)
    static func firstNonVisible(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
        guard let base = bytes.baseAddress, start >= 0, start <= end, end <= bytes.count else { return start }
        var index = start
        while end - index >= 8 {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let below = (word &- 0x2121_2121_2121_2121) & ~word
            let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
            let isDelete = (delete &- 0x0101_0101_0101_0101) & ~delete
            let found = (below | isDelete | word) & 0x8080_8080_8080_8080
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < end {
            if !isTargetByte(base.load(fromByteOffset: index, as: UInt8.self)) { return index }
            index += 1
        }
        return end
    }

    /// Whether `bytes[range]` equals the ASCII literal exactly.
    @inline(__always)
    static func bytes(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, equal literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount, range.lowerBound >= 0, range.upperBound <= bytes.count
        else { return false }
        let expected = literal.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != expected[offset] {
            return false
        }
        return true
    }

    /// Whether `bytes[start...]` begins with the lowercase ASCII literal, ignoring case.
    @inline(__always)
    static func bytes(
        _ bytes: UnsafeRawBufferPointer, at start: Int, end: Int, startWithLowercase literal: StaticString
    ) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard start >= 0, end <= bytes.count, end - start >= count else { return false }
        let expected = literal.utf8Start
        for offset in 0..<count {
            let byte = bytes[start + offset]
            let wanted = expected[offset]
            // Fold only letters: folding any byte would let, say, 0x1A pass for ":".
            guard byte == wanted || (byte | 0x20 == wanted && wanted &- 0x61 < 26) else { return false }
        }
        return true
    }

    /// The bytes decoded as UTF-8, ill-formed sequences replaced (RFC 9110 §5.5 leaves
    /// non-ASCII field content opaque; repairing keeps every value a valid String).
    @inline(__always)
    static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        guard let base = bytes.baseAddress, range.lowerBound >= 0, range.upperBound <= bytes.count, !range.isEmpty
        else { return "" }
        let count = range.count
        return (base + range.lowerBound).withMemoryRebound(to: UInt8.self, capacity: count) {
            String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
        }
    }
}
