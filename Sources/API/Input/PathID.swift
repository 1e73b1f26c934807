import HTTP

/// Ids in paths: positive integers, else 404 (no such resource can exist).
enum PathID {
    static func parse(_ request: Request, _ name: String) throws(APIError) -> Int64 {
        guard let text = request.parameters[name], let id = Int64(text), id > 0 else {
            throw .notFound("Nothing is at \(request.path).")
        }
        return id
    }
}
