/// The part a person plays in the search.
public enum ContactRole: String, CaseIterable, Codable, Sendable {
    case recruiter
    case interviewer
    case hiringManager = "hiring_manager"
    case referral
    case other

    /// The role as a reader would say it, for messages.
    public var label: String {
        switch self {
        case .recruiter: return "recruiter"
        case .interviewer: return "interviewer"
        case .hiringManager: return "hiring manager"
        case .referral: return "referral"
        case .other: return "contact"
        }
    }
}
