import Foundation
import Testing

/// `GET /v1/applications?q=`: searches a client shaped to read as wildcards. Every character of `q`
/// matches only itself, a NUL included, as a NUL in any other text the service stores is kept as sent.
@Suite struct SearchHostileClientTests {
    static let employers = [#"Cafe\u0301"#, #"100%\u0301 Accent"#, #"Under_\u0301score"#, #"Nul\u0000Inside"#, "Acme"]

    @Test(arguments: [
        ("% and a combining mark", "%25%CC%81", [2]),
        ("_ and a combining mark", "_%CC%81", [3]),
        ("a NUL", "%00", [4]),
        ("a NUL and the text after it", "%00in", [4]),
        ("text after a stored NUL", "inSIDE", [4]),
        ("a lone %", "%25", [2]),
        ("a lone _", "_", [3]),
        ("a combining mark alone", "%CC%81", [1, 2, 3]),
        ("plain text in any ASCII case", "aCmE", [5]),
    ])
    func everyCharacterOfQMatchesOnlyItself(_ name: String, _ q: String, _ ids: [Int]) throws {
        let api = try APIServer()
        for employer in Self.employers {
            _ = try api.create("/v1/applications", #"{"employer":""# + employer + #"","route":"posted_opening"}"#)
        }
        let response = try api.call("GET", "/v1/applications?q=" + q)
        #expect(response.status == 200, "\(name): \(response.bodyText)")
        #expect(try response.decode(ListBody<ApplicationBody>.self).items.map(\.id) == ids, "\(name)")
    }
}
