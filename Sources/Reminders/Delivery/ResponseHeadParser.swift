/// Reads a response head (RFC 9112 §4, §5): `HTTP/1.x SP 3DIGIT [SP reason] CRLF *(field-line CRLF) CRLF`.
///
/// Pure and bounded: it is given the bytes read so far and says whether they hold a whole head, and how long it is.
/// A line may end in a bare LF, which RFC 9112 §2.2 lets a recipient take as a line's end. Folded field lines
/// (obs-fold, §5.2) are refused, not unfolded: nothing current sends them, and a folded framing field is one more
/// way to read a body's end differently from the receiver on a connection that is kept.
enum ResponseHeadParser {
    /// What the bytes so far hold.
    enum Outcome: Sendable, Equatable {
        /// No whole head yet, and room left for one: read more.
        case incomplete
        /// A head, and how many bytes it took (its empty line included).
        case head(ResponseHead, length: Int)
        case invalid(Problem)
    }

    /// Why the bytes are not a response head.
    enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case notHTTP
        case folded
        case tooLong

        var description: String {
            switch self {
            case .notHTTP: return "the response was not HTTP"
            case .folded: return "the response was not HTTP: a header line is folded"
            case .tooLong: return "the response head is too long"
            }
        }
    }

    /// The longest head taken, its empty line included: far beyond what any receiver answers with.
    static let defaultLimit = 16 * 1024

    /// Whether `bytes` start with a whole head of at most `limit` bytes. A caller that reads in pieces passes how
    /// many of the bytes it had already given without a head ending among them, so that the search for the end
    /// does not start over at every read.
    static func parse(_ bytes: ArraySlice<UInt8>, limit: Int = defaultLimit, searched: Int = 0) -> Outcome {
        // An empty line ends at an LF, and every LF among the bytes searched was looked back from already.
        let start = bytes.startIndex + max(0, min(searched, bytes.count))
        guard let length = headLength(bytes, searchingFrom: start) else {
            return bytes.count >= limit ? .invalid(.tooLong) : .incomplete
        }
        guard length <= limit else { return .invalid(.tooLong) }
        switch head(bytes[bytes.startIndex..<(bytes.startIndex + length)]) {
        case .success(let head): return .head(head, length: length)
        case .failure(let problem): return .invalid(problem)
        }
    }

    /// The length of the head at the start of `bytes` (up to and including the empty line that ends it), looking
    /// for that line's end from `start` on.
    private static func headLength(_ bytes: ArraySlice<UInt8>, searchingFrom start: Int) -> Int? {
        var index = max(start, bytes.startIndex)
        while let newline = bytes[index...].firstIndex(of: lf) {
            // An empty line: LF right after the previous line's LF, or after its LF and a CR.
            let before = newline - 1
            if before >= bytes.startIndex && bytes[before] == lf { return newline + 1 - bytes.startIndex }
            if before > bytes.startIndex && bytes[before] == cr && bytes[before - 1] == lf {
                return newline + 1 - bytes.startIndex
            }
            index = newline + 1
        }
        return nil
    }

    /// The head in `bytes`, which end with its empty line.
    private static func head(_ bytes: ArraySlice<UInt8>) -> Result<ResponseHead, Problem> {
        var lines = bytes.split(separator: lf, omittingEmptySubsequences: false).map { line in
            line.last == cr ? line.dropLast() : line
        }
        // The split leaves the empty line and what follows its LF (nothing).
        lines.removeLast(2)
        guard let statusLine = lines.first, let (minor, status) = self.statusLine(statusLine) else {
            return .failure(.notHTTP)
        }
        var fields: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let first = line.first, first != space && first != htab else { return .failure(.folded) }
            guard let field = self.field(line) else { return .failure(.notHTTP) }
            fields.append(field)
        }
        return .success(ResponseHead(minorVersion: minor, status: status, fields: fields))
    }

    /// `HTTP/1.x SP 3DIGIT [SP reason-phrase]`: the minor version and the status (100 to 599, RFC 9110 §15).
    private static func statusLine(_ line: ArraySlice<UInt8>) -> (Int, Int)? {
        let bytes = Array(line)
        guard bytes.count >= 12, bytes.starts(with: statusLinePrefix), isDigit(bytes[7]), bytes[8] == space,
            bytes[9...11].allSatisfy(isDigit), bytes.count == 12 || bytes[12] == space,
            bytes[12...].allSatisfy({ $0 == htab || ($0 >= space && $0 != 0x7F) })
        else { return nil }
        let status = bytes[9...11].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard (100...599).contains(status) else { return nil }
        return (Int(bytes[7] - 0x30), status)
    }

    /// `field-name ":" OWS field-value OWS`, the name lowercased; nil when the name is not a token (whitespace
    /// before the colon included, RFC 9112 §5.1) or the value holds a control character.
    private static func field(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
            line[..<colon].allSatisfy(isTokenCharacter)
        else { return nil }
        var value = line[(colon + 1)...]
        while let first = value.first, first == space || first == htab { value = value.dropFirst() }
        while let last = value.last, last == space || last == htab { value = value.dropLast() }
        guard value.allSatisfy({ $0 == htab || ($0 >= space && $0 != 0x7F) }) else { return nil }
        let name = String(decoding: line[..<colon].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        return (name, String(decoding: value, as: UTF8.self))
    }

    /// Whether `bytes` can be the start of a status line: `HTTP/1.` as far as they go. Bytes that cannot are no
    /// response, and waiting for more would only wait for the deadline.
    static func couldStartHead(_ bytes: ArraySlice<UInt8>) -> Bool {
        zip(bytes, statusLinePrefix).allSatisfy { $0 == $1 }
    }

    private static let statusLinePrefix = Array("HTTP/1.".utf8)

    /// tchar (RFC 9110 §5.6.2): `!#$%&'*+-.^_`|~`, digits and letters.
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return tokenPunctuation.contains(byte)
        }
    }

    private static let tokenPunctuation = Set("!#$%&'*+-.^_`|~".utf8)
    private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let htab = UInt8(ascii: "\t")
}
