import Foundation
import Testing

@testable import Guidance

/// `real-offers-only`, `disclose-via-route`, `no-pressure-tactics` and `referral-before-decision`.
struct OfferRulesTests {
    static let others: [Int: ApplicationStatus] = [20: .offer, 21: .accepted, 22: .active, 23: .passed]
    static let now = Fixture.utc(2026, 12, 1, 10)

    struct RealRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let other: Int?
        let refused: Bool
    }

    @Test(arguments: [
        RealRow(testDescription: "another application with an offer", other: 20, refused: false),
        RealRow(testDescription: "an accepted offer", other: 21, refused: false),
        RealRow(testDescription: "an active application holds no offer", other: 22, refused: true),
        RealRow(testDescription: "a passed application holds no offer", other: 23, refused: true),
        RealRow(testDescription: "an application not among the facts", other: 99, refused: true),
        RealRow(testDescription: "no application named", other: nil, refused: true),
        RealRow(testDescription: "the application itself", other: 10, refused: true),
    ])
    func realOffersOnly(_ row: RealRow) {
        let facts = Fixture.application(.postedOpening, others: Self.others)
        let proposal = Proposal(
            kind: .offerDisclosure, occurredAt: Self.now, contactId: 2, otherApplicationId: row.other)
        let result = Fixture.engine.check(proposal, in: facts)
        #expect(result.violations.map(\.rule) == (row.refused ? [.realOffersOnly] : []))
        if row.refused {
            #expect(result.suggestion == nil, "no recipient or time makes an offer exist")
        }
    }

    struct RouteRow: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let route: Route
        var direct = false
        let contact: Int?
        let rules: [RuleID]
    }

    @Test(arguments: [
        RouteRow(
            testDescription: "posted opening: straight to the employer", route: .postedOpening, contact: 2, rules: []),
        RouteRow(testDescription: "unsolicited: straight to the employer", route: .unsolicited, contact: 2, rules: []),
        RouteRow(
            testDescription: "recruiter submitted: via the recruiter", route: .recruiterSubmitted, contact: 1, rules: []
        ),
        RouteRow(
            testDescription: "recruiter submitted: contact unstated", route: .recruiterSubmitted, contact: nil,
            rules: []),
        RouteRow(
            testDescription: "recruiter submitted: to the employer", route: .recruiterSubmitted, contact: 2,
            rules: [.throughTheRecruiter, .discloseViaRoute]),
        RouteRow(
            testDescription: "recruiter submitted with direct contact: still via the recruiter",
            route: .recruiterSubmitted, direct: true, contact: 2, rules: [.discloseViaRoute]),
        RouteRow(
            testDescription: "recruiter general: to the employer", route: .recruiterGeneral, contact: 2,
            rules: [.discloseViaRoute]),
    ])
    func discloseViaRoute(_ row: RouteRow) {
        let facts = Fixture.application(row.route, direct: row.direct, others: Self.others)
        let proposal = Proposal(
            kind: .offerDisclosure, occurredAt: Self.now, contactId: row.contact, otherApplicationId: 20)
        let result = Fixture.engine.check(proposal, in: facts)
        #expect(result.violations.map(\.rule) == row.rules)
        if !row.rules.isEmpty {
            #expect(result.suggestion?.contactId == 1)
        }
    }

    /// The warning names the day of the latest earlier disclosure.
    @Test(arguments: [(0, nil), (1, "Fri 20 Nov 2026"), (2, "Sat 21 Nov 2026")])
    func noPressureTactics(earlier: Int, latest: String?) {
        let events = (0..<earlier).map {
            EventFact(
                id: $0 + 1, kind: .offerDisclosure, occurredAt: Fixture.utc(2026, 11, 20 + $0), contactId: 2,
                otherApplicationId: 20)
        }
        let facts = Fixture.application(.postedOpening, others: Self.others, events)
        let result = Fixture.engine.check(
            Proposal(kind: .offerDisclosure, occurredAt: Self.now, contactId: 2, otherApplicationId: 20), in: facts)
        #expect(result.allowed, "a warning does not refuse")
        #expect(result.warnings.map(\.rule) == (latest == nil ? [] : [.noPressureTactics]))
        if let latest {
            #expect(result.warnings.first?.severity == .warn)
            #expect(result.warnings.first?.message.contains(latest) == true)
        }
    }

    @Test(arguments: [
        (ApplicationStatus.active, [RuleID]()), (.onFile, []), (.offer, [.referralBeforeDecision]),
        (.accepted, [.referralBeforeDecision]), (.withdrawn, [.referralBeforeDecision]),
        (.passed, [.noPersuasionAfterPass]),
    ])
    func referralBeforeDecision(status: ApplicationStatus, rules: [RuleID]) {
        let facts = Fixture.application(.postedOpening, status: status)
        let result = Fixture.engine.check(
            Proposal(kind: .referralEndorsement, occurredAt: Self.now, contactId: 5), in: facts)
        #expect(result.violations.map(\.rule) == rules)
    }
}
