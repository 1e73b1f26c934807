import Crypto

/// The ids messages are sent under: a webhook's `webhook-id`, the same on every attempt, so that a receiver can
/// drop a message sent again after a commit was lost.
public enum MessageIDs {
    /// `msg_` and 24 base64url characters: 18 bytes (144 bits) from the system's cryptographic random source,
    /// so that two messages never share an id.
    public static func make() -> String {
        // Three draws of eight bytes rather than eighteen of one: each draw is a system call.
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<3).flatMap { _ in withUnsafeBytes(of: generator.next() as UInt64) { Array($0) } }
        return "msg_" + Base64.encodeURL(Array(bytes.prefix(18)))
    }
}
