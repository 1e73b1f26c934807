import Guidance
import JSON
import Store
import Testing

@testable import API

/// A created event's 201 body is written straight into bytes; it must be byte for byte what the object tree of
/// `EventRoutes.json` gives (with the check's warnings after it), which GET and the lists still use.
struct EventWritingTests {
    static let bare = EventRecord(
        id: 1, applicationId: 2, EventFields(kind: "note", occurredAt: 1_764_000_000_000), createdAt: 1_764_000_000_123)

    static let full = EventRecord(
        id: Int64.max, applicationId: 9,
        EventFields(
            kind: "interview", occurredAt: -1, contactId: 3, channel: "email",
            note: "quote \" backslash \\ newline \n tab \t line separator \u{2028} é 😀", interviewerIds: [4, 5, 6],
            followUpAfter: "2026-12-01", followUpContactId: 7, followUpChannel: "phone",
            decisionExpectedBy: "2026-12-15", otherApplicationId: 8, forced: true,
            violations: [
                StoredViolation(rule: "follow-up-gap", severity: "block", message: "too soon"),
                StoredViolation(rule: "follow-up-limit", severity: "block", message: "\u{1}control"),
            ]),
        createdAt: 0)

    @Test(
        arguments: [
            ("every optional member empty", bare, nil),
            ("every member set, strings that need escaping, a time before 1970", full, nil),
            ("with no warnings", bare, []),
            (
                "with warnings", full,
                [
                    Finding(rule: .followUpGap, message: "a \"gap\""),
                    Finding(rule: .waitBeforeFollowUp, message: "wait"),
                ]
            ),
        ] as [(String, EventRecord, [Finding]?)])
    func writtenBodyIsTheTreeBody(_ name: String, event: EventRecord, warnings: [Finding]?) {
        var tree = EventRoutes.json(event)
        if let warnings {
            tree["warnings"] = GuidanceJSON.findings(warnings)
        }
        var expected: [UInt8] = []
        JSON.object(tree).write(into: &expected)
        var written: [UInt8] = []
        EventRoutes.write(event, warnings: warnings, into: &written)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(name)")
    }
}
