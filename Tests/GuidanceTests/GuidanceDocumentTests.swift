import Foundation
import Testing

@testable import Guidance

/// docs/GUIDANCE.md against the code: its tables name every rule with its severity and parameters, every
/// parameter with its default and range, every route, event kind, status and channel with what the code says of
/// it, and every agenda action with its rule, channel and deadline, so that changing any of them in the code
/// without the document fails here.
struct GuidanceDocumentTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs").appendingPathComponent("GUIDANCE.md")

    /// One row of a table: its cells as written, spaces around them trimmed.
    struct Row {
        let cells: [String]

        /// The name in the first cell, without its backticks.
        var name: String { Row.plain(cells[0]) }

        /// A cell without backticks.
        func plain(_ column: Int) -> String { Row.plain(cells[column]) }

        /// The names a cell gives in backticks, in order.
        func names(_ column: Int) -> [String] {
            cells[column].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
        }

        static func plain(_ cell: String) -> String {
            cell.replacingOccurrences(of: "`", with: "")
        }
    }

    static func document() throws -> String {
        try String(contentsOf: path, encoding: .utf8)
    }

    /// The rows of the first table after a heading line, without its header and separator.
    static func table(under heading: String) throws -> [Row] {
        let lines = try document().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else {
            Issue.record("docs/GUIDANCE.md has no heading \"\(heading)\"")
            return []
        }
        let rest = lines[(start + 1)...].drop { !$0.hasPrefix("|") }
        let table = rest.prefix { $0.hasPrefix("|") }.dropFirst(2)
        return table.map { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
            return Row(cells: cells.map { $0.trimmingCharacters(in: .whitespaces) })
        }
    }

    /// The rows of a table by the name in their first cell; a name given twice is an issue.
    static func rows(under heading: String) throws -> [String: Row] {
        let rows = try table(under: heading)
        let byName = Dictionary(rows.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byName.count == rows.count, "a name appears twice in the table under \(heading)")
        return byName
    }

    static func yesNo(_ value: Bool) -> String {
        value ? "yes" : "no"
    }

    @Test func rulesTableListsEveryRuleInCatalogOrder() throws {
        let rows = try Self.table(under: "## Rules")
        #expect(rows.map(\.name) == RuleID.allCases.map(\.rawValue))
        #expect(RuleCatalog.rules.map(\.id) == RuleID.allCases)
    }

    @Test(arguments: RuleID.allCases)
    func ruleRowGivesSeverityAndParameters(_ rule: RuleID) throws {
        let row = try #require(try Self.rows(under: "## Rules")[rule.rawValue])
        #expect(row.plain(1) == rule.severity.rawValue)
        #expect(row.names(2) == rule.parameters.map(\.rawValue))
        if rule.parameters.isEmpty {
            #expect(row.plain(2) == "—")
        }
    }

    @Test func everyRuleHasASection() throws {
        let headings = try Self.document().split(separator: "\n").filter { $0.hasPrefix("### ") }
        for rule in RuleID.allCases {
            #expect(headings.contains { $0.contains("`\(rule.rawValue)`") }, "no section for \(rule.rawValue)")
        }
    }

    @Test func settingsTableListsZoneWeekendsAndEveryParameter() throws {
        let rows = try Self.table(under: "## Settings")
        #expect(rows.map(\.name) == ["time_zone", "skip_weekends"] + GuidanceParameter.allCases.map(\.rawValue))
        let defaults = GuidanceSettings()
        #expect(rows.first?.plain(1) == defaults.timeZone)
        #expect(rows.dropFirst().first?.plain(1) == String(defaults.skipWeekends))
    }

    @Test(arguments: GuidanceParameter.allCases)
    func parameterRowGivesDefaultRangeAndRules(_ parameter: GuidanceParameter) throws {
        let row = try #require(try Self.rows(under: "## Settings")[parameter.rawValue])
        #expect(row.plain(1) == String(GuidanceSettings()[parameter]))
        let range = parameter.allowedRange
        #expect(row.plain(2) == "\(range.lowerBound) to \(range.upperBound)")
        let readers = RuleID.allCases.filter { $0.parameters.contains(parameter) }.map(\.rawValue)
        #expect(row.names(4) == readers)
    }

    @Test func routesTable() throws {
        let rows = try Self.rows(under: "### Routes")
        #expect(Set(rows.keys) == Set(Route.allCases.map(\.rawValue)))
        for route in Route.allCases {
            let row = try #require(rows[route.rawValue])
            #expect(row.plain(1) == Self.yesNo(route.isRecruiterRoute), "\(route)")
            #expect(row.plain(2) == GuidanceSettings.waitParameter(for: route).rawValue, "\(route)")
        }
    }

    @Test func eventKindsTable() throws {
        let rows = try Self.table(under: "### Event kinds")
        #expect(rows.map(\.name) == EventKind.allCases.map(\.rawValue))
        for (kind, row) in zip(EventKind.allCases, rows) {
            #expect(row.plain(1) == kind.direction.rawValue, "\(kind)")
            #expect(row.plain(2) == Self.yesNo(kind.isAnswer), "\(kind)")
            #expect(row.plain(3) == (kind.statusEffect?.rawValue ?? "—"), "\(kind)")
        }
    }

    @Test func statusesTable() throws {
        let rows = try Self.table(under: "### Statuses")
        #expect(rows.map(\.name) == ApplicationStatus.allCases.map(\.rawValue))
        for (status, row) in zip(ApplicationStatus.allCases, rows) {
            #expect(row.plain(2) == Self.yesNo(status.holdsOffer), "\(status)")
            #expect(row.plain(3) == Self.yesNo(status.isDecided), "\(status)")
        }
    }

    @Test func channelsTable() throws {
        let rows = try Self.rows(under: "### Channels")
        #expect(Set(rows.keys) == Channel.standard.union(Channel.interview))
        for (channel, row) in rows {
            #expect(row.plain(1) == Self.yesNo(Channel.isAllowed(channel, for: .followUp)), "\(channel)")
            #expect(row.plain(2) == Self.yesNo(Channel.isAllowed(channel, for: .interview)), "\(channel)")
        }
    }

    @Test func agendaTableListsEveryActionAndEveryAgendaRule() throws {
        let rows = try Self.table(under: "## Agenda items")
        #expect(rows.map(\.name) == AgendaAction.allCases.map(\.rawValue))
        let named = rows.flatMap { $0.names(1) }
        #expect(named.allSatisfy { RuleID(rawValue: $0) != nil }, "\(named)")
        let agendaRules = RuleID.allCases.filter { $0.severity == .agenda }.map(\.rawValue)
        #expect(agendaRules.allSatisfy(named.contains))
        let headings = try Self.document().split(separator: "\n").filter { $0.hasPrefix("### ") }
        for action in AgendaAction.allCases {
            #expect(headings.contains("### `\(action.rawValue)`"), "no section for \(action.rawValue)")
        }
    }

    /// A `recruiter_general` application with an interview lists one item of every action; each must carry a
    /// rule its row names, the channel its row gives when the row gives one, and the deadline its row gives.
    @Test func agendaItemsMatchTheirRows() throws {
        let interviewAt = Fixture.utc(2026, 11, 20, 14)
        let facts = Fixture.application(
            .recruiterGeneral,
            [
                EventFact(id: 1, kind: .resumeSent, occurredAt: Fixture.utc(2026, 11, 2, 9), contactId: 1),
                EventFact(id: 2, kind: .interview, occurredAt: interviewAt, interviewerIds: [3]),
            ])
        let items = Fixture.engine.agenda(for: [facts], asOf: Fixture.utc(2026, 11, 20, 15), horizonDays: 365)
        #expect(Set(items.map(\.action)) == Set(AgendaAction.allCases))
        let rows = try Self.rows(under: "## Agenda items")
        for item in items {
            let row = try #require(rows[item.action.rawValue])
            #expect(row.names(1).contains(item.rule.rawValue), "\(item.action)")
            let channel = row.names(3)
            if row.cells[3] == "null" {
                #expect(item.channel == nil, "\(item.action)")
            } else if channel.count == 1 && row.cells[3] == "`\(channel[0])`" {
                #expect(item.channel == channel[0], "\(item.action)")
            }
            let hours = row.names(5).compactMap(GuidanceParameter.init(rawValue:))
            if row.cells[5] == "null" {
                #expect(item.dueBy == nil, "\(item.action)")
            } else {
                let parameter = try #require(hours.first, "\(item.action): no parameter in the due_by cell")
                let after = Int64(GuidanceSettings()[parameter]) * 3600
                #expect(item.dueBy == item.dueFrom.adding(seconds: after), "\(item.action)")
            }
        }
    }
}
