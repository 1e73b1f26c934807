import Store
import Synchronization

/// The count of delivery attempts for each channel kind and outcome, added to by the sender's threads and read at
/// every scrape. One lock for all: an attempt is a network request, next to which taking it costs nothing.
final class DeliveryCounters: Sendable {
    private let counts = Mutex([Int](repeating: 0, count: ChannelKind.allCases.count * Metrics.deliveryOutcomes.count))

    /// Adds one to the series of `kind` and the outcome at `outcome` in `Metrics.deliveryOutcomes`.
    func add(kind: ChannelKind, outcome: Int) {
        guard let kindIndex = ChannelKind.allCases.firstIndex(of: kind) else { return }
        counts.withLock { $0[kindIndex * Metrics.deliveryOutcomes.count + outcome] += 1 }
    }

    /// Every count, kinds in `ChannelKind.allCases` order, each with its outcomes in order.
    func snapshot() -> [Int] {
        counts.withLock { $0 }
    }
}
