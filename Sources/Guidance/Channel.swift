/// Channels are free lowercase tokens; these are the ones the guidance calls standard.
public enum Channel {
    public static let letter = "letter"
    public static let email = "email"
    public static let phone = "phone"
    public static let inPerson = "in_person"
    public static let video = "video"

    /// The longest channel token accepted.
    public static let maximumLength = 40

    /// The ordinary business channels for contact the seeker makes (`standard-channels`).
    public static let standard: Set<String> = [letter, email, phone]

    /// Interviews may also take place face to face or over video.
    public static let interview: Set<String> = [letter, email, phone, inPerson, video]

    /// Whether a string is a channel token at all: 1 to 40 characters from `a`–`z`, `0`–`9`, `_` and `-`,
    /// starting with a letter. A malformed token is a bad request; a well-formed but unusual one is a guidance
    /// matter.
    public static func isWellFormed(_ channel: String) -> Bool {
        let bytes = channel.utf8
        guard let first = bytes.first, bytes.count <= maximumLength, isLetter(first) else {
            return false
        }
        return bytes.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    /// Whether `standard-channels` lets an event of this kind use this channel. Only outbound contact and
    /// interviews are held to the rule; how others reach the seeker is theirs to choose.
    public static func isAllowed(_ channel: String, for kind: EventKind) -> Bool {
        if kind == .interview {
            return interview.contains(channel)
        }
        if kind.direction == .outbound {
            return standard.contains(channel)
        }
        return true
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
