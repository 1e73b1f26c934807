/// A strict RFC 8259 parser that works on raw UTF-8 bytes.
///
/// Beyond the RFC's grammar it refuses what makes request validation ambiguous: duplicate member names, invalid
/// UTF-8 anywhere, a byte order mark, and nesting deeper than a limit. Containers are tracked on an explicit stack,
/// so the depth of the input never turns into depth of the call stack.
public enum JSONParser {
    /// The nesting limit used when the caller gives none.
    public static let defaultMaxDepth = 64

    /// Parses one complete JSON document (RFC 8259 §2: any value, surrounded by optional whitespace).
    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSON {
        let result = bytes.withUnsafeBytes { raw in
            catching { () throws(JSONParseError) in try parse(raw, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    /// Parses one complete JSON document held in a string.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONParseError) -> JSON {
        let direct = text.utf8.withContiguousStorageIfAvailable { buffer in
            catching { () throws(JSONParseError) in try parse(UnsafeRawBufferPointer(buffer), maxDepth: maxDepth) }
        }
        if let direct {
            return try direct.get()
        }
        return try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// Parses one complete JSON document from memory the caller owns for the duration of the call.
    ///
    /// Arrays and objects may nest at most `maxDepth` levels (RFC 8259 §9 allows such a limit); the error for a
    /// deeper document points at the bracket that went too deep.
    public static func parse(
        _ bytes: UnsafeRawBufferPointer,
        maxDepth: Int = defaultMaxDepth
    ) throws(JSONParseError) -> JSON {
        var i = 0
        skipWhitespace(bytes, &i)
        guard i < bytes.count else {
            throw JSONParseError(offset: i, reason: "empty input: expected a JSON value")
        }
        let value = try parseValue(bytes, at: &i, maxDepth: maxDepth)
        skipWhitespace(bytes, &i)
        guard i >= bytes.count else {
            throw JSONParseError(offset: i, reason: "\(describe(bytes, i)) after the JSON value")
        }
        return value
    }

    /// Parses the one value that starts at `i` and leaves `i` just past it, for a reader that walks a large
    /// document a piece at a time instead of holding the tree of all of it.
    ///
    /// At most `maxValues` values are made (each scalar, array and object counts one, at any depth): a value
    /// as small as `0` costs far more as a tree node than as text, so a budget keeps the tree of one piece in
    /// proportion to what that piece may legitimately hold. Past it the error's `isOverBudget` is set.
    package static func parseValue(
        _ bytes: UnsafeRawBufferPointer, at i: inout Int, maxDepth: Int = defaultMaxDepth, maxValues: Int = .max
    ) throws(JSONParseError) -> JSON {
        var stack: [Frame] = []
        var scratch = Scratch(maxValues: maxValues)
        while true {
            var value = try parseValueOrOpen(bytes, &i, stack: &stack, scratch: &scratch, maxDepth: maxDepth)
            // Hand the finished value to the enclosing containers, closing each one whose end follows.
            while let completed = value {
                guard !stack.isEmpty else { return completed }
                scratch.values.append(completed)
                value = try continueContainer(bytes, &i, stack: &stack, scratch: &scratch)
            }
        }
    }

    /// Members and elements of every open container, innermost last.
    ///
    /// Sharing two stacks across all containers lets each finished container be copied out once at its exact size,
    /// instead of growing an array of its own member by member.
    package struct Scratch {
        var values: [JSON] = []
        var keys: [String] = []
        /// The most values the parse may make, and how many more it may.
        let maxValues: Int
        var valuesLeft: Int

        init(maxValues: Int) {
            values.reserveCapacity(32)
            keys.reserveCapacity(16)
            self.maxValues = maxValues
            valuesLeft = maxValues
        }
    }

    /// An open container: where its members start in the scratch stacks.
    package struct Frame {
        var isObject: Bool
        var valueStart: Int
        var keyStart: Int
        /// The object's names so far, filled only once it has more than a few, where hashing beats a scan.
        var names: Set<String> = []
    }

    private static let scanLimit = 16

    /// Parses the value at `i`; an opening bracket with content pushes a frame and returns `nil`.
    private static func parseValueOrOpen(
        _ bytes: UnsafeRawBufferPointer,
        _ i: inout Int,
        stack: inout [Frame],
        scratch: inout Scratch,
        maxDepth: Int
    ) throws(JSONParseError) -> JSON? {
        guard i < bytes.count else { throw endOfInput(bytes) }
        guard scratch.valuesLeft > 0 else {
            throw JSONParseError(offset: i, reason: "more than \(scratch.maxValues) values", isOverBudget: true)
        }
        scratch.valuesLeft -= 1
        switch bytes[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard stack.count < maxDepth else {
                throw JSONParseError(offset: i, reason: "nesting deeper than \(maxDepth) levels")
            }
            let isObject = bytes[i] == UInt8(ascii: "{")
            i += 1
            skipWhitespace(bytes, &i)
            guard i < bytes.count else { throw endOfInput(bytes) }
            if bytes[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                i += 1
                return isObject ? .object(JSONObject()) : .array([])
            }
            var frame = Frame(isObject: isObject, valueStart: scratch.values.count, keyStart: scratch.keys.count)
            if isObject {
                try parseMemberName(bytes, &i, frame: &frame, keys: &scratch.keys)
            }
            stack.append(frame)
            return nil
        case UInt8(ascii: "\""):
            return .string(try parseString(bytes, &i))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try parseNumber(bytes, &i))
        case UInt8(ascii: "t"):
            try expectLiteral("true", bytes, &i)
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false", bytes, &i)
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null", bytes, &i)
            return .null
        default:
            throw JSONParseError(offset: i, reason: "\(describe(bytes, i)) where a value was expected")
        }
    }

    /// After a member or element: reads `,` and the next member name, or the closing bracket.
    ///
    /// Returns the closed container, or `nil` when another value is due.
    private static func continueContainer(
        _ bytes: UnsafeRawBufferPointer,
        _ i: inout Int,
        stack: inout [Frame],
        scratch: inout Scratch
    ) throws(JSONParseError) -> JSON? {
        guard let top = stack.indices.last else { return nil }
        let isObject = stack[top].isObject
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        skipWhitespace(bytes, &i)
        guard i < bytes.count else { throw endOfInput(bytes) }
        let byte = bytes[i]
        if byte == close {
            i += 1
            let frame = stack.removeLast()
            let values = Array(scratch.values[frame.valueStart...])
            scratch.values.removeSubrange(frame.valueStart...)
            guard isObject else { return .array(values) }
            let keys = Array(scratch.keys[frame.keyStart...])
            scratch.keys.removeSubrange(frame.keyStart...)
            return .object(JSONObject(uniqueKeys: keys, values: values))
        }
        guard byte == UInt8(ascii: ",") else {
            let expected = isObject ? "',' or '}'" : "',' or ']'"
            throw JSONParseError(offset: i, reason: "\(describe(bytes, i)) where \(expected) was expected")
        }
        i += 1
        skipWhitespace(bytes, &i)
        // RFC 8259 §4 and §5: a separator must be followed by another member or element.
        if i < bytes.count, bytes[i] == close {
            throw JSONParseError(offset: i, reason: "trailing comma before '\(Character(Unicode.Scalar(close)))'")
        }
        if isObject {
            try parseMemberName(bytes, &i, frame: &stack[top], keys: &scratch.keys)
        }
        return nil
    }

    /// Reads `"name" :` and the whitespace after it onto the key stack, refusing a name the object already has.
    private static func parseMemberName(
        _ bytes: UnsafeRawBufferPointer,
        _ i: inout Int,
        frame: inout Frame,
        keys: inout [String]
    ) throws(JSONParseError) {
        guard i < bytes.count else { throw endOfInput(bytes) }
        guard bytes[i] == UInt8(ascii: "\"") else {
            throw JSONParseError(offset: i, reason: "\(describe(bytes, i)) where a member name was expected")
        }
        let start = i
        let key = try parseString(bytes, &i)
        // RFC 8259 §4 leaves duplicate names to the implementation; two values for one field are refused here.
        let isDuplicate: Bool
        if keys.count - frame.keyStart < scanLimit {
            isDuplicate = keys[frame.keyStart...].contains(key)
        } else {
            if frame.names.isEmpty {
                frame.names = Set(keys[frame.keyStart...])
            }
            isDuplicate = !frame.names.insert(key).inserted
        }
        if isDuplicate {
            throw JSONParseError(offset: start, reason: "duplicate key \(quoted(key))")
        }
        skipWhitespace(bytes, &i)
        guard i < bytes.count else { throw endOfInput(bytes) }
        guard bytes[i] == UInt8(ascii: ":") else {
            throw JSONParseError(offset: i, reason: "\(describe(bytes, i)) where ':' was expected")
        }
        i += 1
        skipWhitespace(bytes, &i)
        keys.append(key)
    }

    /// Skips the four whitespace bytes of RFC 8259 §2 (space, tab, line feed, carriage return) and nothing else.
    package static func skipWhitespace(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    /// Matches one of the literal names of RFC 8259 §3, which are lowercase only.
    private static func expectLiteral(
        _ literal: StaticString,
        _ bytes: UnsafeRawBufferPointer,
        _ i: inout Int
    ) throws(JSONParseError) {
        let start = i
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard i < bytes.count else { throw endOfInput(bytes) }
            guard bytes[i] == byte else {
                throw JSONParseError(offset: start, reason: "invalid literal: expected '\(literal)'")
            }
            i += 1
        }
    }

    package static func endOfInput(_ bytes: UnsafeRawBufferPointer) -> JSONParseError {
        JSONParseError(offset: bytes.count, reason: "unexpected end of input")
    }

    /// Names the byte at `i` for a message: printable ASCII as a quoted character, anything else in hex.
    package static func describe(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> String {
        guard i >= 0, i < bytes.count else { return "end of input" }
        let byte = bytes[i]
        if byte >= 0x21, byte <= 0x7E {
            return "unexpected character '\(Character(Unicode.Scalar(byte)))'"
        }
        return "unexpected byte \(hexByte(byte))"
    }

    /// A byte as `0xNN`.
    package static func hexByte(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0x0\(hex)" : "0x\(hex)"
    }

    /// A member name as it would be written in JSON, shortened so a huge name cannot flood an error message.
    package static func quoted(_ key: String) -> String {
        let limit = 64
        let shown = key.unicodeScalars.count > limit ? String(key.unicodeScalars.prefix(limit)) + "…" : key
        return JSON.string(shown).serialized()
    }

    /// Runs a typed-throwing body inside closures whose signatures cannot carry the error type.
    private static func catching(
        _ body: () throws(JSONParseError) -> JSON
    ) -> Result<JSON, JSONParseError> {
        do {
            return .success(try body())
        } catch {
            return .failure(error)
        }
    }
}
