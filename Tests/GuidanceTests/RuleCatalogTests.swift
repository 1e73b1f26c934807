import Foundation
import Testing

@testable import Guidance

/// `GET /v1/guidance`: all 18 rules of docs/GUIDANCE.md, in its order, with severities and parameters.
struct RuleCatalogTests {
    @Test func listsEveryRuleInOrderWithItsSeverity() {
        let expected: [(String, Severity)] = [
            ("wait-before-follow-up", .block), ("follow-up-gap", .block), ("follow-up-limit", .block),
            ("through-the-recruiter", .block), ("follow-directions", .block), ("no-contact-after-pass", .block),
            ("no-persuasion-after-pass", .block), ("standard-channels", .block), ("real-offers-only", .block),
            ("disclose-via-route", .block), ("no-pressure-tactics", .warn), ("referral-before-decision", .block),
            ("recruiter-touch-base", .warn), ("resume-resend-needs-update", .warn), ("on-file-rest", .warn),
            ("thank-you-promptly", .agenda), ("debrief-recruiter", .agenda), ("record-directions", .agenda),
        ]
        #expect(RuleCatalog.rules.map(\.id.rawValue) == expected.map(\.0))
        #expect(RuleCatalog.rules.map(\.severity) == expected.map(\.1))
        #expect(RuleCatalog.rules.allSatisfy { !$0.summary.isEmpty })
        #expect(Set(RuleCatalog.rules.map(\.summary)).count == 18)
    }

    @Test func parametersCarryTheirDefaultsAndCurrentValues() {
        let defaults = RuleCatalog.entries(settings: GuidanceSettings())
        let byRule = Dictionary(uniqueKeysWithValues: defaults.map { ($0.id, $0.parameters) })
        #expect(
            byRule[.waitBeforeFollowUp]?.map(\.0.rawValue) == [
                "wait_days_posted_opening", "wait_days_unsolicited", "wait_days_recruiter",
            ])
        #expect(byRule[.waitBeforeFollowUp]?.map(\.1) == [7, 14, 7])
        #expect(byRule[.followUpGap]?.map(\.1) == [7])
        #expect(byRule[.followUpLimit]?.map(\.1) == [3])
        #expect(byRule[.recruiterTouchBase]?.map(\.1) == [30])
        #expect(byRule[.thankYouPromptly]?.map(\.1) == [24])
        #expect(byRule[.debriefRecruiter]?.map(\.1) == [24])
        #expect(byRule[.recordDirections]?.map(\.1) == [48])
        #expect(byRule[.throughTheRecruiter]?.isEmpty == true)
        let used = defaults.flatMap { $0.parameters.map(\.0) }
        #expect(
            used.sorted { $0.rawValue < $1.rawValue } == GuidanceParameter.allCases.sorted { $0.rawValue < $1.rawValue }
        )

        var settings = GuidanceSettings()
        settings.followUpGapDays = 10
        let gap = RuleCatalog.entries(settings: settings).first { $0.id == .followUpGap }
        #expect(gap?.parameters.map(\.1) == [10])
    }

    @Test func jsonShape() throws {
        let data = try JSONEncoder().encode(RuleCatalog.entries(settings: GuidanceSettings()))
        let rules = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rules.count == 18)
        let first = try #require(rules.first)
        #expect(first["id"] as? String == "wait-before-follow-up")
        #expect(first["severity"] as? String == "block")
        #expect(first["summary"] is String)
        let parameters = try #require(first["parameters"] as? [String: Int])
        #expect(parameters == ["wait_days_posted_opening": 7, "wait_days_unsolicited": 14, "wait_days_recruiter": 7])
        #expect((rules[3]["parameters"] as? [String: Int])?.isEmpty == true)
        // With sorted keys the same settings give the same bytes (the guidance ETag hashes them).
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let sorted = try encoder.encode(RuleCatalog.entries(settings: GuidanceSettings()))
        #expect(try encoder.encode(RuleCatalog.entries(settings: GuidanceSettings())) == sorted)
    }
}
