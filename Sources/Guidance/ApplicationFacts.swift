/// Everything the rules need to know about one application.
public struct ApplicationFacts: Equatable, Sendable {
    public var id: Int
    /// The employer's name; may be empty on a `recruiter_general` application.
    public var employer: String
    public var position: String
    public var route: Route
    public var status: ApplicationStatus
    public var recruiterId: Int?
    /// Whether the recruiter said the seeker may contact the employer's people directly.
    public var directContactPermitted: Bool
    /// The timeline, oldest first (ties by id).
    public private(set) var events: [EventFact]
    /// Every contact the application or its events refer to, by id.
    public var contacts: [Int: ContactFact]
    /// The status of each other application an offer disclosure names, by id (`real-offers-only`).
    public var otherApplicationStatuses: [Int: ApplicationStatus]

    /// Facts about an application; the events are put in timeline order (by `occurredAt`, then id) if they are
    /// not already.
    public init(
        id: Int, employer: String = "", position: String = "", route: Route, status: ApplicationStatus = .active,
        recruiterId: Int? = nil, directContactPermitted: Bool = false, events: [EventFact] = [],
        contacts: [Int: ContactFact] = [:], otherApplicationStatuses: [Int: ApplicationStatus] = [:]
    ) {
        self.id = id
        self.employer = employer
        self.position = position
        self.route = route
        self.status = status
        self.recruiterId = recruiterId
        self.directContactPermitted = directContactPermitted
        self.events = events
        self.contacts = contacts
        self.otherApplicationStatuses = otherApplicationStatuses
        if !ApplicationFacts.isInOrder(events) {
            self.events.sort(by: ApplicationFacts.comesBefore)
        }
    }

    /// Adds an event at its place on the timeline.
    public mutating func record(_ event: EventFact) {
        let index = events.lastIndex { !ApplicationFacts.comesBefore(event, $0) }.map { $0 + 1 } ?? 0
        events.insert(event, at: index)
    }

    static func comesBefore(_ lhs: EventFact, _ rhs: EventFact) -> Bool {
        lhs.occurredAt != rhs.occurredAt ? lhs.occurredAt < rhs.occurredAt : lhs.id < rhs.id
    }

    private static func isInOrder(_ events: [EventFact]) -> Bool {
        zip(events, events.dropFirst()).allSatisfy { !comesBefore($1, $0) }
    }
}
