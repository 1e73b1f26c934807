import Guidance
import JSON
import Time

/// The guidance's results in the JSON shapes openapi.yaml gives them.
enum GuidanceJSON {
    /// An instant the guidance derived, as RFC 3339 text, or null. A wait that ends after 9999 is
    /// shown as the last millisecond of 9999 (`Instant.clamped`) rather than as a year no RFC 3339
    /// text can hold, and is still later than any time a client can send, so what it forbids stays
    /// forbidden.
    static func time(_ instant: Instant?) -> JSON {
        guard let instant else { return .null }
        return JSON(instant.rfc3339)
    }

    static func finding(_ f: Finding) -> JSON {
        ["rule": JSON(f.rule.rawValue), "severity": JSON(f.severity.rawValue), "message": JSON(f.message)]
    }

    static func findings(_ list: [Finding]) -> JSON {
        .array(list.map(finding))
    }

    static func agendaItem(_ item: AgendaItem) -> JSON {
        [
            "application_id": JSON(item.applicationId), "action": JSON(item.action.rawValue),
            "rule": JSON(item.rule.rawValue), "contact_id": JSON(item.contactId), "channel": JSON(item.channel),
            "due_from": time(item.dueFrom), "due_by": time(item.dueBy), "overdue": JSON(item.overdue),
            "message": JSON(item.message),
        ]
    }

    static func check(_ result: CheckResult) -> JSON {
        var suggestion = JSON.null
        if let s = result.suggestion {
            suggestion = ["contact_id": JSON(s.contactId), "channel": JSON(s.channel), "at": time(s.at)]
        }
        return [
            "allowed": JSON(result.allowed), "earliest_allowed_at": time(result.earliestAllowedAt),
            "violations": findings(result.violations), "warnings": findings(result.warnings), "suggestion": suggestion,
        ]
    }

    static func rules(_ settings: GuidanceSettings) -> JSON {
        let rules = RuleCatalog.entries(settings: settings).map { entry -> JSON in
            var parameters = JSONObject()
            for (parameter, value) in entry.parameters { parameters[parameter.rawValue] = JSON(value) }
            return [
                "id": JSON(entry.id.rawValue), "severity": JSON(entry.severity.rawValue),
                "summary": JSON(entry.summary),
                "parameters": .object(parameters),
            ]
        }
        return ["rules": .array(rules)]
    }
}
