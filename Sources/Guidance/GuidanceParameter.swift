/// A numeric setting a rule reads, named as the guidance and the settings resource name it.
public enum GuidanceParameter: String, CaseIterable, Codable, Sendable {
    case waitDaysPostedOpening = "wait_days_posted_opening"
    case waitDaysUnsolicited = "wait_days_unsolicited"
    case waitDaysRecruiter = "wait_days_recruiter"
    case followUpGapDays = "follow_up_gap_days"
    case maxUnansweredFollowUps = "max_unanswered_follow_ups"
    case recruiterTouchBaseDays = "recruiter_touch_base_days"
    case thankYouDueHours = "thank_you_due_hours"
    case debriefDueHours = "debrief_due_hours"
    case directionsDueHours = "directions_due_hours"

    /// The value the guidance gives when nothing was configured.
    public var defaultValue: Int {
        switch self {
        case .waitDaysPostedOpening: return 7
        case .waitDaysUnsolicited: return 14
        case .waitDaysRecruiter: return 7
        case .followUpGapDays: return 7
        case .maxUnansweredFollowUps: return 3
        case .recruiterTouchBaseDays: return 30
        case .thankYouDueHours: return 24
        case .debriefDueHours: return 24
        case .directionsDueHours: return 48
        }
    }

    /// The values the settings accept.
    ///
    /// Day counts run from 0 (no wait at all) to a year; a longer wait is no longer persistence. The follow-up
    /// limit runs from 1 (a single unanswered follow-up) to 20. Due times in hours run from 1 hour to 30 days.
    public var allowedRange: ClosedRange<Int> {
        switch self {
        case .waitDaysPostedOpening, .waitDaysUnsolicited, .waitDaysRecruiter, .followUpGapDays,
            .recruiterTouchBaseDays:
            return 0...365
        case .maxUnansweredFollowUps:
            return 1...20
        case .thankYouDueHours, .debriefDueHours, .directionsDueHours:
            return 1...720
        }
    }
}
