/// `GET /v1/export`: the whole data set. The settings are read by name, so that a member left out is seen as such.
struct ExportBody: Decodable, Sendable, Equatable {
    var format: String
    var version: Int
    var exportedAt: String
    var settings: [String: JSONValue]
    var contacts: [ContactBody]
    var applications: [StoredApplicationBody]
    var events: [EventBody]
}
