import Foundation
import Guidance
import JSON

/// The guidance's results in the JSON shapes openapi.yaml gives them.
enum GuidanceJSON {
    /// The millisecond of an instant the guidance derived, clamped to the instants the service writes
    /// (`Timestamp.earliest...latest`): a wait that ends after 9999 is shown as its last millisecond
    /// rather than as a year no RFC 3339 text can hold, and is still later than any time a client
    /// can send, so what it forbids stays forbidden.
    static func millis(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard value > Double(Timestamp.earliest) else { return Timestamp.earliest }
        guard value < Double(Timestamp.latest) else { return Timestamp.latest }
        return Int64(value)
    }

    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    static func time(_ date: Date?) -> JSON {
        guard let date else { return .null }
        return JSON(Timestamp.format(millis(date)))
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
