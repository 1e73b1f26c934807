/// An application as an export holds it: what is stored, without what the guidance makes of it.
struct StoredApplicationBody: Decodable, Sendable, Equatable {
    var id: Int
    @Nullable var employer: String?
    @Nullable var position: String?
    var route: String
    @Nullable var recruiterId: Int?
    var directContactPermitted: Bool
    var status: String
    @Nullable var notes: String?
    var createdAt: String
    var updatedAt: String
}
