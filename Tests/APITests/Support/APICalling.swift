/// What a test calls the service through: its routes in this process (`InProcessAPI`), or the whole server over a
/// socket (`APIServer`). Helpers that only fill the service with data take either.
protocol APICalling {
    associatedtype Answer: TestResponse

    /// The clock the service reads.
    var clock: TestClock { get }

    /// One request; `contentType` is sent only with a body, and not at all when nil.
    func send(
        _ method: String, _ target: String, body: String?, contentType: String?, headers: [(String, String)]
    ) throws -> Answer
}

extension APICalling {
    /// One request, with a JSON body if any.
    func call(_ method: String, _ target: String, _ body: String? = nil, headers: [(String, String)] = [])
        throws -> Answer
    {
        try send(method, target, body: body, contentType: "application/json", headers: headers)
    }

    /// Creates a resource and returns its id, failing loudly otherwise.
    func create(_ target: String, _ body: String) throws -> Int {
        let response = try call("POST", target, body)
        guard response.status == 201, let created = try? response.decode(Created.self) else {
            throw CallFailure("POST \(target) gave \(response.status): \(response.bodyText)")
        }
        return created.id
    }
}

/// What a create answers, as far as `create` reads it.
private struct Created: Decodable {
    let id: Int
}
