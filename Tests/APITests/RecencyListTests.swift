import Testing

@testable import API

/// The order behind the timeline cache's evictions: positions from the least to the most recently used.
struct RecencyListTests {
    enum Step: Sendable {
        case touch(Int)
        case remove(Int)
        case removeAll
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let steps: [Step]
        let order: [Int]
        var testDescription: String { name }
    }

    @Test(arguments: [
        Row(name: "empty", steps: [], order: []),
        Row(name: "touched in order", steps: [.touch(0), .touch(1), .touch(2)], order: [0, 1, 2]),
        Row(name: "a position far past the others", steps: [.touch(7), .touch(2)], order: [7, 2]),
        Row(name: "touching the oldest", steps: [.touch(0), .touch(1), .touch(2), .touch(0)], order: [1, 2, 0]),
        Row(
            name: "touching one in the middle", steps: [.touch(0), .touch(1), .touch(2), .touch(1)], order: [0, 2, 1]),
        Row(name: "touching the newest again", steps: [.touch(0), .touch(1), .touch(1)], order: [0, 1]),
        Row(name: "removing the oldest", steps: [.touch(0), .touch(1), .touch(2), .remove(0)], order: [1, 2]),
        Row(name: "removing the middle", steps: [.touch(0), .touch(1), .touch(2), .remove(1)], order: [0, 2]),
        Row(name: "removing the newest", steps: [.touch(0), .touch(1), .touch(2), .remove(2)], order: [0, 1]),
        Row(name: "removing the only one", steps: [.touch(3), .remove(3)], order: []),
        Row(name: "removing one never linked", steps: [.touch(0), .remove(1), .remove(9)], order: [0]),
        Row(name: "removed, then touched again", steps: [.touch(0), .touch(1), .remove(0), .touch(0)], order: [1, 0]),
        Row(name: "all removed, then touched", steps: [.touch(0), .touch(1), .removeAll, .touch(1)], order: [1]),
    ])
    func order(_ row: Row) {
        var list = RecencyList()
        for step in row.steps {
            switch step {
            case .touch(let position): list.touch(position)
            case .remove(let position): list.remove(position)
            case .removeAll: list.removeAll()
            }
        }
        #expect(list.order == row.order)
        #expect(list.count == row.order.count)
        #expect(list.oldest == row.order.first && list.newest == row.order.last)
        // Walking from the oldest by `newer(than:)` gives the same order.
        var walked: [Int] = []
        var next = list.oldest
        while let position = next {
            walked.append(position)
            next = list.newer(than: position)
        }
        #expect(walked == row.order)
        #expect((0..<10).allSatisfy { list.contains($0) == row.order.contains($0) })
    }
}
