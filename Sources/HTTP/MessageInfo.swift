/// What a complete head says about the message around it: how its body is framed, whether the
/// client waits for a 100 (Continue), and whether the connection stays open afterwards.
public struct MessageInfo: Sendable, Equatable {
    /// How the body is delimited (RFC 9112 §6.3).
    public var framing: BodyFraming
    /// `Expect: 100-continue` on an HTTP/1.1 request that has a body to wait for (RFC 9110 §10.1.1).
    public var expectsContinue: Bool
    /// Whether the connection persists after the response (RFC 9112 §9.3): HTTP/1.1 unless
    /// `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool

    public init(framing: BodyFraming, expectsContinue: Bool, keepAlive: Bool) {
        self.framing = framing
        self.expectsContinue = expectsContinue
        self.keepAlive = keepAlive
    }
}
