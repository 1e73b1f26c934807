import Store
import Testing

@testable import Reminders

@Suite("The mark index: each channel's marks, by item")
struct MarkIndexTests {
    static let due = ItemPhase(itemKey: "1:follow_up:-:100", phase: .due)
    static let overdue = ItemPhase(itemKey: "1:follow_up:-:100", phase: .overdue)
    static let other = ItemPhase(itemKey: "2:follow_up:-:100", phase: .due)

    @Test("a mark answers for its channel, its item and its phase only")
    func apart() {
        var index = MarkIndex()
        index.insert(Self.due, channelId: 1)
        index.hold(channelId: 3)
        #expect(index.contains(Self.due, channelId: 1))
        #expect(!index.contains(Self.overdue, channelId: 1))
        #expect(!index.contains(Self.other, channelId: 1))
        #expect(!index.contains(Self.due, channelId: 2))
        #expect(!index.contains(Self.due, channelId: 3))
        #expect(index.holds(channelId: 1) && index.holds(channelId: 3) && !index.holds(channelId: 2))
        index.insert(Self.overdue, channelId: 1)
        #expect(index.contains(Self.due, channelId: 1) && index.contains(Self.overdue, channelId: 1))
        #expect(Set(index.itemKeys) == [Self.due.itemKey])
    }

    @Test("a channel forgotten leaves nothing for the channel given its slot next")
    func forget() {
        var index = MarkIndex([1: [Self.due, Self.overdue], 2: [Self.due]])
        index.forget(channelId: 1)
        #expect(!index.holds(channelId: 1) && !index.contains(Self.due, channelId: 1))
        index.hold(channelId: 9)
        #expect(!index.contains(Self.due, channelId: 9) && !index.contains(Self.overdue, channelId: 9))
        #expect(index.contains(Self.due, channelId: 2))
    }

    @Test("more channels than a word holds: 31, 32, 33 and 100 channels", arguments: [31, 32, 33, 100])
    func wide(_ count: Int) {
        var index = MarkIndex()
        for channel in 1...Int64(count) {
            index.insert(channel % 2 == 0 ? Self.due : Self.overdue, channelId: channel)
            // Marks made before the rows widened are kept.
            #expect(index.contains(Self.overdue, channelId: 1))
        }
        for channel in 1...Int64(count) {
            #expect(index.contains(Self.due, channelId: channel) == (channel % 2 == 0))
            #expect(index.contains(Self.overdue, channelId: channel) == (channel % 2 == 1))
        }
    }
}
