import Foundation
import HTTP
import Testing

@testable import API

/// openapi.yaml and the server agree: every routed operation is described, every described one routed,
/// and the served document is the file at the root of the project.
@Suite struct OpenAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// (METHOD, /path/{param}) pairs under `paths:`, read from the document's indentation.
    static func documentedOperations(_ yaml: String) -> Set<String> {
        var operations = Set<String>()
        var inPaths = false
        var path: String?
        let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" {
                inPaths = true
                continue
            }
            guard inPaths else { continue }
            if !line.isEmpty && !line.hasPrefix(" ") && !line.hasPrefix("#") { break }
            if line.hasPrefix("  /") && line.hasSuffix(":") && !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast()).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let name = String(line.dropFirst(4).dropLast())
                if methods.contains(name) { operations.insert("\(name.uppercased()) \(path)") }
            }
        }
        return operations
    }

    static func routedOperations(_ router: Router) -> Set<String> {
        Set(
            router.routes.map { route in
                let path = route.pattern.split(separator: "/", omittingEmptySubsequences: false).map { part in
                    part.hasPrefix(":") ? "{\(part.dropFirst())}" : String(part)
                }.joined(separator: "/")
                return "\(route.method) \(path)"
            })
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedPathRouted() throws {
        let api = try InProcessAPI()
        let yaml = try String(contentsOf: Self.root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        let documented = Self.documentedOperations(yaml)
        #expect(documented.count > 15)
        let router = APIRoutes.make(api.context)
        let routed = Self.routedOperations(router)
        #expect(routed.subtracting(documented).isEmpty, "routed but not documented: \(routed.subtracting(documented))")
        #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed))")
    }

    @Test func theServedDocumentIsTheFileAtTheRoot() throws {
        let yaml = try String(contentsOf: Self.root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        #expect(PackageResources.openapi_yaml == Array(yaml.utf8), "the build embeds openapi.yaml as it is")
        let api = try InProcessAPI()
        let response = try api.call("GET", "/openapi.yaml")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == "application/yaml")
        #expect(response.bodyText == yaml)
    }

    @Test func theDocumentIsMadeOnceNotPerRequest() throws {
        // 81 KB copied and hashed for every GET was work a client could make the server repeat at will.
        let api = try InProcessAPI()
        let router = APIRoutes.make(api.context)
        guard case .found(let route, _) = router.match(method: "GET", path: "/openapi.yaml"),
            case .immediate(let handler) = route.handler
        else {
            Issue.record("GET /openapi.yaml is not routed to an immediate handler")
            return
        }
        let head = RequestHead(
            method: "GET", target: "/openapi.yaml", path: "/openapi.yaml", query: nil, version: .http1_1,
            headers: HTTPHeaders())
        let first = try handler(Request(head: head))
        let second = try handler(Request(head: head))
        #expect(
            first.body.withUnsafeBufferPointer { $0.baseAddress }
                == second.body.withUnsafeBufferPointer { $0.baseAddress })
        #expect(first.headers["ETag"] == second.headers["ETag"])
    }
}
