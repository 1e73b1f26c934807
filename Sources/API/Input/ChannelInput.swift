import Guidance
import JSON
import Reminders
import Store

/// A channel as a client writes it, new (`POST /v1/channels`) or patched: every member checked, the malformed
/// ones named at once (400), then what the kind does not allow (422).
struct ChannelInput {
    static let writable: Set<String> = [
        "name", "kind", "url", "token", "secret", "enabled", "mode", "digest_at", "actions",
    ]
    static let readOnly: Set<String> = ["id", "created_at", "updated_at", "disabled_reason"]
    static let kinds = ChannelKind.allCases.map(\.rawValue)
    static let modes = ChannelMode.allCases.map(\.rawValue)
    /// Every agenda action, in the order an error lists them and a channel carries them by default.
    static let actions = AgendaAction.allCases.map(\.rawValue)
    /// A token is a push service's credential; none is near this long.
    static let maxTokenLength = 1_024
    /// Base64 of the most bytes a secret may hold, with its prefix.
    static let maxSecretLength = WebhookSecret.prefix.count + (WebhookSecret.keyLengths.upperBound + 2) / 3 * 4
    /// The most channels kept: each is woken for every item, and a list of them is read at every wake-up.
    static let maxChannels = 100

    /// The fields read; `secret` is nil for a webhook whose secret the service is to make.
    var fields: ChannelFields

    /// Reads a new channel, or a patched one over `current` (the members of a merge patch applied to its
    /// representation): there the kind cannot change, the token is kept unless the patch names it, the secrets
    /// are kept, and `disabled_reason` is kept only while the channel stays disabled and the patch leaves
    /// `enabled` alone.
    init(_ object: JSONObject, patch: JSONObject? = nil, current: ChannelRecord? = nil) throws(APIError) {
        var reader = FieldReader(object, allowed: Self.writable, readOnly: Self.readOnly)
        let name = reader.string("name", max: Limits.name, required: true)
        let kind = reader.choice("kind", in: Self.kindsByName, names: Self.kinds, required: true)
        let url = reader.string("url", max: ChannelURL.maxLength, required: true)
        if let url, let problem = ChannelURL.malformation(url) { reader.fail("url", problem) }
        let token = reader.string("token", max: Self.maxTokenLength)
        if let token, token.isEmpty || !token.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) {
            reader.fail("token", "must be 1 to \(Self.maxTokenLength) visible ASCII characters, without spaces")
        }
        var secret: String?
        if current != nil, patch?["secret"] != nil {
            reader.fail("secret", "is made with the channel and replaced by POST /v1/channels/{id}/secret")
        } else {
            secret = reader.string("secret", max: Self.maxSecretLength)
            if let given = secret, WebhookSecret.key(of: given) == nil {
                reader.fail("secret", "must be whsec_ followed by the padded base64 of 24 to 64 bytes")
            }
        }
        let enabled = reader.bool("enabled") ?? true
        let mode = reader.choice("mode", in: Self.modesByName, names: Self.modes) ?? .each
        var digestAt = "08:00"
        if let value = object["digest_at"], value != .null {
            if let text = value.stringValue, LocalTime.isValid(text) {
                digestAt = text
            } else {
                reader.fail("digest_at", LocalTime.expected)
            }
        }
        let actions = Self.actions(&reader, object["actions"])
        try reader.finish()
        guard let name, let kind, let url else { throw .invalid([FieldError("body", "is incomplete")]) }

        var fields = ChannelFields(
            name: name, kind: kind, url: url, token: token, secret: secret, enabled: enabled, mode: mode,
            digestAt: digestAt, actions: actions)
        if let current {
            // What a merge patch cannot show: the members the representation never holds.
            switch patch?["token"] {
            case nil: fields.token = current.token
            case .null?: fields.token = nil
            default: break
            }
            fields.secret = current.secret
            fields.previousSecret = current.previousSecret
            fields.previousSecretUntil = current.previousSecretUntil
            // An enabled channel has no reason to be disabled, and one the client disabled has none of the
            // service's.
            fields.disabledReason = fields.enabled || patch?["enabled"] != nil ? nil : current.disabledReason
        }
        try Self.checkKind(fields, current: current)
        self.fields = fields
    }

    /// What the kind does not allow (422): a kind changed, a token where none is taken or missing where one is
    /// needed, a secret on another kind than a webhook, an ntfy URL without a topic.
    private static func checkKind(_ fields: ChannelFields, current: ChannelRecord?) throws(APIError) {
        // What follows from another kind would only repeat that the kind cannot change.
        if let current, current.kind != fields.kind {
            throw .unprocessable([
                FieldError(
                    "kind", "is fixed once the channel is made (it is \(current.kind.rawValue)); make a new channel")
            ])
        }
        var errors: [FieldError] = []
        switch fields.kind {
        case .webhook, .apprise:
            if fields.token != nil {
                errors.append(FieldError("token", "is taken by ntfy and gotify channels only"))
            }
        case .gotify:
            if fields.token == nil {
                errors.append(FieldError("token", "is required for a gotify channel (its application token)"))
            }
        case .ntfy:
            if let problem = ChannelURL.ntfyProblem(fields.url) { errors.append(FieldError("url", problem)) }
        }
        if fields.kind != .webhook, fields.secret != nil {
            errors.append(FieldError("secret", "belongs to webhook channels only"))
        }
        if !errors.isEmpty { throw .unprocessable(errors) }
    }

    /// The `actions` member: distinct agenda actions, at least one; all five when absent or null.
    private static func actions(_ reader: inout FieldReader, _ value: JSON?) -> [String] {
        guard let value, value != .null else { return Self.actions }
        guard case .array(let items) = value else {
            reader.fail("actions", "must be an array of agenda actions")
            return Self.actions
        }
        guard !items.isEmpty else {
            reader.fail("actions", "must name at least one agenda action (or be left out for all of them)")
            return Self.actions
        }
        var actions: [String] = []
        for (index, item) in items.enumerated() {
            guard let name = item.stringValue, Self.actions.contains(name) else {
                reader.fail("actions[\(index)]", "must be one of: " + Self.actions.joined(separator: ", "))
                continue
            }
            if actions.contains(name) {
                reader.fail("actions[\(index)]", "repeats \(name)")
                continue
            }
            actions.append(name)
        }
        return actions
    }

    static let kindsByName = Dictionary(uniqueKeysWithValues: ChannelKind.allCases.map { ($0.rawValue, $0) })
    static let modesByName = Dictionary(uniqueKeysWithValues: ChannelMode.allCases.map { ($0.rawValue, $0) })
}
