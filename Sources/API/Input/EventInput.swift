import Guidance
import JSON
import Store

/// A proposed or new event as sent by a client: validated shape, before the guidance looks at it.
struct EventInput: Sendable {
    var kind: EventKind
    var fields: EventFields
    var force: Bool
    /// The event as the guidance sees it: the same fields, parsed once here.
    var proposal: Proposal

    static let writable: Set<String> = [
        "kind", "occurred_at", "contact_id", "channel", "note", "interviewer_ids", "follow_up_after",
        "follow_up_contact_id", "follow_up_channel", "decision_expected_by", "other_application_id", "force",
    ]
    static let readOnly: Set<String> = ["id", "application_id", "forced", "violations", "warnings", "created_at"]

    /// Every kind's name, in the order an error lists them.
    static let kindNames = EventKind.allCases.map(\.rawValue)
    /// Looked up by hash: the synthesized `init(rawValue:)`, like a list, compares the text with every name in turn.
    static let kindsByName = Dictionary(uniqueKeysWithValues: EventKind.allCases.map { ($0.rawValue, $0) })

    /// Fields that belong to one kind of event only, with that kind.
    static let kindOnlyOwners: [String: EventKind] = [
        "interviewer_ids": .interview, "follow_up_after": .directions, "follow_up_contact_id": .directions,
        "follow_up_channel": .directions, "decision_expected_by": .directions,
        "other_application_id": .offerDisclosure,
    ]

    /// Present with a value: not absent, not null, not an empty list.
    static func isSet(_ value: JSON?) -> Bool {
        switch value {
        case nil, .null?: false
        case .array(let items)?: !items.isEmpty
        default: true
        }
    }

    static func parse(_ object: JSONObject) throws(APIError) -> EventInput {
        var reader = FieldReader(object, allowed: writable, readOnly: readOnly)
        let kind = reader.choice("kind", in: kindsByName, names: kindNames, required: true)
        let occurredAt = reader.timestamp("occurred_at", required: true)
        if let kind {
            // The members sent, each looked up once, rather than a lookup in the object per kind-only field.
            for (field, value) in object where Self.isSet(value) {
                if let owner = kindOnlyOwners[field], owner != kind {
                    reader.fail(field, "only belongs on \(owner.rawValue) events")
                }
            }
        }
        let fields = EventFields(
            kind: kind?.rawValue ?? "", occurredAt: occurredAt?.millis ?? 0, contactId: reader.id("contact_id"),
            channel: reader.string("channel", max: 200), note: reader.string("note", max: Limits.note),
            interviewerIds: reader.idList("interviewer_ids", max: Limits.interviewers),
            followUpAfter: reader.localDate("follow_up_after"), followUpContactId: reader.id("follow_up_contact_id"),
            followUpChannel: reader.string("follow_up_channel", max: 200),
            decisionExpectedBy: reader.localDate("decision_expected_by"),
            otherApplicationId: reader.id("other_application_id"))
        let force = reader.bool("force") ?? false
        guard let kind, occurredAt != nil else {
            try reader.finish()
            throw .invalid([FieldError("kind", "is required")])
        }
        // A malformed channel is a bad request; directions asking for a non-standard channel are
        // well-formed but unacceptable (docs/GUIDANCE.md, Channels).
        var malformed: [FieldError] = []
        var unacceptable: [FieldError] = []
        let proposal = Facts.proposal(kind: kind, fields)
        do {
            try proposal.validateInput()
        } catch {
            if error.isMalformed {
                malformed.append(FieldError(error.field, error.message))
            } else {
                unacceptable.append(FieldError(error.field, error.message))
            }
        }
        for error in malformed { reader.fail(error.field, error.message) }
        try reader.finish()
        if !unacceptable.isEmpty { throw .unprocessable(unacceptable) }
        return EventInput(kind: kind, fields: fields, force: force, proposal: proposal)
    }

    /// Every id the event names must exist (422 otherwise).
    func checkReferences(
        applicationId: Int64, _ lookup: (Int64) throws -> Bool, applicationExists: (Int64) throws -> Bool
    )
        throws
    {
        try Self.checkReferences(fields, applicationId: applicationId, lookup, applicationExists: applicationExists)
    }

    /// Every id the fields of an event of application `applicationId` name must exist (422 otherwise).
    static func checkReferences(
        _ fields: EventFields, applicationId: Int64, _ lookup: (Int64) throws -> Bool,
        applicationExists: (Int64) throws -> Bool
    ) throws {
        var errors: [FieldError] = []
        if let id = fields.contactId, try !lookup(id) {
            errors.append(FieldError("contact_id", "no contact has id \(id)"))
        }
        if let id = fields.followUpContactId, try !lookup(id) {
            errors.append(FieldError("follow_up_contact_id", "no contact has id \(id)"))
        }
        for (index, id) in fields.interviewerIds.enumerated() where try !lookup(id) {
            errors.append(FieldError("interviewer_ids[\(index)]", "no contact has id \(id)"))
        }
        if let other = fields.otherApplicationId {
            if other == applicationId {
                errors.append(FieldError("other_application_id", "must name another application"))
            } else if try !applicationExists(other) {
                errors.append(FieldError("other_application_id", "no application has id \(other)"))
            }
        }
        if !errors.isEmpty { throw APIError.unprocessable(errors) }
    }
}
