/// Where an application stands.
public enum ApplicationStatus: String, CaseIterable, Codable, Sendable {
    case active
    /// The seeker asked the employer to keep the resume on file.
    case onFile = "on_file"
    /// The employer declined.
    case passed
    /// The employer made an offer.
    case offer
    /// The seeker accepted an offer.
    case accepted
    /// The seeker withdrew.
    case withdrawn

    /// Whether an offer exists on this application, so that it may be disclosed elsewhere (`real-offers-only`).
    public var holdsOffer: Bool { self == .offer || self == .accepted }

    /// Whether the decision on this application is made from the seeker's side or the employer's offer
    /// (`referral-before-decision`).
    public var isDecided: Bool { self == .offer || self == .accepted || self == .withdrawn }
}
