/// The cache's state, behind its lock: a slot per application it knows, and the budget's accounting.
extension TimelineCache {
    /// What the cache knows of one application.
    struct Slot {
        /// Bumped by every write that touches the application.
        var generation: UInt64 = 0
        /// The generation as of the last commit that touched it. A generation ahead of it means a write
        /// to the application is inside a transaction still open (or one whose commit failed).
        var committedGeneration: UInt64 = 0
        var entry: Entry?
        /// An entry taken out of `entry` by a write that will extend it once committed; out of there,
        /// the entry's facts have no other owner and grow in place.
        var extending: Entry?
        var representation: Representation?
        /// What `entry`, `extending` and `representation` weigh together, as last counted.
        var bytes = 0

        /// A write touched the application: what was kept of it is stale.
        mutating func bump() {
            generation &+= 1
            release()
        }

        /// Lets go of every kept value; the generations stay.
        mutating func release() {
            entry = nil
            extending = nil
            representation = nil
        }

        /// The entry set aside for extension, leaving none.
        mutating func takeExtending() -> Entry? {
            let taken = extending
            extending = nil
            return taken
        }

        /// The estimated heap of the kept values.
        var weight: Int {
            (entry?.estimatedBytes ?? 0) + (extending?.estimatedBytes ?? 0) + (representation?.estimatedBytes ?? 0)
        }
    }

    /// Every application the cache knows, each in one slot, so that each step of a write finds its application's
    /// state with one lookup; and the order in which the slots holding something were last used.
    struct State {
        /// Where each application's slot lies in `slots`. A slot is never removed, since its generation must never
        /// start over: that costs 150 to 300 bytes per application read or written, outside the budget.
        var positions: [Int64: Int] = [:]
        var slots: [Slot] = []
        /// The positions of the slots that hold anything, least recently used first.
        var recency = RecencyList()
        /// The most bytes the slots may hold together.
        let budget: Int
        /// The bytes they hold now: the sum of their `bytes`.
        var bytes = 0
        /// Slots emptied to stay within the budget, since start.
        var evictions = 0
        var epoch: UInt64 = 0
        /// The epoch as of the last commit that changed everything.
        var committedEpoch: UInt64 = 0

        init(budget: Int) {
            self.budget = budget
        }

        func generation(_ id: Int64) -> UInt64 { positions[id].map { slots[$0].generation } ?? 0 }

        func token(_ id: Int64) -> Token { Token(generation: generation(id), epoch: epoch) }

        /// The position of the application's slot, made if missing.
        mutating func position(_ id: Int64) -> Int {
            if let position = positions[id] { return position }
            slots.append(Slot())
            positions[id] = slots.count - 1
            return slots.count - 1
        }

        /// Runs `body` on the application's slot, made if missing, and counts its bytes again. With `using`
        /// (`body` kept a value), the slot becomes the most recently used, and the least recently used are
        /// emptied while the bytes exceed the budget.
        mutating func update<T>(_ id: Int64, using: Bool = false, _ body: (inout Slot) -> T) -> T {
            let position = position(id)
            let result = body(&slots[position])
            let weight = slots[position].weight
            bytes += weight - slots[position].bytes
            slots[position].bytes = weight
            if weight == 0 {
                recency.remove(position)
            } else if using {
                recency.touch(position)
                while bytes > budget, let oldest = recency.oldest {
                    release(oldest)
                    evictions += 1
                }
            }
            return result
        }

        /// A read found what the slot at `position` keeps: it becomes the most recently used. A few array
        /// accesses, no allocation.
        mutating func used(_ position: Int) {
            recency.touch(position)
        }

        private mutating func release(_ position: Int) {
            slots[position].release()
            bytes -= slots[position].bytes
            slots[position].bytes = 0
            recency.remove(position)
        }

        /// Lets go of every kept value, keeping generations; only the slots holding something are visited.
        mutating func releaseAll() {
            var next = recency.oldest
            while let position = next {
                next = recency.newer(than: position)
                slots[position].release()
                slots[position].bytes = 0
            }
            recency.removeAll()
            bytes = 0
        }
    }
}
