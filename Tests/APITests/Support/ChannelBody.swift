/// A channel as the service represents it; the secret only in the create and rotate answers, never the token.
struct ChannelBody: Decodable, Sendable, Equatable {
    var id: Int
    var name: String
    var kind: String
    var url: String
    var enabled: Bool
    @Nullable var disabledReason: String?
    var mode: String
    var digestAt: String
    var actions: [String]
    var createdAt: String
    var updatedAt: String
    var secret: String?
}
