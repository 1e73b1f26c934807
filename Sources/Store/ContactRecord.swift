/// A stored contact: a person the seeker deals with, such as a recruiter or an interviewer.
public struct ContactRecord: Sendable, Equatable {
    /// Positive, assigned by the store and never reused (AUTOINCREMENT).
    public var id: Int64
    /// Required; the API limits its length.
    public var name: String
    public var title: String?
    public var organization: String?
    public var email: String?
    public var phone: String?
    /// One of the roles the API accepts, as text; the store does not interpret it.
    public var role: String?
    public var notes: String?
    /// Milliseconds since the Unix epoch (UTC).
    public var createdAt: Int64
    /// Milliseconds since the Unix epoch (UTC) of the last write.
    public var updatedAt: Int64
    /// 1 when created, plus one on every update; the API's ETag and `If-Match` compare it.
    public var version: Int64

    /// Makes a record from every column.
    public init(
        id: Int64, name: String, title: String? = nil, organization: String? = nil, email: String? = nil,
        phone: String? = nil, role: String? = nil, notes: String? = nil, createdAt: Int64, updatedAt: Int64,
        version: Int64 = 1
    ) {
        self.id = id
        self.name = name
        self.title = title
        self.organization = organization
        self.email = email
        self.phone = phone
        self.role = role
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// The writable fields of this record.
    public var fields: ContactFields {
        ContactFields(
            name: name, title: title, organization: organization, email: email, phone: phone, role: role,
            notes: notes)
    }
}
