/// Which push service a channel speaks to; fixed when the channel is made. The stored text is the raw value.
public enum ChannelKind: String, Sendable, Equatable, CaseIterable {
    /// A signed JSON POST to any URL (Standard Webhooks).
    case webhook
    /// An ntfy server and topic.
    case ntfy
    /// A Gotify server.
    case gotify
    /// An Apprise API server's notify URL.
    case apprise
}
