/// A rule with the current values of its parameters: one element of `GET /v1/guidance`'s `rules`.
public struct RuleEntry: Equatable, Encodable, Sendable {
    public let id: RuleID
    public let severity: Severity
    public let summary: String
    /// Parameter values in the rule's own order.
    public let parameters: [(parameter: GuidanceParameter, value: Int)]

    public init(_ description: RuleDescription, settings: GuidanceSettings) {
        id = description.id
        severity = description.severity
        summary = description.summary
        parameters = description.parameters.map { (parameter: $0, value: settings[$0]) }
    }

    public static func == (lhs: RuleEntry, rhs: RuleEntry) -> Bool {
        lhs.id == rhs.id && lhs.severity == rhs.severity && lhs.summary == rhs.summary
            && lhs.parameters.map(\.parameter) == rhs.parameters.map(\.parameter)
            && lhs.parameters.map(\.value) == rhs.parameters.map(\.value)
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// `{"id", "severity", "summary", "parameters": {name: value}}`. `JSONEncoder` does not keep key order; encode
    /// with `.sortedKeys` when the bytes must be stable (an ETag hashed from the body).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: Key("id"))
        try container.encode(severity, forKey: Key("severity"))
        try container.encode(summary, forKey: Key("summary"))
        var values = container.nestedContainer(keyedBy: Key.self, forKey: Key("parameters"))
        for (parameter, value) in parameters {
            try values.encode(value, forKey: Key(parameter.rawValue))
        }
    }
}
