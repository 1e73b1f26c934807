/// A contact as the service represents it; every member is always there.
struct ContactBody: Decodable, Sendable, Equatable {
    var id: Int
    var name: String
    @Nullable var title: String?
    @Nullable var organization: String?
    @Nullable var email: String?
    @Nullable var phone: String?
    @Nullable var role: String?
    @Nullable var notes: String?
    var createdAt: String
    var updatedAt: String
}
