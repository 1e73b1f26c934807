import HTTP
import Testing

/// Row types the parser's and the chunked decoder's tables share.
enum ParserTestRows {
    /// A header or trailer field expected in a result.
    struct Field: Sendable, Equatable {
        let name: String
        let value: String
        init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Input that must fail with a status, for a named reason.
    struct Malformed: Sendable, CustomTestStringConvertible {
        let name: String
        let raw: [UInt8]
        let status: Int
        /// A phrase of the problem detail, showing the row fails for the reason it names.
        let because: String
        var limits = ParserLimits()
        var testDescription: String { name }
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
