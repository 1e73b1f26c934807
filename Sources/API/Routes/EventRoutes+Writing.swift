import Guidance
import JSON
import Store
import Time

extension EventRoutes {
    /// The event as every answer shows it (its GET, the lists, the export, and a POST's 201 with the check's
    /// `warnings` after it), written straight into `out`, with no object tree first: the one place an event's
    /// members, their order and their spelling are decided.
    static func write(_ e: EventRecord, warnings: [Finding]? = nil, into out: inout [UInt8]) {
        func integer(_ value: Int64?) {
            if let value { JSON(value).write(into: &out) } else { out.append("null") }
        }
        func text(_ value: String?) {
            if let value { JSON.writeString(value, into: &out) } else { out.append("null") }
        }
        func time(_ millis: Int64) {
            Instant(millis: millis).withRFC3339Bytes { digits in
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: digits)
                out.append(UInt8(ascii: "\""))
            }
        }
        out.append("{\"id\":")
        integer(e.id)
        out.append(",\"application_id\":")
        integer(e.applicationId)
        out.append(",\"kind\":")
        text(e.kind)
        out.append(",\"occurred_at\":")
        time(e.occurredAt)
        out.append(",\"contact_id\":")
        integer(e.contactId)
        out.append(",\"channel\":")
        text(e.channel)
        out.append(",\"note\":")
        text(e.note)
        out.append(",\"interviewer_ids\":[")
        for (position, id) in e.interviewerIds.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            integer(id)
        }
        out.append("],\"follow_up_after\":")
        text(e.followUpAfter)
        out.append(",\"follow_up_contact_id\":")
        integer(e.followUpContactId)
        out.append(",\"follow_up_channel\":")
        text(e.followUpChannel)
        out.append(",\"decision_expected_by\":")
        text(e.decisionExpectedBy)
        out.append(",\"other_application_id\":")
        integer(e.otherApplicationId)
        out.append(e.forced ? ",\"forced\":true,\"violations\":[" : ",\"forced\":false,\"violations\":[")
        for (position, violation) in e.violations.enumerated() {
            out.append(position > 0 ? ",{\"rule\":" : "{\"rule\":")
            text(violation.rule)
            out.append(",\"severity\":")
            text(violation.severity)
            out.append(",\"message\":")
            text(violation.message)
            out.append(UInt8(ascii: "}"))
        }
        out.append("],\"created_at\":")
        time(e.createdAt)
        if let warnings {
            out.append(",\"warnings\":")
            GuidanceJSON.findings(warnings).write(into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}
