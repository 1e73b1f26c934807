import Guidance
import HTTP
import JSON

/// What a one-tap link could not do, and how it says so: a problem document (RFC 9457) for a client that asks
/// for JSON, a page for a person. Each changes nothing.
struct LinkFailure: Error, Sendable {
    let status: Int
    /// The problem's type.
    let type: String
    let heading: String
    let detail: String
    /// What the guidance found, when it refused the event the link records.
    var violations: [Finding] = []
    var warnings: [Finding] = []

    /// Not signed by this service (or changed since): nothing is there.
    static let forged = LinkFailure(
        status: 404, type: "/problems/link-not-found", heading: "Link not found",
        detail: "This link is not one this service made, or it was changed on the way. Nothing was changed.")
    static let expired = LinkFailure(
        status: 410, type: "/problems/link-expired", heading: "Link expired",
        detail: "One-tap links work for 14 days, and this one has expired. Nothing was changed.")
    static let used = LinkFailure(
        status: 410, type: "/problems/link-used", heading: "Link already used",
        detail: "Each one-tap link works once, and this one was used already. Nothing was changed.")
    static let gone = LinkFailure(
        status: 410, type: "/problems/item-gone", heading: "Already done or changed",
        detail: "This reminder is no longer on the agenda: it was done already, or something recorded since changed "
            + "it. Nothing was changed.")

    /// The guidance refuses the event the link would record; it is not forced, and the link stays usable.
    static func refused(_ result: CheckResult) -> LinkFailure {
        LinkFailure(
            status: 422, type: "/problems/guidance-violation", heading: "Refused by the guidance",
            detail: (result.violations.first?.message ?? "The contact breaks the guidance.")
                + " Nothing was recorded, and the link still works.",
            violations: result.violations, warnings: result.warnings)
    }

    /// The answer: a problem document or a page.
    func response(json: Bool) -> Response {
        guard json else {
            return LinkPage.html(
                status: status, heading: heading, paragraphs: [detail],
                list: violations.map(\.message) + warnings.map(\.message))
        }
        var problem = Problem(status: status, detail: detail, type: type).document
        if status == 422, case .object(var object) = problem {
            object["violations"] = GuidanceJSON.findings(violations)
            object["warnings"] = GuidanceJSON.findings(warnings)
            problem = .object(object)
        }
        return LinkPage.json(problem, status: status, contentType: "application/problem+json")
    }
}
