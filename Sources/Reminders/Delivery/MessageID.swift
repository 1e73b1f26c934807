import Crypto

/// A delivery's message id: `msg_` and 24 base64url characters (18 random bytes), made once when the message is
/// queued and sent as the webhook's `webhook-id` on every attempt, so that a receiver can drop a message it already
/// has (Standard Webhooks 1.0, "Webhook id").
public enum MessageID {
    public static let prefix = "msg_"
    /// 18 bytes make 24 base64 characters, with no padding.
    static let randomBytes = 18

    /// A new id from the system's cryptographic random source.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// A new id from `generator`, for tests that need the same ids every run.
    public static func make(using generator: inout some RandomNumberGenerator) -> String {
        prefix + Base64.encodeURL(RandomBytes.make(randomBytes, using: &generator))
    }
}
