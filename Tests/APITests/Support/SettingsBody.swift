/// `GET /v1/settings`: the zone, weekends, every rule parameter and the feed token.
struct SettingsBody: Decodable, Sendable, Equatable {
    var timeZone: String
    var skipWeekends: Bool
    var waitDaysPostedOpening: Int
    var waitDaysUnsolicited: Int
    var waitDaysRecruiter: Int
    var followUpGapDays: Int
    var maxUnansweredFollowUps: Int
    var recruiterTouchBaseDays: Int
    var thankYouDueHours: Int
    var debriefDueHours: Int
    var directionsDueHours: Int
    var feedToken: String
}
