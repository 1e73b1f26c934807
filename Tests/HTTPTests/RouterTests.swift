import HTTP
import Testing

/// Route matching as a table: method + path → outcome.
@Suite struct RouterTests {
    static let router: Router = {
        var router = Router()
        router.add("GET", "/v1/applications") { _ in .text("list") }
        router.add("POST", "/v1/applications") { _ in .text("create") }
        router.add("GET", "/v1/applications/:id") { _ in .text("one") }
        router.add("GET", "/v1/applications/:id/events/:event_id") { _ in .text("event") }
        router.add("GET", "/v1/applications.csv") { _ in .text("csv") }
        return router
    }()

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let method: String
        let path: String
        let expected: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "literal route", method: "GET", path: "/v1/applications", expected: "found /v1/applications"),
        Case(
            name: "same path other method", method: "POST", path: "/v1/applications", expected: "found /v1/applications"
        ),
        Case(
            name: "named parameter", method: "GET", path: "/v1/applications/42",
            expected: "found /v1/applications/:id id=42"),
        Case(
            name: "two parameters", method: "GET", path: "/v1/applications/4/events/9",
            expected: "found /v1/applications/:id/events/:event_id event_id=9 id=4"),
        Case(
            name: "percent-decoded parameter", method: "GET", path: "/v1/applications/a%20b",
            expected: "found /v1/applications/:id id=a b"),
        Case(
            name: "literal with a dot is not a parameter", method: "GET", path: "/v1/applications.csv",
            expected: "found /v1/applications.csv"),
        Case(
            name: "HEAD runs the GET route (RFC 9110 §9.3.2)", method: "HEAD", path: "/v1/applications/1",
            expected: "found /v1/applications/:id id=1"),
        Case(
            name: "wrong method is 405 with Allow", method: "DELETE", path: "/v1/applications",
            expected: "405 GET, POST, HEAD, OPTIONS"),
        Case(
            name: "OPTIONS lists Allow", method: "OPTIONS", path: "/v1/applications/1",
            expected: "options GET, HEAD, OPTIONS"),
        Case(name: "unknown path", method: "GET", path: "/v2/applications", expected: "404"),
        Case(name: "empty parameter segment does not match", method: "GET", path: "/v1/applications/", expected: "404"),
        Case(name: "trailing segments do not match", method: "GET", path: "/v1/applications/1/x", expected: "404"),
        Case(name: "bad percent escape does not match", method: "GET", path: "/v1/applications/%zz", expected: "404"),
        Case(
            name: "a path longer than any route", method: "GET", path: String(repeating: "/a", count: 40),
            expected: "404"),
        Case(name: "a path without a leading slash", method: "GET", path: "v1/applications", expected: "404"),
    ])
    func match(_ row: Case) {
        let outcome: String
        switch Self.router.match(method: row.method, path: row.path) {
        case .found(let route, let parameters):
            let params = parameters.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            outcome = "found \(route.pattern)\(params)"
        case .methodNotAllowed(let allow): outcome = "405 " + allow.joined(separator: ", ")
        case .options(let allow): outcome = "options " + allow.joined(separator: ", ")
        case .notFound: outcome = "404"
        }
        #expect(outcome == row.expected)
    }
}
