import Time

/// What one pass over an application's timeline, up to an instant, tells the rules.
///
/// Events after the instant are ignored, so that a check judges an event as of its own `occurred_at` and an agenda
/// as of its `as_of`, whatever was recorded later. The pass keeps positions in the event list rather than copies of
/// events: the agenda runs it over every application.
struct Timeline {
    let events: [EventFact]
    private var resumeIndex: Int?
    /// `follow_up` events since the latest answer (`response`, `directions`, `interview`, `offer`).
    private(set) var unansweredFollowUps = 0
    private var unansweredFollowUpIndex: Int?
    private var directionsIndex: Int?
    /// Whether a `follow_up` came after the latest directions.
    private(set) var followedUpSinceDirections = false
    private var outboundToRecruiterIndex: Int?
    private var offerDisclosureIndex: Int?
    private(set) var interviewIndices: [Int] = []
    /// For each contact who received a thank-you note, when the latest one went out.
    private(set) var latestThankYou: [Int: Instant] = [:]
    private(set) var latestDebrief: Instant?
    /// For each recipient of a resume, the latest `resume_sent` to them; kept only for checks.
    private(set) var latestResumeTo: [Int: Int] = [:]

    /// The timeline up to `cutoff`; `forCheck` keeps what only checks read.
    init(_ facts: ApplicationFacts, through cutoff: Instant, forCheck: Bool = false) {
        events = facts.events
        for index in events.indices {
            if events[index].occurredAt > cutoff {
                break
            }
            take(index, facts, forCheck: forCheck)
        }
    }

    private mutating func take(_ index: Int, _ facts: ApplicationFacts, forCheck: Bool) {
        let kind = events[index].kind
        if kind.isAnswer {
            unansweredFollowUps = 0
            unansweredFollowUpIndex = nil
        }
        switch kind {
        case .resumeSent:
            resumeIndex = index
            if forCheck, let recipient = facts.recipient(of: events[index].contactId) {
                latestResumeTo[recipient] = index
            }
        case .followUp:
            unansweredFollowUps += 1
            unansweredFollowUpIndex = index
            followedUpSinceDirections = directionsIndex != nil
        case .directions:
            directionsIndex = index
            followedUpSinceDirections = false
        case .interview:
            interviewIndices.append(index)
        case .thankYou:
            if let contactId = events[index].contactId {
                latestThankYou[contactId] = events[index].occurredAt
            }
        case .debrief:
            latestDebrief = events[index].occurredAt
        case .offerDisclosure:
            offerDisclosureIndex = index
        default:
            break
        }
        switch kind {
        case .resumeSent, .followUp, .touchBase, .debrief:
            if facts.reachesRecruiter(events[index].contactId) {
                outboundToRecruiterIndex = index
            }
        default:
            break
        }
    }

    private func event(_ index: Int?) -> EventFact? {
        index.map { events[$0] }
    }

    var latestResumeSent: EventFact? { event(resumeIndex) }
    /// The latest `follow_up` after the latest answer.
    var latestUnansweredFollowUp: EventFact? { event(unansweredFollowUpIndex) }
    var latestDirections: EventFact? { event(directionsIndex) }
    /// The latest `resume_sent`, `follow_up`, `touch_base` or `debrief` that reached the recruiter.
    var latestOutboundToRecruiter: EventFact? { event(outboundToRecruiterIndex) }
    var latestOfferDisclosure: EventFact? { event(offerDisclosureIndex) }
    var latestDirectionsAt: Instant? { directionsIndex.map { events[$0].occurredAt } }

    func latestResume(to recipient: Int) -> EventFact? {
        event(latestResumeTo[recipient])
    }

    /// Whether someone interviewed the seeker for this application, which is what lets a thank-you note reach them
    /// past a recruiter or after a pass.
    func interviewed(_ contactId: Int) -> Bool {
        interviewIndices.contains { events[$0].interviewerIds.contains(contactId) }
    }
}
