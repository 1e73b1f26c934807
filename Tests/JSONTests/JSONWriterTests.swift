import Testing

@testable import JSON

/// Compact, deterministic output: escaping per RFC 8259 §7, numbers per §6, and parse(serialize(x)) == x.
struct JSONWriterTests {
    static let escaping: [(name: String, value: String, written: String)] = [
        ("plain ASCII is copied", "hello", #""hello""#),
        ("empty string", "", #""""#),
        ("§7 quotation mark", "a\"b", #""a\"b""#),
        ("§7 reverse solidus", "a\\b", #""a\\b""#),
        ("solidus is not escaped", "a/b", #""a/b""#),
        ("§7 short forms for control characters", "\u{08}\u{0C}\n\r\t", #""\b\f\n\r\t""#),
        ("§7 other control characters as \\u00XX", "\u{0}\u{01}\u{1F}", #""\u0000\u0001\u001f""#),
        ("DEL is written as is", "\u{7F}", "\"\u{7F}\""),
        ("non-ASCII is written as UTF-8", "é€😀", "\"é€😀\""),
        ("U+2028 line separator is escaped for script contexts", "a\u{2028}b", #""a\u2028b""#),
        ("U+2029 paragraph separator is escaped for script contexts", "\u{2029}", #""\u2029""#),
        ("other characters led by 0xE2 pass through", "€‘’\u{2027}\u{202A}", "\"€‘’\u{2027}\u{202A}\""),
        ("escapes between runs", "x\"y\nz", #""x\"y\nz""#),
    ]

    @Test("strings are escaped per RFC 8259 §7", arguments: escaping)
    func escapesStrings(name: String, value: String, written: String) throws {
        #expect(JSON.string(value).serialized() == written, "\(name)")
        #expect(try JSONParser.parse(written) == .string(value), "\(name): reads back")
    }

    @Test("escaping is the same in long strings, read eight bytes at a time", arguments: escaping)
    func escapesWithinLongStrings(name: String, value: String, written: String) {
        let pad = "0123456789abcdef"
        let inner = written.dropFirst().dropLast()
        for (left, right) in [(pad, pad), ("x", pad + pad), (pad + "xyz", "")] {
            #expect(
                JSON.string(left + value + right).serialized() == "\"" + left + inner + right + "\"",
                "\(name), \(left.count) bytes before")
        }
    }

    @Test func theWordCheckFindsEveryByteThatNeedsALook() {
        // Each byte value in each of the eight places of a word of harmless bytes.
        for value in 0...255 {
            let needsLook = value < 0x20 || value == 0x22 || value == 0x5C || value == 0xE2
            for place in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[place] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(JSON.mayNeedEscaping(word) == needsLook, "byte \(value) at \(place)")
            }
        }
    }

    static let numbers: [(name: String, value: JSON, written: String)] = [
        ("§6 integer zero", 0, "0"),
        ("§6 negative integer", -17, "-17"),
        ("§6 Int64.max", .number(JSONNumber(Int64.max)), "9223372036854775807"),
        ("§6 Int64.min", .number(JSONNumber(Int64.min)), "-9223372036854775808"),
        ("§6 integral double keeps its fraction", 3.0, "3.0"),
        ("§6 shortest round-trip double", 0.1, "0.1"),
        ("§6 negative zero double", .number(JSONNumber(-0.0)), "-0.0"),
        ("§6 large double uses an exponent", 1e20, "1e+20"),
        ("§6 small double uses an exponent", 0.00001, "1e-05"),
        ("§6 NaN has no JSON form and is written as null", .number(JSONNumber(Double.nan)), "null"),
        ("§6 infinity has no JSON form and is written as null", .number(JSONNumber(Double.infinity)), "null"),
        ("§6 minus infinity is written as null", .number(JSONNumber(-Double.infinity)), "null"),
    ]

    @Test("numbers are written per RFC 8259 §6", arguments: numbers)
    func writesNumbers(name: String, value: JSON, written: String) {
        #expect(value.serialized() == written, "\(name)")
    }

    static let structures: [(name: String, value: JSON, written: String)] = [
        ("literals", [nil, true, false], "[null,true,false]"),
        ("empty containers", ["a": [], "o": [:]], #"{"a":[],"o":{}}"#),
        ("object members in stored order, not sorted", ["z": 1, "a": 2, "m": 3], #"{"z":1,"a":2,"m":3}"#),
        ("member names are escaped", ["a\"b\n": 1], #"{"a\"b\n":1}"#),
        ("nested", ["list": [["k": "v"], [1, 2.5]]], #"{"list":[{"k":"v"},[1,2.5]]}"#),
    ]

    @Test("structures are written compactly in stored order", arguments: structures)
    func writesStructures(name: String, value: JSON, written: String) {
        #expect(value.serialized() == written, "\(name)")
        #expect(value.description == written, "\(name): description is the same text")
    }

    static let roundTripValues: [(name: String, value: JSON)] = [
        ("null", nil),
        ("booleans", [true, false]),
        ("integers at the edges", [.number(JSONNumber(Int64.min)), .number(JSONNumber(Int64.max)), 0, -1]),
        (
            "doubles that look integral stay doubles",
            [1.0, -0.0, 1e300, .number(JSONNumber(Double.leastNonzeroMagnitude)), 123456789.125]
        ),
        ("integer beyond Int64 kept as a double", .number(JSONNumber(1.8446744073709552e19))),
        ("strings with every kind of escape", ["\"\\/\u{0}\u{1F}\n\t\u{2028}\u{2029}é😀"]),
        ("member order", ["b": 1, "a": ["y": nil, "x": "1"]]),
        ("merge-patch style nulls are kept", ["remove": nil, "keep": "v"]),
        ("deep nesting", [[[[["deep"]]]]]),
    ]

    @Test("parse(serialize(x)) == x, with the same kind and order", arguments: roundTripValues)
    func roundTrips(name: String, value: JSON) throws {
        let text = value.serialized()
        let parsed = try JSONParser.parse(text)
        #expect(parsed == value, "\(name)")
        #expect(parsed.serialized() == text, "\(name): serialization is stable")
    }

    @Test("write(into:) appends to what the buffer already holds")
    func writeAppends() {
        var buffer = Array("data: ".utf8)
        let value: JSON = ["id": 1]
        value.write(into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == #"data: {"id":1}"#)
    }

    static let integers: [Int64] = [0, 7, -7, 9, 10, 99, 100, 1_000_000_007, -1_000_000_007, .max, .min, .max - 1]

    @Test("integers are spelt as their description", arguments: integers)
    func writesIntegers(value: Int64) {
        var bytes: [UInt8] = Array("x".utf8)
        JSON.writeInteger(value, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x\(value)")
    }
}
