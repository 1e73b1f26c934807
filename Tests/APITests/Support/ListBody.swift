/// A page of a list: its items and the cursor of the next page, null on the last.
struct ListBody<Item: Decodable & Sendable & Equatable>: Decodable, Sendable, Equatable {
    var items: [Item]
    @Nullable var nextCursor: String?
}
