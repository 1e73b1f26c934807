import Guidance
import HTTP
import JSON
import Store
import Time

/// What a one-tap link did: the event it recorded, or the snooze it made, or nothing (directions are recorded
/// by a person), and how that is answered.
struct LinkOutcome: Sendable {
    let intent: LinkIntent
    let itemKey: String
    let applicationId: Int64
    /// Where the application is.
    let location: String
    var event: EventRecord?
    var snooze: SnoozeRecord?
    /// What the guidance warned of, for an event it allowed.
    var warnings: [Finding] = []

    /// The answer, 200: JSON, or a page.
    func response(json: Bool) -> APIContext.Written {
        let message = intent.done(until: snooze.map { Instant(millis: $0.until) })
        guard json else {
            let page = LinkPage.html(
                status: 200, heading: event == nil && snooze == nil ? intent.heading : "Done", paragraphs: [message],
                list: warnings.map(\.message), link: ("Open the application", location))
            return APIContext.Written(page)
        }
        let body: JSON = [
            "action": JSON(intent.action.rawValue), "item_key": JSON(itemKey), "application_id": JSON(applicationId),
            "event_id": JSON(event?.id), "snooze_id": JSON(snooze?.id),
            "snoozed_until": JSON(snooze.map { Instant(millis: $0.until).rfc3339 }), "message": JSON(message),
            "warnings": GuidanceJSON.findings(warnings), "location": JSON(location),
        ]
        return APIContext.Written(LinkPage.json(body))
    }
}
