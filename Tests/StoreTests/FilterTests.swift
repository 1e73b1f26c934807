import SQLite
import Testing

@testable import Store

@Suite("Application filters: status, route, recruiter and text, combined with AND")
struct FilterTests {
    /// A filter and the employers it must list, in id order.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let filter: ApplicationFilter
        let employers: [String]
        var testDescription: String { name }
    }

    // The rows `seed` stores, ids 1...10.
    static let cases = [
        Case(name: "no filter lists all", filter: ApplicationFilter(), employers: all),
        Case(name: "status", filter: ApplicationFilter(status: "passed"), employers: ["Beta Labs"]),
        Case(name: "route", filter: ApplicationFilter(route: "recruiter_submitted"), employers: ["Gamma", "100% Fun"]),
        Case(name: "recruiter", filter: ApplicationFilter(recruiterId: 1), employers: ["Gamma", "100% Fun"]),
        Case(name: "unknown recruiter lists none", filter: ApplicationFilter(recruiterId: 2), employers: []),
        Case(
            name: "route and status together", filter: ApplicationFilter(status: "active", route: "posted_opening"),
            employers: ["Acme"]),
        Case(name: "text in employer, any ASCII case", filter: ApplicationFilter(text: "aCmE"), employers: ["Acme"]),
        Case(name: "text in position", filter: ApplicationFilter(text: "engineer"), employers: ["Acme", "Gamma"]),
        Case(name: "text matching nothing", filter: ApplicationFilter(text: "zebra"), employers: []),
        Case(name: "% is literal, not any run", filter: ApplicationFilter(text: "100%"), employers: ["100% Fun"]),
        Case(name: "lone % matches only a %", filter: ApplicationFilter(text: "%"), employers: ["100% Fun"]),
        Case(name: "_ is literal, not any character", filter: ApplicationFilter(text: "a_b"), employers: ["a_b Corp"]),
        Case(name: "backslash is literal", filter: ApplicationFilter(text: "x\\y"), employers: ["Slash x\\y"]),
        Case(name: "quote is just text", filter: ApplicationFilter(text: "o'"), employers: ["O'Brien"]),
        Case(
            name: "text and route together", filter: ApplicationFilter(route: "recruiter_submitted", text: "fun"),
            employers: ["100% Fun"]),
    ]

    static let all = [
        "Acme", "Beta Labs", "Gamma", "100% Fun", "a_b Corp", "Slash x\\y", "O'Brien", "axb Ltd", "1000 Corp",
        "Maxy Co",
    ]

    @Test("each filter lists exactly the matching applications", arguments: cases)
    func filter(_ row: Case) throws {
        let database = try Fixture.database()
        try Self.seed(database)
        let page = try database.applications(matching: row.filter, after: nil, limit: 50)
        #expect(page.items.map { $0.employer ?? "" } == row.employers)
        #expect(page.nextCursor == nil)
    }

    /// Texts a search once read as wildcards: a `%` or `_` followed by a combining mark (one grapheme, which the
    /// escaping passed over), and a NUL (where LIKE stops reading).
    @Test(
        "every character of a search text matches only itself",
        arguments: [
            ("% and a combining mark", "%\u{301}", ["100%\u{301} Accent"]),
            ("_ and a combining mark", "_\u{301}", ["Under_\u{301}score"]),
            ("a combining mark alone", "\u{301}", ["Cafe\u{301}", "100%\u{301} Accent", "Under_\u{301}score"]),
            ("a NUL", "\u{0}", ["Nul\u{0}Inside"]),
            ("text after a stored NUL", "inside", ["Nul\u{0}Inside"]),
            ("a NUL and the text after it", "\u{0}ins", ["Nul\u{0}Inside"]),
            ("composed é does not match e and a combining mark", "Caf\u{E9}", []),
            ("ASCII letters ignore case", "cAfE", ["Cafe\u{301}"]),
            (
                "an empty text matches all", "",
                ["Cafe\u{301}", "100%\u{301} Accent", "Under_\u{301}score", "Nul\u{0}Inside"]
            ),
        ])
    func literal(_ name: String, _ text: String, _ employers: [String]) throws {
        let database = try Fixture.database()
        for employer in ["Cafe\u{301}", "100%\u{301} Accent", "Under_\u{301}score", "Nul\u{0}Inside"] {
            try Fixture.application(
                database, employer: employer, position: "Analyst", route: "unsolicited", recruiterId: nil,
                status: "active")
        }
        let page = try database.applications(matching: ApplicationFilter(text: text), after: nil, limit: 50)
        #expect(
            page.items.map { Array(($0.employer ?? "").unicodeScalars) } == employers.map { Array($0.unicodeScalars) },
            "\(name)")
    }

    @Test("a filtered list pages with the filter kept")
    func filteredPaging() throws {
        let database = try Fixture.database()
        try Self.seed(database)
        let filter = ApplicationFilter(status: "active")
        var pages: [[Int64]] = []
        var cursor: IDCursor?
        repeat {
            let page = try database.applications(matching: filter, after: cursor, limit: 2)
            pages.append(page.items.map(\.id))
            cursor = page.nextCursor
        } while cursor != nil && pages.count < 20
        #expect(pages == [[1, 3], [4, 5], [6, 7], [8, 9], [10]])
    }

    static func seed(_ database: Database) throws {
        let recruiter = try Fixture.contact(database, "Rita")
        let rows: [(String, String, String, Int64?, String)] = [
            ("Acme", "Platform Engineer", "posted_opening", nil, "active"),
            ("Beta Labs", "Designer", "unsolicited", nil, "passed"),
            ("Gamma", "Data ENGINEER", "recruiter_submitted", recruiter.id, "active"),
            ("100% Fun", "Clown", "recruiter_submitted", recruiter.id, "active"),
            ("a_b Corp", "Analyst", "unsolicited", nil, "active"),
            ("Slash x\\y", "Writer", "unsolicited", nil, "active"),
            ("O'Brien", "Manager", "unsolicited", nil, "active"),
            // These three would match the %, _ and backslash searches if the wildcards were not escaped.
            ("axb Ltd", "Analyst", "unsolicited", nil, "active"),
            ("1000 Corp", "Analyst", "unsolicited", nil, "active"),
            ("Maxy Co", "Analyst", "unsolicited", nil, "active"),
        ]
        for (employer, position, route, recruiterId, status) in rows {
            try Fixture.application(
                database, employer: employer, position: position, route: route, recruiterId: recruiterId,
                status: status)
        }
    }
}
