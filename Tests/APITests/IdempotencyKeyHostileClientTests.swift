import Foundation
import Testing

/// `Idempotency-Key` sent in more than one field: refused with 400 naming the header, and nothing is
/// created, instead of one of the keys being picked.
@Suite struct IdempotencyKeyHostileClientTests {
    static let creations = [
        ("/v1/contacts", #"{"name":"Dana Reyes"}"#),
        ("/v1/applications", #"{"employer":"Globex","route":"posted_opening"}"#),
        ("/v1/applications/1/events", #"{"kind":"note","occurred_at":"2026-11-01T09:00:00Z"}"#),
    ]

    @Test(arguments: [
        ("the same key twice", [("Idempotency-Key", "k1"), ("Idempotency-Key", "k1")]),
        ("two keys", [("Idempotency-Key", "k1"), ("Idempotency-Key", "k2")]),
        (
            "three keys, names in other cases",
            [
                ("Idempotency-Key", "k1"), ("idempotency-key", "k2"), ("IDEMPOTENCY-KEY", "k3"),
            ]
        ),
        ("a valid key and an empty field", [("Idempotency-Key", "k1"), ("Idempotency-Key", "")]),
    ])
    func moreThanOneKeyFieldIsRefused(_ name: String, _ headers: [(String, String)]) throws {
        let api = try APIServer()
        _ = try api.create("/v1/applications", #"{"employer":"Acme","route":"posted_opening"}"#)
        let before = try api.call("GET", "/v1/export").bodyText
        for (target, body) in Self.creations {
            let response = try api.call("POST", target, body, headers: headers)
            #expect(response.status == 400, "\(name), \(target): \(response.bodyText)")
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(try response.decode(ProblemBody.self).fields == ["Idempotency-Key"], "\(name), \(target)")
        }
        let document =
            #"{"format":"notapest-export","version":1,"settings":{},"contacts":[],"applications":[],"events":[]}"#
        let imported = try APIServer().call("POST", "/v1/import", document, headers: headers)
        #expect(imported.status == 400, "\(name), import: \(imported.bodyText)")
        #expect(try imported.decode(ProblemBody.self).fields == ["Idempotency-Key"], "\(name), import")
        #expect(try api.call("GET", "/v1/export").bodyText == before, "\(name): nothing was created")
    }

    @Test func oneKeyFieldStillReplaysTheFirstResponse() throws {
        let api = try APIServer()
        let headers = [("Idempotency-Key", "k1")]
        let first = try api.call("POST", "/v1/contacts", #"{"name":"Dana Reyes"}"#, headers: headers)
        #expect(first.status == 201)
        let again = try api.call("POST", "/v1/contacts", #"{"name":"Dana Reyes"}"#, headers: headers)
        #expect(again.status == 201)
        #expect(again.header("Idempotent-Replayed") == "true")
        #expect(again.bodyText == first.bodyText)
    }
}
