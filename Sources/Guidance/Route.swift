/// How the seeker reached the employer; decides waits, recipients and who may hear of other offers.
public enum Route: String, CaseIterable, Codable, Sendable {
    /// The seeker applied directly to an advertised opening.
    case postedOpening = "posted_opening"
    /// The seeker sent a resume directly, with no opening advertised.
    case unsolicited
    /// A recruiter put the seeker forward to this employer.
    case recruiterSubmitted = "recruiter_submitted"
    /// The resume sits with a recruiter; no search is under way.
    case recruiterGeneral = "recruiter_general"

    /// Whether a recruiter stands between the seeker and the employer (both recruiter routes).
    public var isRecruiterRoute: Bool {
        switch self {
        case .recruiterSubmitted, .recruiterGeneral: return true
        case .postedOpening, .unsolicited: return false
        }
    }

    /// Whether the seeker made the original contact, which is what lets the seeker speak to the employer directly
    /// about other offers (`disclose-via-route`).
    public var seekerMadeOriginalContact: Bool { !isRecruiterRoute }

    /// Whether a recruiter must be named on the application (`recruiter_id` required).
    public var requiresRecruiter: Bool { isRecruiterRoute }
}
