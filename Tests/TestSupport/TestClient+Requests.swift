import Foundation

extension TestClient {
    /// Sends one request on this connection and reads its response. `Host` is `localhost` unless `headers`
    /// name another.
    public func request(
        _ method: String, _ target: String, body: String? = nil, contentType: String? = "application/json",
        headers: [(String, String)] = []
    ) throws -> RawResponse {
        try send(Self.message(method, target, body: body, contentType: contentType, headers: headers))
        return try readResponse(head: method == "HEAD")
    }

    /// The text of one request as `request` sends it: `Host: localhost` unless `headers` name another, then
    /// `headers`, then, with a body, its `Content-Type` (unless nil) and `Content-Length`.
    public static func message(
        _ method: String, _ target: String, body: String? = nil, contentType: String? = "application/json",
        headers: [(String, String)] = []
    ) -> String {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { head += "Host: localhost\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body {
            if let contentType { head += "Content-Type: \(contentType)\r\n" }
            head += "Content-Length: \(body.utf8.count)\r\n"
        }
        return head + "\r\n" + (body ?? "")
    }
}

extension RawResponse {
    /// The body parsed as JSON (objects as dictionaries), or nil.
    public var json: Any? {
        try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    public var object: [String: Any] { json as? [String: Any] ?? [:] }
}
