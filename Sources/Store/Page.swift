/// One page of a keyset-paginated list.
public struct Page<Item: Sendable & Equatable, Cursor: Sendable & Equatable>: Sendable, Equatable {
    /// The items, in the list's order.
    public var items: [Item]
    /// Where the next page starts; present only when more items exist.
    public var nextCursor: Cursor?

    /// Makes a page.
    public init(items: [Item], nextCursor: Cursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
