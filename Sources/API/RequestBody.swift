import HTTP

/// Reading a JSON request body: media type first (415), then syntax (400).
enum RequestBody {
    /// RFC 9110 §8.3: `application/json` or any `+json` type (merge patch included), parameters ignored.
    /// Media types are ASCII and case-insensitive (§8.3.1), so the comparison folds ASCII letters only.
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let essence = contentType.prefix { $0 != ";" }.trimmingSpaces.utf8
        let type = essence.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        return type.elementsEqual("application/json".utf8)
            || (type.starts(with: "application/".utf8) && type.reversed().starts(with: "nosj+".utf8))
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
