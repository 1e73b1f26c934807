import Outgoing

/// The bytes of a request (RFC 9112 §3, §5, §6): the request line, `Host`, the request's own fields in order,
/// `Content-Length`, and the body.
extension PlainHTTPClient {
    /// Fields the client writes itself, from the URL and the body: a request that brings its own would frame
    /// itself twice.
    static let fieldsOfTheClient: Set<String> = ["host", "content-length", "transfer-encoding"]

    /// The request as sent, or why it is not sent at all. A field value with CR, LF or NUL would end the field
    /// early, and what followed would be read as more fields or as the next request (RFC 9110 §5.5): such a request
    /// is refused whole, before anything is written, and the failure says which field without telling its value
    /// (it may be a token).
    static func requestBytes(_ request: OutgoingRequest, url: ReceiverURL) -> Result<[UInt8], HTTPAttempt.Failure> {
        let method = request.method
        guard !method.isEmpty, method.utf8.allSatisfy(ResponseHeadParser.isTokenCharacter) else {
            return .failure(.transport("the request's method is not a token: nothing was sent"))
        }
        var head = "\(method) \(url.target) HTTP/1.1\r\nHost: \(url.authority)\r\n"
        for field in request.headers {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(ResponseHeadParser.isTokenCharacter) else {
                return .failure(.transport("a header name of the request is not a token: nothing was sent"))
            }
            guard !field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                return .failure(.transport("the request's \(field.name) header holds CR, LF or NUL: nothing was sent"))
            }
            guard !fieldsOfTheClient.contains(field.name.lowercased()) else {
                return .failure(
                    .transport("the request's \(field.name) header is the client's to write: nothing was sent"))
            }
            head += "\(field.name): \(field.value)\r\n"
        }
        // A POST says its length even when it has no body (RFC 9110 §8.6); a GET or HEAD without one says nothing.
        if !request.body.isEmpty || !["GET", "HEAD", "DELETE", "OPTIONS"].contains(method) {
            head += "Content-Length: \(request.body.count)\r\n"
        }
        head += "\r\n"
        var bytes = Array(head.utf8)
        bytes.append(contentsOf: request.body)
        return .success(bytes)
    }
}
