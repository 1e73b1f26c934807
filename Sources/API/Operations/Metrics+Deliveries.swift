import Reminders
import Store
import Time

/// The reminders on `/metrics`: every delivery attempt by channel kind and outcome, and the outbox's depth and
/// age. The labels come from closed sets (the four kinds, four outcomes, four statuses), so every series is
/// written from the first scrape, at 0 until something happens.
extension Metrics {
    /// The outcome labels of `notapest_deliveries_total`, in the order they are written.
    static let deliveryOutcomes = SendOutcome.allCases.map(\.rawValue)

    /// Counts one delivery taken up by the sender for a channel of `kind` (a test message too), by what came of
    /// it: an attempt's outcome, or its withdrawal unsent. Called by the sender, from any thread.
    public func recordDelivery(kind: ChannelKind, outcome: SendOutcome) {
        deliveries.add(kind: kind, outcome: SendOutcome.allCases.firstIndex(of: outcome) ?? 0)
    }

    /// Registers the deliveries counter and the outbox gauges, read from `store` at every scrape, the age
    /// measured by `now`.
    func registerOutbox(store: Store, now: @escaping @Sendable () -> Instant) {
        collector { [deliveries] in
            var out = "# HELP notapest_deliveries_total Attempts to send a delivery, by channel kind and outcome.\n"
            out += "# TYPE notapest_deliveries_total counter\n"
            let counts = deliveries.snapshot()
            for (kindIndex, kind) in ChannelKind.allCases.enumerated() {
                for (outcomeIndex, outcome) in Self.deliveryOutcomes.enumerated() {
                    let value = counts[kindIndex * Self.deliveryOutcomes.count + outcomeIndex]
                    out += "notapest_deliveries_total{kind=\"\(kind.rawValue)\",outcome=\"\(outcome)\"} \(value)\n"
                }
            }
            return out
        }
        collector {
            guard let counts = try? store.read({ try $0.deliveryCounts() }) else { return "" }
            var out = "# HELP notapest_outbox_deliveries Deliveries kept in the outbox, by status.\n"
            out += "# TYPE notapest_outbox_deliveries gauge\n"
            for status in DeliveryStatus.allCases {
                out += "notapest_outbox_deliveries{status=\"\(status.rawValue)\"} \(counts.byStatus[status] ?? 0)\n"
            }
            let age = counts.oldestWaitingCreatedAt.map { max(0, now().millis - $0) } ?? 0
            out += "# HELP notapest_outbox_oldest_waiting_age_seconds How long the oldest delivery still to be sent "
            out += "(pending or failed) has waited; 0 when none waits.\n"
            out += "# TYPE notapest_outbox_oldest_waiting_age_seconds gauge\n"
            out += "notapest_outbox_oldest_waiting_age_seconds \(Self.number(Double(age) / 1000))\n"
            return out
        }
    }
}
