extension JSONParser {
    /// Parses the number starting at `i` by the grammar of RFC 8259 §6.
    ///
    /// An integer literal (no fraction, no exponent) that fits `Int64` is exact; anything else, including integers
    /// beyond `Int64` and forms such as `1e2` or `3.0`, becomes the correctly rounded `Double` of its text.
    package static func parseNumber(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) throws(JSONParseError)
        -> JSONNumber
    {
        let start = i
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative {
            i += 1
        }
        guard i < bytes.count else { throw endOfInput(bytes) }
        let integerStart = i
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            // RFC 8259 §6: "leading zeros are not allowed".
            if i < bytes.count, isDigit(bytes[i]) {
                throw JSONParseError(offset: integerStart, reason: "number with a leading zero")
            }
        } else if isDigit(bytes[i]) {
            skipDigits(bytes, &i)
        } else {
            throw JSONParseError(offset: i, reason: "\(describe(bytes, i)) where a digit was expected")
        }
        let integerEnd = i
        var isInteger = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            try expectDigit(bytes, i, after: "'.'")
            skipDigits(bytes, &i)
            isInteger = false
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                i += 1
            }
            try expectDigit(bytes, i, after: "the exponent mark")
            skipDigits(bytes, &i)
            isInteger = false
        }
        if isInteger,
            let exact = exactInteger(UnsafeRawBufferPointer(rebasing: bytes[integerStart..<integerEnd]), negative)
        {
            return JSONNumber(exact)
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        // RFC 8259 §6 lets an implementation limit the range; a number too large for a Double is refused rather
        // than silently turned into infinity, which JSON cannot express.
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(offset: start, reason: "number out of range")
        }
        return JSONNumber(value)
    }

    /// The digits' value as `Int64`, or `nil` when it does not fit.
    ///
    /// Negative numbers accumulate downwards so that `Int64.min`, whose magnitude has no positive `Int64`, is exact.
    private static func exactInteger(_ digits: UnsafeRawBufferPointer, _ negative: Bool) -> Int64? {
        var value: Int64 = 0
        for byte in digits {
            let digit = Int64(byte) - Int64(UInt8(ascii: "0"))
            let (shifted, shiftOverflow) = value.multipliedReportingOverflow(by: 10)
            let (next, addOverflow) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if shiftOverflow || addOverflow {
                return nil
            }
            value = next
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func skipDigits(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) {
        while i < bytes.count, isDigit(bytes[i]) {
            i += 1
        }
    }

    private static func expectDigit(_ bytes: UnsafeRawBufferPointer, _ i: Int, after what: String)
        throws(JSONParseError)
    {
        guard i < bytes.count else { throw endOfInput(bytes) }
        guard isDigit(bytes[i]) else {
            throw JSONParseError(offset: i, reason: "\(describe(bytes, i)) where a digit was expected after \(what)")
        }
    }
}
