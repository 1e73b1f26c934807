/// What the rules need to know about a person: who, and in what role.
public struct ContactFact: Equatable, Sendable {
    public var id: Int
    public var name: String
    public var role: ContactRole

    public init(id: Int, name: String, role: ContactRole) {
        self.id = id
        self.name = name
        self.role = role
    }
}
