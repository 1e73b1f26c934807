/// `GET /v1/agenda`.
struct AgendaBody: Decodable, Sendable, Equatable {
    var asOf: String
    var horizonDays: Int
    var items: [AgendaItemBody]

    /// The actions of the items, in order.
    var actions: [String] { items.map(\.action) }
}
