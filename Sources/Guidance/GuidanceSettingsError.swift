/// Why a settings value was refused; each case names the field so the caller can report it.
public enum GuidanceSettingsError: Error, Equatable, Sendable {
    /// A parameter lies outside the range the settings accept.
    case outOfRange(GuidanceParameter, value: Int)
    /// The time zone is not an IANA zone name this system knows.
    case unknownTimeZone(String)

    /// The settings field at fault, as the settings resource names it.
    public var field: String {
        switch self {
        case .outOfRange(let parameter, _): return parameter.rawValue
        case .unknownTimeZone: return "time_zone"
        }
    }

    /// A sentence for the person who sent the value.
    public var message: String {
        switch self {
        case .outOfRange(let parameter, let value):
            let range = parameter.allowedRange
            return "\(value) is outside \(range.lowerBound)...\(range.upperBound) for \(parameter.rawValue)"
        case .unknownTimeZone(let name):
            return "\"\(name)\" is not a known IANA time zone name (for example Europe/Paris, or UTC)"
        }
    }
}
