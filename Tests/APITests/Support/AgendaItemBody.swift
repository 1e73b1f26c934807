/// One action the agenda holds, also an application's `next_action`.
struct AgendaItemBody: Decodable, Sendable, Equatable {
    var applicationId: Int
    var action: String
    var rule: String
    @Nullable var contactId: Int?
    @Nullable var channel: String?
    var dueFrom: String
    @Nullable var dueBy: String?
    var overdue: Bool
    var message: String
}
