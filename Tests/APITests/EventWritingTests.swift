import Guidance
import JSON
import Store
import Testing
import Time

@testable import API

/// An event is written straight into bytes, for every answer that shows one: the written text must parse back to
/// exactly the contract's members, in the contract's order, with every value as stored (the check's warnings
/// after them on a 201), and be compact JSON as the writer writes any value.
struct EventWritingTests {
    /// The event as the contract describes it, member by member.
    static func expected(_ e: EventRecord, warnings: [Finding]?) -> JSON {
        var object: JSONObject = [
            "id": JSON(e.id), "application_id": JSON(e.applicationId), "kind": JSON(e.kind),
            "occurred_at": JSON(Instant(millis: e.occurredAt).rfc3339), "contact_id": JSON(e.contactId),
            "channel": JSON(e.channel), "note": JSON(e.note),
            "interviewer_ids": .array(e.interviewerIds.map { JSON($0) }),
            "follow_up_after": JSON(e.followUpAfter), "follow_up_contact_id": JSON(e.followUpContactId),
            "follow_up_channel": JSON(e.followUpChannel), "decision_expected_by": JSON(e.decisionExpectedBy),
            "other_application_id": JSON(e.otherApplicationId), "forced": JSON(e.forced),
            "violations": .array(
                e.violations.map {
                    ["rule": JSON($0.rule), "severity": JSON($0.severity), "message": JSON($0.message)]
                }),
            "created_at": JSON(Instant(millis: e.createdAt).rfc3339),
        ]
        if let warnings {
            object["warnings"] = .array(
                warnings.map {
                    [
                        "rule": JSON($0.rule.rawValue), "severity": JSON($0.severity.rawValue),
                        "message": JSON($0.message),
                    ]
                })
        }
        return .object(object)
    }

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
    func writtenEventIsTheContractsDocument(_ name: String, event: EventRecord, warnings: [Finding]?) throws {
        var written: [UInt8] = []
        EventRoutes.write(event, warnings: warnings, into: &written)
        let parsed = try JSONParser.parse(written)
        let expected = Self.expected(event, warnings: warnings)
        #expect(parsed == expected, "\(name)")
        #expect(parsed.objectValue?.keys == expected.objectValue?.keys, "\(name): the members' order")
        var compact: [UInt8] = []
        parsed.write(into: &compact)
        #expect(written == compact, "\(name): written as the writer writes any value")
    }
}
