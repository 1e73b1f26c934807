/// What a client may write on an application: everything but the id, the timestamps and the version.
public struct ApplicationFields: Sendable, Equatable {
    public var employer: String?
    public var position: String?
    public var route: String
    public var recruiterId: Int64?
    public var directContactPermitted: Bool
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
