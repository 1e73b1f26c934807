/// Conditions on the applications list; nil means no condition. All given conditions must hold.
public struct ApplicationFilter: Sendable, Equatable {
    /// Exact status.
    public var status: String?
    /// Exact route.
    public var route: String?
    /// The recruiter's contact id.
    public var recruiterId: Int64?
    /// Text the employer or the position contains, ignoring ASCII case; every character matches only itself
    /// (`%`, `_`, a NUL, a combining mark alone).
    public var text: String?

    /// Makes a filter.
    public init(status: String? = nil, route: String? = nil, recruiterId: Int64? = nil, text: String? = nil) {
        self.status = status
        self.route = route
        self.recruiterId = recruiterId
        self.text = text
    }
}
