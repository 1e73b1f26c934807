import Testing

@testable import JSON

/// The value type: kinds kept apart, object semantics, literals, and the accessors request validation relies on.
struct JSONTests {
    @Test("a boolean is never a number: `true` is not `1` and `false` is not `0`")
    func boolIsNotNumber() throws {
        let parsed = try JSONParser.parse("[true,1,false,0]")
        let elements = try #require(parsed.arrayValue)
        #expect(elements[0] != elements[1])
        #expect(elements[2] != elements[3])
        #expect(elements[0].boolValue == true)
        #expect(elements[0].int64Value == nil)
        #expect(elements[0].numberValue == nil)
        #expect(elements[1].boolValue == nil)
        #expect(elements[1].int64Value == 1)
        #expect(elements[3].boolValue == nil)
    }

    @Test("§6 the literal's kind is part of a number: 3 and 3.0 differ")
    func numberKindIsKept() throws {
        let integer = try JSONParser.parse("3")
        let fraction = try JSONParser.parse("3.0")
        #expect(integer != fraction)
        #expect(integer.doubleValue == fraction.doubleValue)
        #expect(integer.numberValue?.isInteger == true)
        #expect(fraction.numberValue?.isInteger == false)
    }

    static let accessors:
        [(
            name: String, text: String, string: String?, bool: Bool?, int64: Int64?, double: Double?, isNull: Bool,
            typeName: String
        )] = [
            ("string", #""x""#, "x", nil, nil, nil, false, "string"),
            ("true", "true", nil, true, nil, nil, false, "boolean"),
            ("false", "false", nil, false, nil, nil, false, "boolean"),
            ("null", "null", nil, nil, nil, nil, true, "null"),
            ("integer", "42", nil, nil, 42, 42, false, "integer"),
            ("negative integer", "-7", nil, nil, -7, -7, false, "integer"),
            ("3.0 is not an integer", "3.0", nil, nil, nil, 3, false, "number"),
            ("1e2 is not an integer", "1e2", nil, nil, nil, 100, false, "number"),
            (
                "integer beyond Int64 is not an integer", "9223372036854775808", nil, nil, nil, 9.223372036854775808e18,
                false, "number"
            ),
            ("fraction", "2.5", nil, nil, nil, 2.5, false, "number"),
            ("numeric string is a string", #""42""#, "42", nil, nil, nil, false, "string"),
            ("string \"true\" is a string", #""true""#, "true", nil, nil, nil, false, "string"),
            ("array", "[1]", nil, nil, nil, nil, false, "array"),
            ("object", #"{"a":1}"#, nil, nil, nil, nil, false, "object"),
        ]

    @Test("accessors answer only for their own kind", arguments: accessors)
    func accessorsMatchKind(
        name: String, text: String, string: String?, bool: Bool?, int64: Int64?, double: Double?, isNull: Bool,
        typeName: String
    ) throws {
        let value = try JSONParser.parse(text)
        #expect(value.stringValue == string, "\(name)")
        #expect(value.boolValue == bool, "\(name)")
        #expect(value.int64Value == int64, "\(name)")
        #expect(value.intValue == int64.map { Int($0) }, "\(name)")
        #expect(value.doubleValue == double, "\(name)")
        #expect(value.isNull == isNull, "\(name)")
        #expect(value.typeName == typeName, "\(name)")
        #expect((value.arrayValue != nil) == (typeName == "array"), "\(name)")
        #expect((value.objectValue != nil) == (typeName == "object"), "\(name)")
    }

    @Test("subscripting a value reads object members and nothing else")
    func valueSubscript() throws {
        let value = try JSONParser.parse(#"{"a":{"b":null},"n":1}"#)
        #expect(value["a"]?["b"] == .null)
        #expect(value["missing"] == nil)
        #expect(value["n"]?["b"] == nil)
        #expect(JSON.array([1])["a"] == nil)
    }

    @Test("object: set replaces in place, appends new names, nil removes, null is stored")
    func objectMutation() {
        var object: JSONObject = ["a": 1, "b": 2, "c": 3]
        object["b"] = "two"
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["b"] == "two")
        object["d"] = nil
        #expect(object.count == 3)
        object["d"] = .null
        #expect(object.keys == ["a", "b", "c", "d"])
        #expect(object.contains("d"))
        #expect(object["d"] == .null)
        object["a"] = nil
        #expect(object.keys == ["b", "c", "d"])
        #expect(object["a"] == nil)
        #expect(object.removeValue(forKey: "c") == 3)
        #expect(object.removeValue(forKey: "c") == nil)
        #expect(object.keys == ["b", "d"])
        #expect(object.values == ["two", nil])
    }

    @Test("object: lookups agree before and after it grows past the hash index threshold, and after removals")
    func objectIndex() {
        var object = JSONObject()
        for n in 0..<40 {
            object["k\(n)"] = JSON(n)
            #expect(object["k\(n)"] == JSON(n))
            #expect(object["k0"] == 0)
        }
        object["k5"] = "five"
        #expect(object.position(of: "k5") == 5)
        for n in stride(from: 39, through: 2, by: -1) {
            object["k\(n)"] = nil
            #expect(object["k\(n)"] == nil)
            #expect(object["k\(n - 1)"] == (n - 1 == 5 ? "five" : JSON(n - 1)))
        }
        #expect(object.keys == ["k0", "k1"])
    }

    @Test("object: pairs and literals keep their order; a repeated name replaces in place")
    func objectConstruction() {
        let object = JSONObject([("x", 1), ("y", 2), ("x", 3)])
        #expect(object.keys == ["x", "y"])
        #expect(object["x"] == 3)
        let literal: JSON = ["z": 1, "a": 2]
        #expect(literal.objectValue?.keys == ["z", "a"])
        #expect(Array(object.map(\.key)) == ["x", "y"])
        #expect(JSONObject().isEmpty)
    }

    @Test("§4 objects are unordered for equality but not for serialization")
    func objectEquality() {
        let first: JSONObject = ["a": 1, "b": 2]
        let second: JSONObject = ["b": 2, "a": 1]
        #expect(first == second)
        #expect(JSON.object(first).serialized() != JSON.object(second).serialized())
        #expect(first != ["a": 1, "b": 3])
        #expect(first != ["a": 1])
        #expect(first != ["a": 1, "c": 2])
    }

    static let conveniences: [(name: String, value: JSON, expected: JSON)] = [
        ("Int", JSON(5), .number(JSONNumber(Int64(5)))),
        ("Int64", JSON(Int64(-5)), .number(JSONNumber(Int64(-5)))),
        ("Double", JSON(2.5), .number(JSONNumber(2.5))),
        ("Bool", JSON(true), .bool(true)),
        ("String", JSON("s"), .string("s")),
        ("present String?", JSON(Optional("s")), .string("s")),
        ("absent String? is null", JSON(String?.none), .null),
        ("absent Int? is null", JSON(Int?.none), .null),
        ("present Int?", JSON(Optional(7)), 7),
        ("absent Int64? is null", JSON(Int64?.none), .null),
        ("absent Double? is null", JSON(Double?.none), .null),
        ("absent Bool? is null", JSON(Bool?.none), .null),
        ("present Bool?", JSON(Optional(false)), false),
        ("[String]", JSON(["a", "b"]), .array([.string("a"), .string("b")])),
        ("[Int]", JSON([1, 2]), .array([1, 2])),
        ("nil literal", nil, .null),
        ("integer literal is an integer", 1, .number(JSONNumber(1))),
        ("float literal is a double", 1.0, .number(JSONNumber(1.0))),
    ]

    @Test("convenience initializers and literals build the expected value", arguments: conveniences)
    func conveniencesBuild(name: String, value: JSON, expected: JSON) {
        #expect(value == expected, "\(name)")
        #expect(value.serialized() == expected.serialized(), "\(name)")
    }

    @Test("JSONNumber exposes its value both ways")
    func numberViews() {
        let integer = JSONNumber(Int64.max)
        #expect(integer.int64 == Int64.max)
        #expect(integer.isInteger)
        #expect(integer.double == 9.223372036854775807e18)
        let double = JSONNumber(0.5)
        #expect(double.int64 == nil)
        #expect(!double.isInteger)
        #expect(double.double == 0.5)
    }
}
