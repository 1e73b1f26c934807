import Testing

@testable import JSON

/// RFC 8259 parsing: one row per construct the grammar allows, one per rule that refuses a document.
struct JSONParserTests {
    static let valid: [(name: String, text: String, expected: JSON)] = [
        ("§3 null literal", "null", .null),
        ("§3 true literal", "true", .bool(true)),
        ("§3 false literal", "false", .bool(false)),
        ("§2 any value at top level: string", #""hi""#, .string("hi")),
        ("§2 whitespace around the value", " \t\r\n 1 \n\t\r ", .number(JSONNumber(1))),
        ("§4 empty object", "{}", .object(JSONObject())),
        ("§4 empty object with whitespace", "{ \n }", .object(JSONObject())),
        ("§5 empty array", "[]", .array([])),
        ("§5 empty array with whitespace", "[ \t ]", .array([])),
        ("§4 object members keep their order", #"{"b":1,"a":2}"#, .object(JSONObject([("b", 1), ("a", 2)]))),
        ("§4 whitespace around : and ,", #"{ "a" : 1 , "b" : [ 2 , 3 ] }"#, ["a": 1, "b": [2, 3]]),
        ("§5 mixed array", #"[null,true,false,0,"x",[],{}]"#, [nil, true, false, 0, "x", [], [:]]),
        ("nested structures", #"{"a":{"b":[{"c":[[null]]}]}}"#, ["a": ["b": [["c": [[nil]]]]]]),
        ("§4 member value null is kept", #"{"a":null}"#, .object(JSONObject([("a", .null)]))),
        ("§6 zero", "0", 0),
        ("§6 minus zero is integer zero", "-0", 0),
        ("§6 minus zero with fraction stays a double", "-0.0", .number(JSONNumber(-0.0))),
        ("§6 negative integer", "-42", -42),
        ("§6 fraction", "3.25", 3.25),
        ("§6 fraction .0 is not an integer", "3.0", .number(JSONNumber(3.0))),
        ("§6 exponent", "1e10", .number(JSONNumber(1e10))),
        ("§6 exponent capital E with sign", "2E+3", .number(JSONNumber(2000.0))),
        ("§6 negative exponent", "-1.5e-3", .number(JSONNumber(-0.0015))),
        ("§6 exponent with leading zeros", "1e007", .number(JSONNumber(1e7))),
        ("§6 Int64.max exact", "9223372036854775807", .number(JSONNumber(Int64.max))),
        ("§6 Int64.min exact", "-9223372036854775808", .number(JSONNumber(Int64.min))),
        ("§6 Int64.max + 1 becomes a double", "9223372036854775808", .number(JSONNumber(9_223_372_036_854_775_808.0))),
        (
            "§6 Int64.min - 1 becomes a double", "-9223372036854775809",
            .number(JSONNumber(-9_223_372_036_854_775_809.0))
        ),
        (
            "§6 huge integer becomes a double", "123456789012345678901234567890",
            .number(JSONNumber(1.2345678901234568e29))
        ),
        ("§6 correctly rounded double", "0.1", .number(JSONNumber(0.1))),
        ("§6 smallest subnormal", "5e-324", .number(JSONNumber(Double.leastNonzeroMagnitude))),
        ("§6 underflow rounds to zero", "1e-400", .number(JSONNumber(0.0))),
        ("§7 empty string", #""""#, ""),
        ("§7 short escapes", #""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        ("§7 \\u escape of ASCII", #""\u0041\u00e9""#, "Aé"),
        ("§7 \\u escape upper-case hex", #""\u00E9\u20AC""#, "é€"),
        ("§7 \\u0000 is allowed", #""a\u0000b""#, "a\u{0}b"),
        ("§7 surrogate pair escape", #""\uD83D\uDE00""#, "😀"),
        ("§7 surrogate pair lower-case hex", #""\ud834\udd1e""#, "𝄞"),
        ("§8.1 raw UTF-8: 2, 3 and 4 byte sequences", #""é€😀""#, "é€😀"),
        ("§8.1 raw U+FFFF and U+10FFFF", "\"\u{FFFF}\u{10FFFF}\"", "\u{FFFF}\u{10FFFF}"),
        ("escapes mixed with raw runs", #""ab\ncd\u00e9ef""#, "ab\ncdéef"),
        (
            "long ASCII string", "\"" + String(repeating: "abcdefgh", count: 40) + "\"",
            .string(String(repeating: "abcdefgh", count: 40))
        ),
        ("DEL needs no escape", "\"\u{7F}\"", "\u{7F}"),
        (
            "exactly maxDepth levels", String(repeating: "[", count: 64) + String(repeating: "]", count: 64),
            nested(64)
        ),
    ]

    @Test("valid documents parse to the expected value", arguments: valid)
    func parsesValid(name: String, text: String, expected: JSON) throws {
        let value = try JSONParser.parse(Array(text.utf8))
        #expect(value == expected, "\(name)")
        #expect(value.serialized() == expected.serialized(), "\(name): kind and order are kept")
    }

    static let invalid: [(name: String, bytes: [UInt8], offset: Int, reason: String)] = [
        ("empty input", [], 0, "empty input: expected a JSON value"),
        ("whitespace only", Array(" \n".utf8), 2, "empty input: expected a JSON value"),
        ("§6 leading zero", Array("01".utf8), 0, "number with a leading zero"),
        ("§6 leading zero after minus", Array("[-012]".utf8), 2, "number with a leading zero"),
        ("§6 plus sign", Array("+1".utf8), 0, "unexpected character '+' where a value was expected"),
        (
            "§6 fraction without integer part", Array(".5".utf8), 0,
            "unexpected character '.' where a value was expected"
        ),
        (
            "§6 fraction without digits", Array("[1.]".utf8), 3,
            "unexpected character ']' where a digit was expected after '.'"
        ),
        (
            "§6 exponent without digits", Array("[1e]".utf8), 3,
            "unexpected character ']' where a digit was expected after the exponent mark"
        ),
        ("§6 minus without digits", Array("[-]".utf8), 2, "unexpected character ']' where a digit was expected"),
        ("§6 NaN", Array("NaN".utf8), 0, "unexpected character 'N' where a value was expected"),
        ("§6 Infinity", Array("[-Infinity]".utf8), 2, "unexpected character 'I' where a digit was expected"),
        ("§6 hex number", Array("0x10".utf8), 1, "unexpected character 'x' after the JSON value"),
        ("§6 number beyond Double range", Array("[1e400]".utf8), 1, "number out of range"),
        ("§5 trailing comma in array", Array("[1,2,]".utf8), 5, "trailing comma before ']'"),
        ("§4 trailing comma in object", Array(#"{"a":1,}"#.utf8), 7, "trailing comma before '}'"),
        ("§5 missing comma", Array("[1 2]".utf8), 3, "unexpected character '2' where ',' or ']' was expected"),
        ("§5 leading comma", Array("[,1]".utf8), 1, "unexpected character ',' where a value was expected"),
        ("§4 missing colon", Array(#"{"a" 1}"#.utf8), 5, "unexpected character '1' where ':' was expected"),
        (
            "§4 member name not a string", Array("{a:1}".utf8), 1,
            "unexpected character 'a' where a member name was expected"
        ),
        ("§4 member without value", Array(#"{"a":}"#.utf8), 5, "unexpected character '}' where a value was expected"),
        ("§4 mismatched bracket", Array(#"{"a":1]"#.utf8), 6, "unexpected character ']' where ',' or '}' was expected"),
        ("§7 single quotes", Array("['a']".utf8), 1, "unexpected character ''' where a value was expected"),
        (
            "comments are not JSON", Array("[1 /* c */]".utf8), 3,
            "unexpected character '/' where ',' or ']' was expected"
        ),
        ("line comment", Array("// c\n1".utf8), 0, "unexpected character '/' where a value was expected"),
        ("§3 capitalised literal", Array("True".utf8), 0, "unexpected character 'T' where a value was expected"),
        ("§3 misspelt literal", Array("[nul]".utf8), 1, "invalid literal: expected 'null'"),
        (
            "§7 raw control character in string", Array("\"a\u{01}\"".utf8), 2,
            "unescaped control character 0x01 in string"
        ),
        ("§7 raw newline in string", Array("\"a\nb\"".utf8), 2, "unescaped control character 0x0A in string"),
        ("§7 raw tab in string", Array("\"\t\"".utf8), 1, "unescaped control character 0x09 in string"),
        ("§7 unknown escape", Array(#""\x41""#.utf8), 1, "invalid escape '\\x' in string"),
        ("§7 \\u with too few hex digits", Array(#""\u12G4""#.utf8), 1, "\\u escape needs four hex digits"),
        ("§7 lone high surrogate escape", Array(#""\uD800""#.utf8), 1, "unpaired UTF-16 surrogate in \\u escape"),
        (
            "§7 high surrogate before plain text", Array(#""\uD800abcdef""#.utf8), 1,
            "unpaired UTF-16 surrogate in \\u escape"
        ),
        ("§7 lone low surrogate escape", Array(#""x\uDC00""#.utf8), 2, "unpaired UTF-16 surrogate in \\u escape"),
        (
            "§7 high surrogate followed by non-surrogate", Array(#""\uD800\u0041""#.utf8), 1,
            "unpaired UTF-16 surrogate in \\u escape"
        ),
        ("§7 two high surrogates", Array(#""\uD800\uD800""#.utf8), 1, "unpaired UTF-16 surrogate in \\u escape"),
        ("§8.1 invalid UTF-8: stray continuation byte", [0x22, 0x61, 0x80, 0x22], 2, "invalid UTF-8 sequence"),
        ("§8.1 invalid UTF-8: byte 0xFF", [0x22, 0xFF, 0x22], 1, "invalid UTF-8 sequence"),
        ("§8.1 invalid UTF-8: overlong 2-byte '/'", [0x22, 0xC0, 0xAF, 0x22], 1, "invalid UTF-8 sequence"),
        ("§8.1 invalid UTF-8: overlong 3-byte", [0x22, 0xE0, 0x80, 0xAF, 0x22], 1, "invalid UTF-8 sequence"),
        ("§8.1 invalid UTF-8: overlong 4-byte", [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], 1, "invalid UTF-8 sequence"),
        ("§8.1 invalid UTF-8: encoded surrogate U+D800", [0x22, 0xED, 0xA0, 0x80, 0x22], 1, "invalid UTF-8 sequence"),
        ("§8.1 invalid UTF-8: above U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1, "invalid UTF-8 sequence"),
        ("§8.1 invalid UTF-8: truncated sequence", [0x22, 0xE2, 0x82, 0x22], 1, "invalid UTF-8 sequence"),
        (
            "§8.1 invalid UTF-8 outside a string", [0x5B, 0xC3, 0xA9, 0x5D], 1,
            "unexpected byte 0xC3 where a value was expected"
        ),
        (
            "§8.1 byte order mark is refused", [0xEF, 0xBB, 0xBF, 0x31], 0,
            "unexpected byte 0xEF where a value was expected"
        ),
        ("§4 duplicate key", Array(#"{"x":1,"x":2}"#.utf8), 7, #"duplicate key "x""#),
        ("§4 duplicate key spelt with an escape", Array(#"{"x":1,"\u0078":2}"#.utf8), 7, #"duplicate key "x""#),
        ("§4 duplicate key in a nested object", Array(#"[{"a":{"b":1,"b":1}}]"#.utf8), 13, #"duplicate key "b""#),
        ("§2 trailing garbage", Array("{} x".utf8), 3, "unexpected character 'x' after the JSON value"),
        ("§2 two top-level values", Array("1 2".utf8), 2, "unexpected character '2' after the JSON value"),
        (
            "§2 non-JSON whitespace (form feed)", Array("\u{0C}1".utf8), 0,
            "unexpected byte 0x0C where a value was expected"
        ),
        ("§2 NUL after the value", [0x31, 0x00], 1, "unexpected byte 0x00 after the JSON value"),
        (
            "§9 nesting one deeper than the limit",
            Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8),
            64, "nesting deeper than 64 levels"
        ),
        ("unterminated string", Array(#"["abc"#.utf8), 5, "unexpected end of input"),
        ("unterminated array", Array("[1,2".utf8), 4, "unexpected end of input"),
    ]

    @Test("invalid documents are refused at the expected offset with the expected reason", arguments: invalid)
    func refusesInvalid(name: String, bytes: [UInt8], offset: Int, reason: String) {
        #expect(throws: JSONParseError(offset: offset, reason: reason), "\(name)") {
            try JSONParser.parse(bytes)
        }
    }

    @Test("§4 duplicate detection still holds in objects large enough to use the hash index")
    func duplicateInLargeObject() {
        let members = (0..<200).map { "\"k\($0)\":\($0)" }
        let text = "{" + members.joined(separator: ",") + ",\"k150\":0}"
        let offset = text.utf8.count - 9
        #expect(throws: JSONParseError(offset: offset, reason: #"duplicate key "k150""#)) {
            try JSONParser.parse(text)
        }
        let unique = "{" + members.joined(separator: ",") + "}"
        #expect((try? JSONParser.parse(unique))?.objectValue?["k199"] == 199)
    }

    @Test("§9 the depth limit is the caller's: deeper documents pass when allowed, scalars need no depth")
    func depthLimitIsConfigurable() throws {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(try JSONParser.parse(deep, maxDepth: 500) == nested(500))
        #expect(throws: JSONParseError(offset: 6, reason: "nesting deeper than 2 levels")) {
            try JSONParser.parse(#"{"a":[[]]}"#, maxDepth: 2)
        }
        #expect(try JSONParser.parse("7", maxDepth: 0) == 7)
    }

    @Test("a deeply nested hostile document is refused without exhausting the stack")
    func hostileDepth() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(throws: JSONParseError(offset: 64, reason: "nesting deeper than 64 levels")) {
            try JSONParser.parse(bytes)
        }
        #expect(throws: JSONParseError(offset: 1_000_000, reason: "unexpected end of input")) {
            try JSONParser.parse(bytes, maxDepth: .max)
        }
    }

    @Test("§7 special bytes are found at every position of a long run, across the eight-byte fast path")
    func specialBytesAtEveryPosition() throws {
        for position in 0..<24 {
            let before = String(repeating: "a", count: position)
            let after = String(repeating: "b", count: 24 - position)
            #expect(throws: JSONParseError(offset: position + 1, reason: "unescaped control character 0x1F in string"))
            {
                try JSONParser.parse("\"\(before)\u{1F}\(after)\"")
            }
            #expect(try JSONParser.parse("\"\(before)é\\n\\\"\(after)\"") == .string("\(before)é\n\"\(after)"))
            #expect(try JSONParser.parse("[\"\(before)\"]") == [.string(before)])
            var invalid = Array("\"\(before)\(after)\"".utf8)
            invalid.insert(0xC0, at: position + 1)
            #expect(throws: JSONParseError(offset: position + 1, reason: "invalid UTF-8 sequence")) {
                try JSONParser.parse(invalid)
            }
        }
    }

    static let documents: [String] = [
        #"{"name":"Ada","tags":["a","b\n"],"score":-1.5e3,"ok":true,"none":null,"id":9223372036854775807}"#,
        #"[{"k":"é€😀\u00e9\uD83D\uDE00"},[[],{}],0,-0.25,false]"#,
        #" { "nested" : { "deeper" : [ 1 , 2 , { "x" : "y" } ] } } "#,
        #""a string with \"escapes\" and \\ slashes""#,
    ]

    @Test("every strict prefix of a valid document throws and never crashes", arguments: documents)
    func prefixesThrow(document: String) throws {
        let bytes = Array(document.utf8)
        let whole = try JSONParser.parse(bytes)
        #expect(!whole.isNull)
        // Each document's last significant byte closes a container or string, so no strict prefix is complete.
        let significant = bytes.lastIndex { $0 != 0x20 } ?? 0
        for length in 0...significant {
            #expect(throws: JSONParseError.self, "prefix of \(length) bytes") {
                try JSONParser.parse(Array(bytes[0..<length]))
            }
        }
    }

    @Test("every single-byte corruption of a document either parses or throws, never crashes", arguments: documents)
    func corruptionsNeverCrash(document: String) {
        let bytes = Array(document.utf8)
        let replacements: [UInt8] = [0x00, 0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x80, 0xC3, 0xED, 0xFF]
        var outcomes = 0
        for position in bytes.indices {
            for replacement in replacements {
                var corrupted = bytes
                corrupted[position] = replacement
                do {
                    _ = try JSONParser.parse(corrupted)
                } catch {
                    #expect(error.offset >= 0 && error.offset <= corrupted.count)
                }
                outcomes += 1
            }
        }
        #expect(outcomes == bytes.count * replacements.count)
    }

    @Test("the three entry points agree: [UInt8], raw buffer and String")
    func entryPointsAgree() throws {
        let text = #"{"a":[1,"é"]}"#
        let fromArray = try JSONParser.parse(Array(text.utf8))
        let fromString = try JSONParser.parse(text)
        let fromBuffer = try Array(text.utf8).withUnsafeBytes { raw throws(JSONParseError) in
            try JSONParser.parse(raw)
        }
        #expect(fromArray == fromString)
        #expect(fromArray == fromBuffer)
    }

    @Test("the error describes itself with offset and reason")
    func errorDescription() {
        let error = JSONParseError(offset: 3, reason: "number with a leading zero")
        #expect(error.description == "invalid JSON at byte 3: number with a leading zero")
    }
}

/// `depth` arrays nested inside each other.
private func nested(_ depth: Int) -> JSON {
    var value = JSON.array([])
    for _ in 1..<depth {
        value = .array([value])
    }
    return value
}
