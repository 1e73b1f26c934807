/// Conditions on the deliveries list; nil means no condition. All given conditions must hold.
public struct DeliveryFilter: Sendable, Equatable {
    /// Deliveries to this channel only.
    public var channelId: Int64?
    /// Deliveries in this status only.
    public var status: DeliveryStatus?

    /// Makes a filter.
    public init(channelId: Int64? = nil, status: DeliveryStatus? = nil) {
        self.channelId = channelId
        self.status = status
    }
}
