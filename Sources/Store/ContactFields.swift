/// What a client may write on a contact: everything but the id, the timestamps and the version.
public struct ContactFields: Sendable, Equatable {
    /// Required; the API limits its length.
    public var name: String
    public var title: String?
    public var organization: String?
    public var email: String?
    public var phone: String?
    /// One of the roles the API accepts, as text; the store does not interpret it.
    public var role: String?
    public var notes: String?

    /// Makes the fields; only the name is required.
    public init(
        name: String, title: String? = nil, organization: String? = nil, email: String? = nil, phone: String? = nil,
        role: String? = nil, notes: String? = nil
    ) {
        self.name = name
        self.title = title
        self.organization = organization
        self.email = email
        self.phone = phone
        self.role = role
        self.notes = notes
    }
}
