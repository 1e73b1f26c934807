import Foundation
import Guidance
import Testing

@testable import API

/// openapi.yaml's schemas are shaped so that client generators make typed models of them, and still say
/// what the server takes: one schema per event kind behind a `kind` discriminator, each with the members the
/// server reads, kind-only members empty on every other kind, and the recruiter routes' condition beside the
/// application's members. scripts/client-test.sh generates a client from the document and uses it.
@Suite struct OpenAPISchemaTests {
    static let yaml: String = {
        let url = OpenAPITests.root.appendingPathComponent("openapi.yaml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
    static let schemas = componentSchemas(yaml)

    /// Each schema under `components: schemas:`, by name, as the lines of its block (indented past 4).
    static func componentSchemas(_ yaml: String) -> [String: [Substring]] {
        var blocks: [String: [Substring]] = [:]
        var inSchemas = false
        var name: String?
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            if line == "  schemas:" {
                inSchemas = true
                continue
            }
            guard inSchemas, !line.isEmpty else { continue }
            if indent <= 2 { break }
            if indent == 4, line.hasSuffix(":") {
                name = String(line.dropFirst(4).dropLast())
                blocks[name ?? ""] = []
            } else if let name {
                blocks[name, default: []].append(line)
            }
        }
        return blocks
    }

    /// The keys of a schema's own keywords (the block's lines indented 6).
    static func keywords(_ block: [Substring]) -> [String] {
        block.filter { $0.prefix { $0 == " " }.count == 6 }.compactMap { line in
            line.dropFirst(6).split(separator: ":", maxSplits: 1).first.map(String.init)
        }
    }

    /// The lines indented `depth` under the keyword `key` (a line indented 6), without that indentation.
    static func lines(under key: String, depth: Int, in block: [Substring]) -> [String] {
        guard let start = block.firstIndex(of: Substring("      \(key):")) else { return [] }
        var found: [String] = []
        for line in block[(start + 1)...] {
            let indent = line.prefix { $0 == " " }.count
            if indent <= 6 { break }
            if indent == depth { found.append(String(line.dropFirst(depth))) }
        }
        return found
    }

    /// What a schema's own keyword `key` says, when it says it on its line.
    static func keyword(_ key: String, in block: [Substring]) -> String? {
        block.first { $0.hasPrefix("      \(key): ") }.map { String($0.dropFirst(8 + key.count)) }
    }

    /// A schema's members and what each says, from `properties:` written one member to a line.
    static func members(_ block: [Substring]) -> [String: String] {
        var members: [String: String] = [:]
        for line in lines(under: "properties", depth: 8, in: block) {
            let parts = line.split(separator: ":", maxSplits: 1)
            members[String(parts[0])] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        return members
    }

    /// `resume_sent` → `ResumeSent`.
    static func schemaName(_ kind: EventKind) -> String {
        kind.rawValue.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func reference(_ name: String) -> String { "'#/components/schemas/\(name)'" }

    static let unions = ["Event", "EventCreate", "EventCreated"]

    @Test func theDocumentHasItsSchemas() {
        #expect(Self.schemas.count > 100)
        #expect(Self.schemas["Contact"] != nil && Self.schemas["Application"] != nil)
    }

    /// Generators merge an `allOf` into one model and lose the members written beside it.
    @Test func noSchemaPutsItsMembersBesideAnAllOf() {
        for (name, block) in Self.schemas {
            let keys = Self.keywords(block)
            #expect(!(keys.contains("properties") && keys.contains("allOf")), "\(name) has members beside an allOf")
        }
    }

    @Test(arguments: unions) func everyEventKindHasItsSchemaBehindTheDiscriminator(union: String) throws {
        let block = try #require(Self.schemas[union])
        let variants = EventKind.allCases.map { Self.schemaName($0) + union }
        #expect(Self.lines(under: "oneOf", depth: 8, in: block) == variants.map { "- $ref: \(Self.reference($0))" })
        #expect(Self.lines(under: "discriminator", depth: 8, in: block).first == "propertyName: kind")
        let mapping = zip(EventKind.allCases, variants).map { "\($0.rawValue): \(Self.reference($1))" }
        #expect(Self.lines(under: "discriminator", depth: 10, in: block) == mapping)
        for (kind, name) in zip(EventKind.allCases, variants) {
            let variant = try #require(Self.schemas[name], "\(name) is missing")
            let kindMember = Self.members(variant)["kind"] ?? ""
            #expect(kindMember.hasPrefix("{type: string, const: \(kind.rawValue)"), "\(name).kind is \(kindMember)")
            #expect(Self.keyword("additionalProperties", in: variant) == "false", "\(name) takes any member")
        }
    }

    /// A member that belongs to one kind is null, or an empty list, on every other kind; the owner's says more.
    @Test(arguments: unions) func kindOnlyMembersAreEmptyOnEveryOtherKind(union: String) throws {
        let empty: Set<String> = [
            "{type: 'null'}", "{$ref: \(Self.reference("NoInterviewerIds"))}",
            "{$ref: \(Self.reference("NullableNoInterviewerIds"))}",
        ]
        for kind in EventKind.allCases {
            let name = Self.schemaName(kind) + union
            let members = Self.members(try #require(Self.schemas[name]))
            for (member, owner) in EventInput.kindOnlyOwners {
                let schema = try #require(members[member], "\(name) lacks \(member)")
                #expect(empty.contains(schema) == (kind != owner), "\(name).\(member) is \(schema)")
            }
        }
    }

    @Test func anEventToCreateTakesExactlyTheMembersTheServerReads() throws {
        for kind in EventKind.allCases {
            let name = Self.schemaName(kind) + "EventCreate"
            let members = Self.members(try #require(Self.schemas[name]))
            #expect(Set(members.keys) == EventInput.writable, "\(name)")
            #expect(Self.keyword("required", in: try #require(Self.schemas[name])) == "[kind, occurred_at]", "\(name)")
        }
    }

    /// The condition is written beside the members (generators pass over `if`), and names every recruiter route.
    @Test(arguments: ["Application", "StoredApplication", "ApplicationCreate"])
    func aRecruiterRouteNamesItsRecruiter(schema: String) throws {
        let block = try #require(Self.schemas[schema])
        let routes = Route.allCases.filter(\.requiresRecruiter).map(\.rawValue).joined(separator: ", ")
        #expect(Self.keywords(block).contains("if") && Self.keywords(block).contains("then"))
        #expect(Self.lines(under: "if", depth: 12, in: block) == ["enum: [\(routes)]"])
        #expect(Self.lines(under: "then", depth: 8, in: block).first == "required: [recruiter_id]")
        #expect(Self.lines(under: "then", depth: 12, in: block) == ["$ref: \(Self.reference("Id"))"])
    }
}
