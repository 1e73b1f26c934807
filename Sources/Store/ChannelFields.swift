/// What a client (or the service acting on a channel) may write on a channel: everything but the id, the
/// timestamps, the version and the two counters the scheduler and the sender keep (`gaveUpInRow`,
/// `lastDigestDate`).
///
/// The Store checks only what its schema does (the kind and the mode are closed sets); lengths, URLs and the
/// shape of `digestAt` and of the secrets are the API's to check.
public struct ChannelFields: Sendable, Equatable {
    /// Required; the API limits its length.
    public var name: String
    /// Fixed after creation: the API refuses to change it, the Store stores what it is given.
    public var kind: ChannelKind
    /// Where messages go; what it means depends on the kind.
    public var url: String
    /// The ntfy access token or the Gotify application token; never shown to clients.
    public var token: String?
    /// A webhook's signing secret (`whsec_` + base64); nil for the other kinds.
    public var secret: String?
    /// The secret `secret` replaced, still signed with until `previousSecretUntil`.
    public var previousSecret: String?
    /// Milliseconds since the Unix epoch (UTC) after which `previousSecret` is no longer signed with.
    public var previousSecretUntil: Int64?
    /// False stops sending: deliveries of a disabled channel stay in the outbox and are not due.
    public var enabled: Bool
    /// Why the service disabled the channel (a 410, too many deliveries given up in a row); nil otherwise.
    public var disabledReason: String?
    /// One message per item phase, or a daily digest.
    public var mode: ChannelMode
    /// Local time `HH:MM`, in the settings' time zone, at which a digest channel sends; opaque text here.
    public var digestAt: String
    /// The agenda actions the channel carries (`follow_up`, `thank_you`…), as names; stored as a JSON array.
    public var actions: [String]

    /// Makes the fields. Everything the contract gives a default has the same one here but `actions`, whose
    /// default (every action) the caller knows and the Store does not.
    public init(
        name: String, kind: ChannelKind, url: String, token: String? = nil, secret: String? = nil,
        previousSecret: String? = nil, previousSecretUntil: Int64? = nil, enabled: Bool = true,
        disabledReason: String? = nil, mode: ChannelMode = .each, digestAt: String = "08:00", actions: [String]
    ) {
        self.name = name
        self.kind = kind
        self.url = url
        self.token = token
        self.secret = secret
        self.previousSecret = previousSecret
        self.previousSecretUntil = previousSecretUntil
        self.enabled = enabled
        self.disabledReason = disabledReason
        self.mode = mode
        self.digestAt = digestAt
        self.actions = actions
    }
}
