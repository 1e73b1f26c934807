/// `POST /v1/settings/feed-token`: the new token.
struct FeedTokenBody: Decodable, Sendable, Equatable {
    var feedToken: String
}
