extension Page {
    /// The most items one page may hold, whatever the caller asks; the API allows far fewer.
    static var maximumLimit: Int { 10_000 }

    /// `limit` clamped to 1...`maximumLimit`, so that fetching one more row cannot overflow.
    static func clamped(_ limit: Int) -> Int {
        min(max(limit, 1), maximumLimit)
    }

    /// Cuts `fetched` (up to `limit + 1` rows: the extra one only tells that another page follows) to a page,
    /// with a cursor after its last item when more remain.
    init(fetched: [Item], limit: Int, cursor: (Item) -> Cursor) {
        guard fetched.count > limit else {
            self.init(items: fetched, nextCursor: nil)
            return
        }
        let items = Array(fetched.prefix(limit))
        self.init(items: items, nextCursor: items.last.map(cursor))
    }
}
