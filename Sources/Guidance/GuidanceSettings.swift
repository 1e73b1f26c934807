/// The configuration the rules read: the time zone the seeker lives in, whether waits skip weekends, and every
/// rule parameter.
public struct GuidanceSettings: Equatable, Sendable {
    /// The IANA zone in which days, midnights and weekends are reckoned.
    public var timeZone: String
    /// Whether a wait that ends on a Saturday or Sunday moves on to the Monday.
    public var skipWeekends: Bool
    public var waitDaysPostedOpening: Int
    public var waitDaysUnsolicited: Int
    public var waitDaysRecruiter: Int
    public var followUpGapDays: Int
    public var maxUnansweredFollowUps: Int
    public var recruiterTouchBaseDays: Int
    public var thankYouDueHours: Int
    public var debriefDueHours: Int
    public var directionsDueHours: Int

    /// The settings the guidance gives by default: UTC, weekends skipped, every parameter at its default.
    public init() {
        timeZone = "UTC"
        skipWeekends = true
        waitDaysPostedOpening = GuidanceParameter.waitDaysPostedOpening.defaultValue
        waitDaysUnsolicited = GuidanceParameter.waitDaysUnsolicited.defaultValue
        waitDaysRecruiter = GuidanceParameter.waitDaysRecruiter.defaultValue
        followUpGapDays = GuidanceParameter.followUpGapDays.defaultValue
        maxUnansweredFollowUps = GuidanceParameter.maxUnansweredFollowUps.defaultValue
        recruiterTouchBaseDays = GuidanceParameter.recruiterTouchBaseDays.defaultValue
        thankYouDueHours = GuidanceParameter.thankYouDueHours.defaultValue
        debriefDueHours = GuidanceParameter.debriefDueHours.defaultValue
        directionsDueHours = GuidanceParameter.directionsDueHours.defaultValue
    }

    /// The defaults with another zone and weekend choice.
    public init(timeZone: String, skipWeekends: Bool = true) {
        self.init()
        self.timeZone = timeZone
        self.skipWeekends = skipWeekends
    }

    /// A rule parameter by its name in the guidance.
    public subscript(parameter: GuidanceParameter) -> Int {
        get {
            switch parameter {
            case .waitDaysPostedOpening: return waitDaysPostedOpening
            case .waitDaysUnsolicited: return waitDaysUnsolicited
            case .waitDaysRecruiter: return waitDaysRecruiter
            case .followUpGapDays: return followUpGapDays
            case .maxUnansweredFollowUps: return maxUnansweredFollowUps
            case .recruiterTouchBaseDays: return recruiterTouchBaseDays
            case .thankYouDueHours: return thankYouDueHours
            case .debriefDueHours: return debriefDueHours
            case .directionsDueHours: return directionsDueHours
            }
        }
        set {
            switch parameter {
            case .waitDaysPostedOpening: waitDaysPostedOpening = newValue
            case .waitDaysUnsolicited: waitDaysUnsolicited = newValue
            case .waitDaysRecruiter: waitDaysRecruiter = newValue
            case .followUpGapDays: followUpGapDays = newValue
            case .maxUnansweredFollowUps: maxUnansweredFollowUps = newValue
            case .recruiterTouchBaseDays: recruiterTouchBaseDays = newValue
            case .thankYouDueHours: thankYouDueHours = newValue
            case .debriefDueHours: debriefDueHours = newValue
            case .directionsDueHours: directionsDueHours = newValue
            }
        }
    }

    /// The parameter holding the first-follow-up wait for a route (`wait-before-follow-up`).
    public static func waitParameter(for route: Route) -> GuidanceParameter {
        switch route {
        case .postedOpening: return .waitDaysPostedOpening
        case .unsolicited: return .waitDaysUnsolicited
        case .recruiterSubmitted, .recruiterGeneral: return .waitDaysRecruiter
        }
    }

    /// The first-follow-up wait for a route (`wait-before-follow-up`).
    public func waitDays(for route: Route) -> Int {
        self[Self.waitParameter(for: route)]
    }

    /// A parameter's value pulled into its allowed range, so that the engine stays well defined even when handed
    /// settings that were never validated.
    func clamped(_ parameter: GuidanceParameter) -> Int {
        let range = parameter.allowedRange
        return Swift.min(Swift.max(self[parameter], range.lowerBound), range.upperBound)
    }
}
