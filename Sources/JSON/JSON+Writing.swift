extension JSON {
    /// The compact JSON text of this value: no whitespace, members in stored order, deterministic.
    public func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact JSON text of this value as UTF-8.
    ///
    /// Strings are escaped per RFC 8259 §7 (plus U+2028 and U+2029, which break JavaScript string literals when
    /// JSON is embedded in a script). Integers are written without a fraction; doubles in their shortest
    /// round-trip form; a non-finite double, which JSON cannot express (RFC 8259 §6), is written as `null`.
    public func write(into out: inout [UInt8]) {
        switch self {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let value):
            out.append(contentsOf: value ? "true".utf8 : "false".utf8)
        case .number(let number):
            Self.writeNumber(number, into: &out)
        case .string(let string):
            Self.writeString(string, into: &out)
        case .array(let elements):
            out.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 {
                    out.append(UInt8(ascii: ","))
                }
                element.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            for (position, member) in object.enumerated() {
                if position > 0 {
                    out.append(UInt8(ascii: ","))
                }
                Self.writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeNumber(_ number: JSONNumber, into out: inout [UInt8]) {
        if let integer = number.int64 {
            writeInteger(integer, into: &out)
            return
        }
        let value = number.double
        guard value.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        // `description` is the shortest text that reads back as the same Double, and its forms ("1.0", "1e-05",
        // "1e+20", "-0.0") all fit the number grammar of RFC 8259 §6.
        out.append(contentsOf: value.description.utf8)
    }

    /// An integer in decimal, as `description` spells it.
    package static func writeInteger(_ integer: Int64, into out: inout [UInt8]) {
        if integer < 0 {
            out.append(UInt8(ascii: "-"))
        }
        // The magnitude is unsigned so that Int64.min needs no special case.
        var magnitude = integer.magnitude
        let first = out.count
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        var low = first
        var high = out.count - 1
        while low < high {
            out.swapAt(low, high)
            low += 1
            high -= 1
        }
    }

    package static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        writeStringContents(string, into: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// What goes between a string's quotes: its text, escaped. A string written in pieces is these
    /// pieces between one pair of quotes.
    @inlinable
    package static func writeStringContents<Sink: ByteSink & ~Copyable>(_ string: String, into out: inout Sink) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            writeEscaped(utf8, into: &out)
        }
        if done == nil {
            Array(string.utf8).withUnsafeBufferPointer { writeEscaped($0, into: &out) }
        }
    }

    /// Copies runs that need no escaping in one go and escapes the rest.
    @inlinable
    static func writeEscaped<Sink: ByteSink & ~Copyable>(
        _ utf8: UnsafeBufferPointer<UInt8>, into out: inout Sink
    ) {
        var runStart = 0
        var i = 0
        while i < utf8.count {
            // Eight bytes at a time while none of them can need a look.
            if i + 8 <= utf8.count, let base = utf8.baseAddress,
                !mayNeedEscaping(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            {
                i += 8
                continue
            }
            let byte = utf8[i]
            if byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0xE2 {
                i += 1
                continue
            }
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; every other sequence led by E2 passes through.
            let isLineSeparator =
                byte == 0xE2 && i + 2 < utf8.count && utf8[i + 1] == 0x80
                && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9)
            if byte == 0xE2 && !isLineSeparator {
                i += 1
                continue
            }
            out.append(bytes: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            if isLineSeparator {
                out.append(utf8[i + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                i += 3
            } else {
                appendEscape(for: byte, into: &out)
                i += 1
            }
            runStart = i
        }
        out.append(bytes: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    /// Whether any of eight bytes is a control character, a quote, a backslash or 0xE2 (which may start
    /// U+2028 or U+2029), by the classic word-at-a-time tests for a zero byte and for a byte below a
    /// bound: a borrow can only start at a byte that matches, so none is ever missed, and a word with
    /// none is at worst looked at byte by byte.
    @inlinable
    package static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let hasControl = (word &- ones &* 0x20) & ~word & highs != 0
        return hasControl || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
            || hasZeroByte(word ^ (ones &* 0xE2))
    }

    /// The escape RFC 8259 §7 requires for a quote, a backslash or a control character: the short form where one
    /// exists, else `\u00XX`.
    @inlinable
    static func appendEscape<Sink: ByteSink & ~Copyable>(for byte: UInt8, into out: inout Sink) {
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        case 0x0A: out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "t"))
        default:
            out.append("u00")
            out.append(hexDigit(byte >> 4))
            out.append(hexDigit(byte & 0x0F))
        }
    }

    @inlinable
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + (nibble - 10)
    }
}

extension JSON: CustomStringConvertible {
    /// The compact JSON text, so that values read naturally in logs and test failures.
    public var description: String { serialized() }
}
