/// The status line and header fields of one response (RFC 9112 §4, §5), as much of them as the client acts on:
/// the status, what frames the body, whether the connection stays open, and what retrying needs.
struct ResponseHead: Sendable, Equatable {
    /// How the body of a response ends (RFC 9112 §6.3).
    enum Framing: Sendable, Equatable {
        /// No body: a 1xx, 204 or 304, or the answer to a HEAD.
        case noBody
        case length(Int)
        case chunked
        /// The body ends when the connection does.
        case untilClose
    }

    /// The `1` of `HTTP/1.1`: 0 or 1 (or any digit a later 1.x sends).
    var minorVersion: Int
    var status: Int
    /// The fields in the order they came, names lowercased, values without surrounding whitespace.
    var fields: [(name: String, value: String)]

    static func == (left: ResponseHead, right: ResponseHead) -> Bool {
        left.minorVersion == right.minorVersion && left.status == right.status
            && left.fields.map(\.name) == right.fields.map(\.name)
            && left.fields.map(\.value) == right.fields.map(\.value)
    }

    /// The first value of the field `name` (lowercase), or nil.
    func value(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The comma-separated elements of every field `name` (RFC 9110 §5.6.1), lowercased.
    func tokens(_ name: String) -> [String] {
        fields.filter { $0.name == name }.flatMap { field in
            field.value.split(separator: ",").map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
        }
    }

    /// Whether this is an interim response, to be skipped for the final one (RFC 9110 §15.2). `101 Switching
    /// Protocols` is not: it would end HTTP on the connection, which this client never asks for.
    var isInterim: Bool { (100...199).contains(status) && status != 101 }

    /// How the body ends, or nil when the fields contradict each other: a `Content-Length` that is not a number, or
    /// two that differ (RFC 9112 §6.3: the user agent must close the connection and discard the response).
    func framing(requestMethod: String) -> Framing? {
        if requestMethod == "HEAD" || (100...199).contains(status) || status == 204 || status == 304 { return .noBody }
        let codings = tokens("transfer-encoding")
        if !codings.isEmpty {
            // Chunked last frames the body; any other coding last leaves only the connection's end to frame it.
            return codings.last == "chunked" ? .chunked : .untilClose
        }
        let lengths = fields.filter { $0.name == "content-length" }.flatMap {
            $0.value.split(separator: ",", omittingEmptySubsequences: false)
        }
        guard !lengths.isEmpty else { return .untilClose }
        // A list of one value repeated may be taken as that value (RFC 9110 §8.6).
        let values = Set(lengths.map { $0.trimmingWhitespace() })
        guard values.count == 1, let text = values.first, (1...18).contains(text.count),
            text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let length = Int(text)
        else { return nil }
        return .length(length)
    }

    /// Whether the connection may carry another request once this response is read whole (RFC 9112 §9.3): in
    /// HTTP/1.1 unless `close` is said, in HTTP/1.0 only when `keep-alive` is; never when both a
    /// `Transfer-Encoding` and a `Content-Length` came (§6.3: the connection must be closed after).
    var keepsConnection: Bool {
        let connection = tokens("connection")
        if connection.contains("close") || status == 101 { return false }
        if value("transfer-encoding") != nil && value("content-length") != nil { return false }
        return minorVersion >= 1 || connection.contains("keep-alive")
    }
}

extension Substring {
    /// Without the spaces and tabs around it (optional whitespace, RFC 9110 §5.6.3).
    fileprivate func trimmingWhitespace() -> Substring {
        let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isWhitespace($0) }), let last = lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return self[first...last]
    }
}
