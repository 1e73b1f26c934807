/// The flat JSON shape of the settings resource: `time_zone`, `skip_weekends`, then each parameter by name.
///
/// Decoding requires every field (the resource is replaced whole); ranges are checked by `validate()`, not here.
extension GuidanceSettings: Codable {
    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        self.init()
        timeZone = try container.decode(String.self, forKey: Key("time_zone"))
        skipWeekends = try container.decode(Bool.self, forKey: Key("skip_weekends"))
        for parameter in GuidanceParameter.allCases {
            self[parameter] = try container.decode(Int.self, forKey: Key(parameter.rawValue))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(timeZone, forKey: Key("time_zone"))
        try container.encode(skipWeekends, forKey: Key("skip_weekends"))
        for parameter in GuidanceParameter.allCases {
            try container.encode(self[parameter], forKey: Key(parameter.rawValue))
        }
    }
}
