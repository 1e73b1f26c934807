/// The kinds of entries on an application's timeline.
public enum EventKind: String, CaseIterable, Codable, Sendable {
    case resumeSent = "resume_sent"
    case followUp = "follow_up"
    case response
    case interview
    case directions
    case thankYou = "thank_you"
    case debrief
    case touchBase = "touch_base"
    case keepOnFileRequest = "keep_on_file_request"
    case pass
    case offer
    case offerDisclosure = "offer_disclosure"
    case referralEndorsement = "referral_endorsement"
    case note

    /// Who made the contact.
    public var direction: EventDirection {
        switch self {
        case .resumeSent, .followUp, .thankYou, .debrief, .touchBase, .keepOnFileRequest, .offerDisclosure:
            return .outbound
        case .response, .directions, .pass, .offer:
            return .inbound
        case .interview, .note:
            return .neutral
        case .referralEndorsement:
            return .thirdParty
        }
    }

    /// Whether the event is an answer from the employer's side, which resets the unanswered follow-up count
    /// (`follow-up-limit`).
    public var isAnswer: Bool {
        switch self {
        case .response, .directions, .interview, .offer: return true
        default: return false
        }
    }

    /// The status the application takes when this event is recorded, if the event changes it.
    public var statusEffect: ApplicationStatus? {
        switch self {
        case .keepOnFileRequest: return .onFile
        case .pass: return .passed
        case .offer: return .offer
        default: return nil
        }
    }
}
