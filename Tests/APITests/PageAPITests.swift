import Foundation
import HTTP
import Testing

@testable import API

/// The web page at `/` and its files under `/app/`: what the build embeds, the headers that keep the page to its
/// own origin, revalidation by tag, and that the page needs no token while the API it calls still does.
@Suite struct PageAPITests {
    static let folder = OpenAPITests.root.appendingPathComponent("Sources/API/Resources/app")
    static let policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// Every path the page is served at, with the type it must say: the page, then each file.
    static let served: [(path: String, type: String)] = [
        ("/", "text/html; charset=utf-8"), ("/app/style.css", "text/css; charset=utf-8"),
        ("/app/icon.svg", "image/svg+xml"), ("/app/main.js", "text/javascript; charset=utf-8"),
        ("/app/eventform.js", "text/javascript; charset=utf-8"),
    ]

    static func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func everyFileOfTheFolderIsServedAsItIs() throws {
        let names = try Self.files()
        #expect(names.contains("index.html"))
        #expect(Set(PageRoutes.assets.keys) == Set(names.filter { $0 != "index.html" }), "the table and the folder")
        let api = try InProcessAPI()
        for name in names {
            let path = name == "index.html" ? "/" : "/app/\(name)"
            let response = try api.call("GET", path)
            #expect(response.status == 200, "\(path)")
            #expect(response.body == Array(try Data(contentsOf: Self.folder.appendingPathComponent(name))), "\(path)")
            if name.hasSuffix(".js") { #expect(response.header("Content-Type") == "text/javascript; charset=utf-8") }
        }
    }

    @Test(arguments: served)
    func thePageAndItsFilesCarryTheSecurityHeaders(row: (path: String, type: String)) throws {
        let api = try InProcessAPI()
        let response = try api.call("GET", row.path)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == row.type)
        #expect(response.header("Content-Security-Policy") == Self.policy)
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Referrer-Policy") == "no-referrer")
        #expect(response.header("Cache-Control") == "no-cache")
        #expect(response.header("ETag") == ETag.body(response.body))
    }

    @Test(arguments: served)
    func aCopyStillCurrentIsNotSentAgain(row: (path: String, type: String)) throws {
        let api = try InProcessAPI()
        let first = try api.call("GET", row.path)
        let etag = try #require(first.header("ETag"))
        for held in [etag, "W/\(etag)", "\"other\", \(etag)", "*"] {
            let again = try api.call("GET", row.path, headers: [("If-None-Match", held)])
            #expect(again.status == 304, "If-None-Match: \(held)")
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == etag)
            #expect(again.header("Cache-Control") == "no-cache")
            #expect(again.header("Content-Security-Policy") == Self.policy)
        }
        let changed = try api.call("GET", row.path, headers: [("If-None-Match", "\"0000000000000000\"")])
        #expect(changed.status == 200 && changed.body == first.body)
    }

    @Test(arguments: served)
    func headSaysWhatGetWouldWithoutTheBody(row: (path: String, type: String)) throws {
        let api = try InProcessAPI()
        let get = try api.call("GET", row.path)
        let head = try api.call("HEAD", row.path)
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        for name in ["Content-Type", "ETag", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"] {
            #expect(head.header(name) == get.header(name), "\(name)")
        }
    }

    @Test(arguments: ["/app/nothing.js", "/app/index.html", "/app/main.js.map", "/app/MAIN.JS", "/app/", "/app"])
    func aFileThePageDoesNotHaveIsNotFound(path: String) throws {
        let api = try InProcessAPI()
        let response = try api.call("GET", path)
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "application/problem+json")
    }

    @Test func thePageTakesGetAndHeadOnly() throws {
        let api = try InProcessAPI()
        for (method, path) in [("POST", "/"), ("PUT", "/"), ("DELETE", "/app/main.js"), ("POST", "/app/main.js")] {
            let response = try api.call(method, path, "{}")
            #expect(response.status == 405, "\(method) \(path)")
            #expect(response.header("Allow") == "GET, HEAD, OPTIONS", "\(method) \(path)")
        }
    }

    @Test func theFilesAreMadeOnceNotPerRequest() throws {
        let api = try InProcessAPI()
        let first = try api.call("GET", "/app/main.js")
        let second = try api.call("GET", "/app/main.js")
        #expect(
            first.body.withUnsafeBufferPointer { $0.baseAddress }
                == second.body.withUnsafeBufferPointer { $0.baseAddress })
    }

    @Test func withATokenThePageNeedsNoneAndTheAPIItCallsStillDoes() throws {
        let api = try APIServer(arguments: ["--token", "s3cret-token"])
        for (path, _) in Self.served {
            #expect(try api.call("GET", path).status == 200, "\(path) without a token")
            #expect(try api.call("HEAD", path).status == 200, "HEAD \(path) without a token")
            let wrong = try api.call("GET", path, headers: [("Authorization", "Bearer wrong")])
            #expect(wrong.status == 200, "\(path) with a wrong token")
        }
        #expect(try api.call("GET", "/app/nothing.js").status == 404)
        for path in ["/v1/settings", "/v1/agenda", "/v1/time-zones", "/v1/contacts", "/openapi.yaml"] {
            #expect(try api.call("GET", path).status == 401, "\(path) without a token")
            let right = try api.call("GET", path, headers: [("Authorization", "Bearer s3cret-token")])
            #expect(right.status == 200, "\(path) with the token")
        }
    }

    @Test func withoutATokenThePageKeepsToTheNamesTheServerIsKnownBy() throws {
        // A page whose name an attacker points at 127.0.0.1 gets this page no more than it gets the data.
        let api = try APIServer()
        #expect(try api.call("GET", "/", headers: [("Host", "evil.example")]).status == 421)
        #expect(try api.call("GET", "/", headers: [("Host", "localhost:8080")]).status == 200)
    }

    @Test func thePageNamesOnlyFilesItHasAndHoldsNoInlineScriptOrStyle() throws {
        let names = Set(try Self.files())
        let page = String(decoding: PackageResources.index_html, as: UTF8.self)
        let referenced = page.matches(of: /"\/app\/([a-z0-9.-]+)"/).map { String($0.output.1) }
        #expect(!referenced.isEmpty)
        for name in referenced { #expect(names.contains(name), "index.html names /app/\(name)") }
        #expect(page.matches(of: /<script(?![^>]*\bsrc=)[^>]*>/).isEmpty, "an inline script")
        #expect(!page.contains("<style") && !page.contains(" style="), "inline style")
        for name in names where name.hasSuffix(".js") {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            for module in text.matches(of: /from '\.\/([a-z]+\.js)'/).map({ String($0.output.1) }) {
                #expect(names.contains(module), "\(name) imports \(module)")
            }
            // Markup is built from elements and text, never parsed from strings the data could fill.
            #expect(!text.contains("innerHTML") && !text.contains("insertAdjacentHTML"), "\(name) writes HTML")
            #expect(!text.contains("eval(") && !text.contains("new Function"), "\(name) evaluates code")
        }
    }

    @Test func theWholePageStaysUnder150KB() throws {
        let total = PageRoutes.page.full.body.count + PageRoutes.assets.values.map(\.full.body.count).reduce(0, +)
        #expect(total < 150 * 1024, "\(total) bytes")
    }
}
