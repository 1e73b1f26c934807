import JSON

/// Walks the top-level object of an import document one member at a time, and a member that is an array one
/// element at a time, so that no tree of the whole document is ever built: the caller checks each record and
/// keeps what it needs, and a tree only ever holds one record (RFC 8259 §4 and §5 for the grammar walked).
///
/// A tree node costs tens of bytes however small its text, so a tree of a whole document of `0,0,0,…` or
/// `{},{},…` takes tens of times the document's size; one piece at a time, under a budget of values each, it
/// takes a few kilobytes. Use it within the lifetime of `bytes`.
struct ImportReader {
    /// The most JSON values one piece (a record, the settings, any other member) may hold. The largest valid
    /// record, an event with 50 interviewers and a violation of every rule, holds fewer than 200.
    static let valuesPerPiece = 1_000

    private let bytes: UnsafeRawBufferPointer
    private var i = 0
    /// Whether the next member or element is the first of its container, which has no comma before it.
    private var first = true
    /// The names read so far: RFC 8259 §4 leaves repeated names to the implementation; this one refuses them.
    private var names: Set<String> = []

    /// Starts at the opening brace of the top-level object; throws `notAnObject` when the document starts
    /// with anything else.
    init(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) {
        self.bytes = bytes
        JSONParser.skipWhitespace(bytes, &i)
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { throw Self.notAnObject }
        i += 1
    }

    /// What `init` throws for a document that is not an object (its syntax is not checked then).
    static let notAnObject = JSONParseError(offset: 0, reason: "not an object")

    /// The name of the next member, with its colon read; nil after the closing brace, once nothing but
    /// whitespace follows it.
    mutating func nextMember() throws(JSONParseError) -> String? {
        guard try separator(closing: UInt8(ascii: "}")) else {
            JSONParser.skipWhitespace(bytes, &i)
            guard i >= bytes.count else {
                throw JSONParseError(offset: i, reason: "\(JSONParser.describe(bytes, i)) after the JSON value")
            }
            return nil
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
            throw JSONParseError(offset: i, reason: "\(JSONParser.describe(bytes, i)) where a member name was expected")
        }
        let start = i
        let name = try JSONParser.parseString(bytes, &i)
        guard names.insert(name).inserted else {
            throw JSONParseError(offset: start, reason: "duplicate key \(JSONParser.quoted(name))")
        }
        JSONParser.skipWhitespace(bytes, &i)
        guard i < bytes.count else { throw JSONParser.endOfInput(bytes) }
        guard bytes[i] == UInt8(ascii: ":") else {
            throw JSONParseError(offset: i, reason: "\(JSONParser.describe(bytes, i)) where ':' was expected")
        }
        i += 1
        JSONParser.skipWhitespace(bytes, &i)
        return name
    }

    /// Whether the member's value is an array; if so its opening bracket is read, and `nextElement` reads its
    /// elements, else `value` reads the value.
    mutating func opensArray() -> Bool {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { return false }
        i += 1
        first = true
        return true
    }

    /// The array's next element; nil after its closing bracket.
    mutating func nextElement() throws(JSONParseError) -> JSON? {
        guard try separator(closing: UInt8(ascii: "]")) else {
            // Back in the top-level object, whose next member follows a comma.
            first = false
            return nil
        }
        return try value()
    }

    /// The member's value, or the array's element, as a tree of at most `valuesPerPiece` values.
    mutating func value() throws(JSONParseError) -> JSON {
        try JSONParser.parseValue(
            bytes, at: &i, maxDepth: JSONParser.defaultMaxDepth - 2, maxValues: Self.valuesPerPiece)
    }

    /// Reads the comma before the next member or element, or the closing bracket: true when a member or element
    /// follows, false after the container closed.
    private mutating func separator(closing: UInt8) throws(JSONParseError) -> Bool {
        JSONParser.skipWhitespace(bytes, &i)
        guard i < bytes.count else { throw JSONParser.endOfInput(bytes) }
        if bytes[i] == closing, first {
            i += 1
            return false
        }
        if !first {
            if bytes[i] == closing {
                i += 1
                return false
            }
            guard bytes[i] == UInt8(ascii: ",") else {
                let expected = closing == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'"
                throw JSONParseError(
                    offset: i, reason: "\(JSONParser.describe(bytes, i)) where \(expected) was expected")
            }
            i += 1
            JSONParser.skipWhitespace(bytes, &i)
            // RFC 8259 §4 and §5: a separator must be followed by another member or element.
            if i < bytes.count, bytes[i] == closing {
                throw JSONParseError(
                    offset: i, reason: "trailing comma before '\(Character(Unicode.Scalar(closing)))'")
            }
        }
        first = false
        JSONParser.skipWhitespace(bytes, &i)
        guard i < bytes.count else { throw JSONParser.endOfInput(bytes) }
        return true
    }
}
