/// The position after the last item of a page ordered by id: the next page holds ids above `lastId`, or below it
/// in a list newest first (the deliveries).
///
/// Keyset pagination stays stable under inserts and deletes, unlike an offset.
public struct IDCursor: Sendable, Equatable, Hashable {
    /// The id of the last item already returned.
    public var lastId: Int64

    /// Makes a cursor.
    public init(lastId: Int64) {
        self.lastId = lastId
    }
}
