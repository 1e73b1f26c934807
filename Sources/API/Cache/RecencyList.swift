/// Positions (0, 1, 2, …, as indices into an array kept elsewhere) in the order they were last used, for
/// least-recently-used eviction.
///
/// A doubly linked list whose links live in one array indexed by position, so marking a position used, taking
/// it out and finding the oldest each cost a few array accesses: no hashing, no search, and no allocation
/// except when a position beyond any seen before is first linked (the array then grows to hold it).
struct RecencyList {
    private struct Link {
        var older = RecencyList.none
        var newer = RecencyList.none
        var linked = false
    }

    private static let none = -1
    private var links: [Link] = []
    private var newestPosition = RecencyList.none
    private var oldestPosition = RecencyList.none

    /// How many positions are linked.
    private(set) var count = 0

    /// The least recently used position, nil when none is linked.
    var oldest: Int? { oldestPosition == Self.none ? nil : oldestPosition }

    /// The most recently used position, nil when none is linked.
    var newest: Int? { newestPosition == Self.none ? nil : newestPosition }

    /// The position used next after `position`, nil for the newest (or one not linked).
    func newer(than position: Int) -> Int? {
        guard contains(position) else { return nil }
        let next = links[position].newer
        return next == Self.none ? nil : next
    }

    func contains(_ position: Int) -> Bool {
        links.indices.contains(position) && links[position].linked
    }

    /// Makes `position` the most recently used, linking it if it was not.
    mutating func touch(_ position: Int) {
        if position == newestPosition { return }
        if position >= links.count {
            links.append(contentsOf: repeatElement(Link(), count: position - links.count + 1))
        }
        remove(position)
        links[position] = Link(older: newestPosition, newer: Self.none, linked: true)
        if newestPosition != Self.none { links[newestPosition].newer = position }
        newestPosition = position
        if oldestPosition == Self.none { oldestPosition = position }
        count += 1
    }

    /// Takes `position` out of the order; nothing happens if it is not linked.
    mutating func remove(_ position: Int) {
        guard contains(position) else { return }
        let link = links[position]
        if link.older != Self.none { links[link.older].newer = link.newer } else { oldestPosition = link.newer }
        if link.newer != Self.none { links[link.newer].older = link.older } else { newestPosition = link.older }
        links[position] = Link()
        count -= 1
    }

    /// Unlinks every position, keeping the array's storage.
    mutating func removeAll() {
        var position = oldestPosition
        while position != Self.none {
            let next = links[position].newer
            links[position] = Link()
            position = next
        }
        newestPosition = Self.none
        oldestPosition = Self.none
        count = 0
    }

    /// The linked positions from the least to the most recently used; for tests and diagnostics.
    var order: [Int] {
        var result: [Int] = []
        var position = oldestPosition
        while position != Self.none {
            result.append(position)
            position = links[position].newer
        }
        return result
    }
}
