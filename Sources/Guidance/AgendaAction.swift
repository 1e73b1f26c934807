/// What an agenda item asks the seeker to do.
public enum AgendaAction: String, CaseIterable, Codable, Sendable {
    case sendThankYou = "send_thank_you"
    case debriefRecruiter = "debrief_recruiter"
    case recordDirections = "record_directions"
    case followUp = "follow_up"
    case touchBase = "touch_base"

    /// Position in agenda order, which sorts actions by name.
    var sortRank: Int {
        switch self {
        case .debriefRecruiter: return 0
        case .followUp: return 1
        case .recordDirections: return 2
        case .sendThankYou: return 3
        case .touchBase: return 4
        }
    }
}
