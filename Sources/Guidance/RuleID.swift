/// The stable identifiers of the rules, in the order the guidance lists them.
public enum RuleID: String, CaseIterable, Codable, Sendable {
    case waitBeforeFollowUp = "wait-before-follow-up"
    case followUpGap = "follow-up-gap"
    case followUpLimit = "follow-up-limit"
    case throughTheRecruiter = "through-the-recruiter"
    case followDirections = "follow-directions"
    case noContactAfterPass = "no-contact-after-pass"
    case noPersuasionAfterPass = "no-persuasion-after-pass"
    case standardChannels = "standard-channels"
    case realOffersOnly = "real-offers-only"
    case discloseViaRoute = "disclose-via-route"
    case noPressureTactics = "no-pressure-tactics"
    case referralBeforeDecision = "referral-before-decision"
    case recruiterTouchBase = "recruiter-touch-base"
    case resumeResendNeedsUpdate = "resume-resend-needs-update"
    case onFileRest = "on-file-rest"
    case thankYouPromptly = "thank-you-promptly"
    case debriefRecruiter = "debrief-recruiter"
    case recordDirections = "record-directions"

    /// How the rule acts: refuse, warn, or list agenda items.
    public var severity: Severity {
        switch self {
        case .noPressureTactics, .recruiterTouchBase, .resumeResendNeedsUpdate, .onFileRest:
            return .warn
        case .thankYouPromptly, .debriefRecruiter, .recordDirections:
            return .agenda
        default:
            return .block
        }
    }

    /// The settings the rule reads, in the order the guidance names them.
    public var parameters: [GuidanceParameter] {
        switch self {
        case .waitBeforeFollowUp: return [.waitDaysPostedOpening, .waitDaysUnsolicited, .waitDaysRecruiter]
        case .followUpGap: return [.followUpGapDays]
        case .followUpLimit: return [.maxUnansweredFollowUps]
        case .recruiterTouchBase: return [.recruiterTouchBaseDays]
        case .thankYouPromptly: return [.thankYouDueHours]
        case .debriefRecruiter: return [.debriefDueHours]
        case .recordDirections: return [.directionsDueHours]
        default: return []
        }
    }

    /// Position in the catalog; findings are reported in this order so that results are deterministic.
    var ordinal: Int {
        RuleID.allCases.firstIndex(of: self) ?? RuleID.allCases.count
    }
}
