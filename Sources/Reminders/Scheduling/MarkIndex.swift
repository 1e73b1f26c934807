import Store

/// What each channel has handled, indexed by item key: one look-up of an item's key answers for every channel,
/// so that planning over every item on every channel hashes each key once, not once per channel, and reads the
/// answers from a few bits that lie together.
///
/// Each channel has a slot of two bits in an item's row (`due`, `overdue`); 32 channels share a 64-bit word,
/// and a row has as many words as the slots need.
public struct MarkIndex: Sendable {
    /// Each held channel's slot.
    private var slots: [Int64: Int] = [:]
    /// Slots of channels forgotten, cleared, to give again.
    private var freeSlots: [Int] = []
    /// Words per row.
    private var width = 1
    /// Each item key's row.
    private var rows: [String: Int] = [:]
    /// The rows, `width` words each.
    private var words: [UInt64] = []

    /// No channel, no mark.
    public init() {}

    /// The marks of each channel, by channel id; a channel with no marks is held all the same.
    public init(_ marks: [Int64: Set<ItemPhase>]) {
        for (channelId, phases) in marks {
            hold(channelId: channelId)
            insert(phases, channelId: channelId)
        }
    }

    /// Whether the channel's marks are held (it was loaded, or something was marked on it).
    public func holds(channelId: Int64) -> Bool {
        slots[channelId] != nil
    }

    /// The channels whose marks are held.
    public var channelIds: Dictionary<Int64, Int>.Keys { slots.keys }

    /// The keys of the items some channel has marked.
    public var itemKeys: Dictionary<String, Int>.Keys { rows.keys }

    /// Whether the channel has handled `item`.
    public func contains(_ item: ItemPhase, channelId: Int64) -> Bool {
        guard let slot = slots[channelId], let row = rows[item.itemKey] else { return false }
        return phases(row: row, slot: slot) & Self.bit(item.phase) != 0
    }

    /// Holds the channel, with no marks if it had none.
    public mutating func hold(channelId: Int64) {
        _ = slot(of: channelId)
    }

    /// Marks `item` as handled by the channel.
    public mutating func insert(_ item: ItemPhase, channelId: Int64) {
        let slot = slot(of: channelId)
        let row: Int
        if let found = rows[item.itemKey] {
            row = found
        } else {
            row = rows.count
            rows[item.itemKey] = row
            words.append(contentsOf: repeatElement(0, count: width))
        }
        words[row * width + slot / 32] |= Self.bit(item.phase) << UInt64(slot % 32 * 2)
    }

    /// Marks each of `items` as handled by the channel.
    public mutating func insert(_ items: some Sequence<ItemPhase>, channelId: Int64) {
        for item in items { insert(item, channelId: channelId) }
    }

    /// Forgets the channel's marks (it was deleted).
    public mutating func forget(channelId: Int64) {
        guard let slot = slots.removeValue(forKey: channelId) else { return }
        let mask = ~(UInt64(3) << UInt64(slot % 32 * 2))
        for row in 0..<rows.count { words[row * width + slot / 32] &= mask }
        freeSlots.append(slot)
    }

    /// The channel's slot, for `phases(row:slot:)`; nil when it holds no marks of it.
    func existingSlot(of channelId: Int64) -> Int? {
        slots[channelId]
    }

    /// The item's row, for `phases(row:slot:)`; nil when no channel has marked it.
    func row(of itemKey: String) -> Int? {
        rows[itemKey]
    }

    /// The phases marked in a row for a slot: `bit(.due)`, `bit(.overdue)`, both, or 0.
    func phases(row: Int, slot: Int) -> UInt64 {
        words[row * width + slot / 32] >> UInt64(slot % 32 * 2) & 3
    }

    static func bit(_ phase: MarkPhase) -> UInt64 {
        phase == .due ? 1 : 2
    }

    /// The channel's slot, given one if it has none; the rows widen when the slots outgrow them.
    private mutating func slot(of channelId: Int64) -> Int {
        if let slot = slots[channelId] { return slot }
        let slot = freeSlots.popLast() ?? slots.count
        slots[channelId] = slot
        if slot / 32 >= width { widen(to: slot / 32 + 1) }
        return slot
    }

    private mutating func widen(to newWidth: Int) {
        var widened = [UInt64](repeating: 0, count: rows.count * newWidth)
        for row in 0..<rows.count {
            for word in 0..<width { widened[row * newWidth + word] = words[row * width + word] }
        }
        words = widened
        width = newWidth
    }
}
