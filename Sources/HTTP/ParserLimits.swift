/// Size limits the parser enforces on what arrives from the network.
public struct ParserLimits: Sendable, Equatable {
    /// Longest request-target, in bytes; longer is 414 (RFC 9112 §3).
    public var maxTargetBytes: Int
    /// Largest header section (request line included), in bytes; larger is 431 (RFC 6585 §5).
    public var maxHeaderBytes: Int
    /// Most header fields; more is 431.
    public var maxHeaderCount: Int
    /// Largest body, in bytes, decoded; larger is 413 (RFC 9110 §15.5.14).
    public var maxBodyBytes: Int

    public init(
        maxTargetBytes: Int = 8 * 1024, maxHeaderBytes: Int = 32 * 1024, maxHeaderCount: Int = 100,
        maxBodyBytes: Int = 1024 * 1024
    ) {
        self.maxTargetBytes = maxTargetBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
