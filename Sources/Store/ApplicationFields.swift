/// What a client may write on an application: everything but the id, the timestamps and the version.
public struct ApplicationFields: Sendable, Equatable {
    /// May be absent, e.g. while a resume merely sits with a recruiter.
    public var employer: String?
    public var position: String?
    /// How the seeker reached the employer, as text (`posted_opening`, `recruiter_submitted`…).
    public var route: String
    /// The recruiter contact, on recruiter routes.
    public var recruiterId: Int64?
    /// Whether the recruiter allowed the seeker to contact the employer's people directly.
    public var directContactPermitted: Bool
    /// `active`, `on_file`, `passed`…, as text.
    public var status: String
    public var notes: String?

    /// Makes the fields; only the route is required, the status starts `active`.
    public init(
        employer: String? = nil, position: String? = nil, route: String, recruiterId: Int64? = nil,
        directContactPermitted: Bool = false, status: String = "active", notes: String? = nil
    ) {
        self.employer = employer
        self.position = position
        self.route = route
        self.recruiterId = recruiterId
        self.directContactPermitted = directContactPermitted
        self.status = status
        self.notes = notes
    }
}
