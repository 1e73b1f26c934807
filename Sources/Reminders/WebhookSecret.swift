import Crypto

/// A webhook channel's signing secret: `whsec_` and the base64 of 24 to 64 random bytes, as Standard Webhooks
/// writes them. The signature is keyed with the decoded bytes.
public enum WebhookSecret {
    public static let prefix = "whsec_"
    /// How many random bytes a secret may hold; the service makes them 32 long.
    public static let keyLengths = 24...64

    /// A new secret of 32 bytes from the system's cryptographic random source.
    public static func generate() -> String {
        prefix + Base64.encode(RandomBytes.make(32))
    }

    /// The key a secret signs with, or nil when `secret` is not `whsec_` followed by padded base64 of 24 to 64
    /// bytes.
    public static func key(of secret: String) -> [UInt8]? {
        guard secret.hasPrefix(prefix), let key = Base64.decode(String(secret.dropFirst(prefix.count))),
            keyLengths.contains(key.count)
        else { return nil }
        return key
    }
}
