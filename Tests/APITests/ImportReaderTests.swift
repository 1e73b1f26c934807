import JSON
import Testing

@testable import API

/// Reading an import document a record at a time: the same syntax as the whole-document parser, a budget of values
/// per piece, and faults capped at 100, the first in the document, with reading stopped once the answer is known.
struct ImportReaderTests {
    /// The faults of reading `text` as an import document: status and fields; 201 and none when it reads.
    static func faults(_ text: String) -> (status: Int, fields: [String]) {
        var bytes = Array(text.utf8)
        let result = bytes.withUnsafeMutableBytes { raw in
            Result { () throws(APIError) in try ExportDocument.read(UnsafeRawBufferPointer(raw)) }
        }
        switch result {
        case .success: return (201, [])
        case .failure(.invalid(let errors)): return (400, errors.map(\.field))
        case .failure(.unprocessable(let errors)): return (422, errors.map(\.field))
        case .failure(let error): return (error.problem.status, [])
        }
    }

    static let head = #"{"format":"notapest-export","version":1,"settings":{},"#
    static let stamps = #""created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z""#

    static func contact(_ id: Int) -> String { #"{"id":\#(id),"name":"C",\#(stamps)}"# }

    static func document(contacts: [String], tail: String = #""applications":[],"events":[]}"#) -> String {
        head + #""contacts":["# + contacts.joined(separator: ",") + "]," + tail
    }

    @Test(arguments: [
        ("0", 1, true), ("[0]", 2, true), ("[0]", 1, false), (#"{"a":[0,0]}"#, 4, true), (#"{"a":[0,0]}"#, 3, false),
        ("[[],{}]", 3, true), ("[[],{}]", 2, false), (#""text""#, 1, true),
    ])
    func aPieceHoldsAtMostItsBudgetOfValues(_ text: String, budget: Int, fits: Bool) {
        var bytes = Array(text.utf8)
        let result = bytes.withUnsafeMutableBytes { raw in
            var i = 0
            return Result { () throws(JSONParseError) in
                try JSONParser.parseValue(UnsafeRawBufferPointer(raw), at: &i, maxValues: budget)
            }
        }
        switch result {
        case .success: #expect(fits)
        case .failure(let error): #expect(!fits && error.isOverBudget, "\(error)")
        }
    }

    /// Documents whose syntax is wrong somewhere the reader walks by itself, or inside a record.
    static let syntax = [
        document(contacts: [contact(1)]) + " x",
        document(contacts: [contact(1)]).replacingOccurrences(of: "]", with: ",]"),
        head + #""contacts":[],"contacts":[],"applications":[],"events":[]}"#, head + #""contacts":[1 2]}"#,
        head + #""contacts":["#, head + #""contacts":[{"id":}],"applications":[],"events":[]}"#, #"{"a" 1}"#,
        #"{"a":1,}"#, #"{,"a":1}"#, #"{"a":1"#, "{", #"{"contacts":[,1]}"#, document(contacts: []), #"{"a":1} "#,
        document(contacts: [contact(1), contact(2)]),
    ]

    @Test(arguments: syntax)
    func theReaderRefusesExactlyWhatTheParserRefuses(_ text: String) {
        let parsed = (try? JSONParser.parse(text)) != nil
        let (status, fields) = Self.faults(text)
        let refusedAsJSON = status == 400 && fields == ["body"]
        #expect(parsed != refusedAsJSON, "\(status) \(fields)")
    }

    @Test(arguments: ["[]", "1", #""{}""#, "  null"])
    func aDocumentThatIsNoObjectIsRefusedAsSuch(_ text: String) {
        #expect(Self.faults(text) == (400, ["body"]))
    }

    @Test func atMostAHundredMalformedFaultsAreNamedAndReadingStopsThere() {
        let bad = Array(repeating: "{}", count: 150)
        // Each `{}` has four faults (id, created_at, updated_at, name): 100 are known by the 25th record, so the
        // syntax error after the last one is never reached.
        let (status, fields) = Self.faults(Self.head + #""contacts":["# + bad.joined(separator: ",") + "]]")
        #expect(status == 400)
        #expect(fields.count == 100)
        #expect(fields.first == "contacts[0].id")
        #expect(fields.last?.hasPrefix("contacts[24].") == true)
    }

    @Test func atMostAHundredUnprocessableFaultsAreNamedYetAMalformedOneLaterStillWins() {
        let same = Array(repeating: Self.contact(7), count: 150)
        let (status, fields) = Self.faults(Self.document(contacts: same))
        #expect(status == 422)
        #expect(fields == (1...100).map { "contacts[\($0)].id" })
        let (laterStatus, laterFields) = Self.faults(Self.document(contacts: same + ["{}"]))
        #expect(laterStatus == 400)
        #expect(laterFields.allSatisfy { $0.hasPrefix("contacts[150].") })
    }

    @Test func faultsAreNamedInTheDocumentsOrderWhateverTheOrderOfItsMembers() {
        let text =
            #"{"events":[{}],"applications":[{}],"contacts":[{}],"settings":{"x":1},"version":1,"#
            + #""format":"notapest-export"}"#
        let (status, fields) = Self.faults(text)
        #expect(status == 400)
        let parts = fields.map { $0.prefix { $0 != "." && $0 != "[" } }
        #expect(parts.first == "settings")
        #expect(parts == parts.sorted { Self.rank($0) < Self.rank($1) })
    }

    static func rank(_ part: Substring) -> Int {
        ["settings", "contacts", "applications", "events"].firstIndex(of: String(part)) ?? -1
    }

    @Test(arguments: [
        (#"{"contacts":[{"id":1,"x":["# + String(repeating: "0,", count: 1_000) + "0]}]}", "contacts[0]"),
        (#"{"settings":{"x":["# + String(repeating: "0,", count: 1_000) + "0]}}", "settings"),
        (#"{"junk":["# + String(repeating: "0,", count: 1_000) + "0]}", "junk"),
    ])
    func aPieceOfMoreValuesThanAnyRecordHoldsEndsTheReading(_ text: String, field: String) {
        let (status, fields) = Self.faults(text)
        #expect(status == 400)
        #expect(fields.last == field)
    }
}
