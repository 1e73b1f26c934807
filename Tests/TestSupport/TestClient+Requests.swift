import Foundation

extension TestClient {
    /// Sends one request on this connection and reads its response. `Host` is `localhost` unless `headers`
    /// name another.
    public func request(
        _ method: String, _ target: String, body: String? = nil, contentType: String? = "application/json",
        headers: [(String, String)] = []
    ) throws -> RawResponse {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { head += "Host: localhost\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body {
            if let contentType { head += "Content-Type: \(contentType)\r\n" }
            head += "Content-Length: \(body.utf8.count)\r\n"
        }
        try send(head + "\r\n" + (body ?? ""))
        return try readResponse(head: method == "HEAD")
    }
}

extension RawResponse {
    /// The body parsed as JSON (objects as dictionaries), or nil.
    public var json: Any? {
        try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    public var object: [String: Any] { json as? [String: Any] ?? [:] }
}
