/// A stored application: one candidacy with an employer, reached by a route.
public struct ApplicationRecord: Sendable, Equatable {
    /// Positive, assigned by the store and never reused (AUTOINCREMENT).
    public var id: Int64
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
    /// Milliseconds since the Unix epoch (UTC).
    public var createdAt: Int64
    /// Milliseconds since the Unix epoch (UTC) of the last write.
    public var updatedAt: Int64
    /// 1 when created, plus one on every update.
    public var version: Int64

    /// Makes a record from every column.
    public init(
        id: Int64, employer: String? = nil, position: String? = nil, route: String, recruiterId: Int64? = nil,
        directContactPermitted: Bool = false, status: String = "active", notes: String? = nil, createdAt: Int64,
        updatedAt: Int64, version: Int64 = 1
    ) {
        self.id = id
        self.employer = employer
        self.position = position
        self.route = route
        self.recruiterId = recruiterId
        self.directContactPermitted = directContactPermitted
        self.status = status
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// The writable fields of this record.
    public var fields: ApplicationFields {
        ApplicationFields(
            employer: employer, position: position, route: route, recruiterId: recruiterId,
            directContactPermitted: directContactPermitted, status: status, notes: notes)
    }
}
