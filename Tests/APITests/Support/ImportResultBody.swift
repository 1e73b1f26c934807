/// `POST /v1/import`: how many records of each kind were stored.
struct ImportResultBody: Decodable, Sendable, Equatable {
    var contacts: Int
    var applications: Int
    var events: Int
}
