/// What a write job returned once its group commit was durable, with what its writes changed.
public struct Committed<Value: Sendable>: Sendable {
    /// What the job returned.
    public let value: Value
    /// What its writes changed, as the Store derived it from them.
    public let change: StoreChange
}
