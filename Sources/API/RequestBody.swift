import HTTP

/// Reading a JSON request body: media type first (415), then syntax (400).
enum RequestBody {
    /// RFC 9110 §8.3: `application/json` or any `+json` type (merge patch included), parameters ignored.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let type = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingSpaces.lowercased() } ?? ""
        return type == "application/json" || (type.hasPrefix("application/") && type.hasSuffix("+json"))
    }

    /// The body as a JSON object, or the error that says why not.
    static func object(_ request: Request) throws(APIError) -> JSONObject {
        let contentType = request.headers["Content-Type"]
        guard isJSON(contentType) else { throw .unsupportedMediaType(contentType) }
        guard !request.body.isEmpty else { throw .invalid([FieldError("body", "a JSON object is required")]) }
        let value: JSON
        do {
            value = try JSONParser.parse(request.body)
        } catch {
            throw .invalid([FieldError("body", "not valid JSON: \(error)")])
        }
        guard case .object(let object) = value else {
            throw .invalid([FieldError("body", "must be a JSON object")])
        }
        return object
    }
}
