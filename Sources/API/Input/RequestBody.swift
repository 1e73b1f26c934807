import HTTP
import JSON

/// Reading a JSON request body: media type first (415), then syntax (400).
enum RequestBody {
    /// RFC 9110 §8.3: `application/json` or any `+json` type (merge patch included), parameters ignored.
    /// Media types are ASCII and case-insensitive (§8.3.1), so the comparison folds ASCII letters only.
    static func isJSON(_ contentType: String?) -> Bool {
        guard var contentType else { return false }
        // Byte by byte, with no copy: every write request asks this.
        return contentType.withUTF8 { bytes in
            var end = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            var start = 0
            let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            while start < end, isSpace(bytes[start]) { start += 1 }
            while end > start, isSpace(bytes[end - 1]) { end -= 1 }
            let essence = bytes[start..<end]
            func folded(_ index: Int) -> UInt8 {
                let byte = essence[index]
                return byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            }
            func matches(_ text: StaticString, at offset: Int) -> Bool {
                let count = text.utf8CodeUnitCount
                guard offset >= 0, offset + count <= essence.count else { return false }
                return (0..<count).allSatisfy { folded(essence.startIndex + offset + $0) == text.utf8Start[$0] }
            }
            let application: StaticString = "application/"
            return (essence.count == 16 && matches("application/json", at: 0))
                || (matches(application, at: 0) && essence.count > application.utf8CodeUnitCount + 4
                    && matches("+json", at: essence.count - 5))
        }
    }

    /// Admission of a route whose body is a JSON document: its head must say so (415 otherwise), before
    /// the body is read. Requiring the JSON type also keeps HTML forms, which cannot send it across sites
    /// without a CORS preflight this server never grants, from writing anything.
    @Sendable static func admitJSON(_ request: Request) throws(APIError) {
        let contentType = request.headers["Content-Type"]
        guard isJSON(contentType) else { throw .unsupportedMediaType(contentType) }
    }

    /// Admission of a route that takes no body: nothing, or JSON (an empty object). A head that names
    /// any other media type is refused (415) even with an empty body, since that is what a form sends.
    @Sendable static func admitNothingOrJSON(_ request: Request) throws(APIError) {
        let contentType = request.headers["Content-Type"]
        guard contentType == nil && !request.declaresBody || isJSON(contentType) else {
            throw .unsupportedMediaType(contentType)
        }
    }

    /// The body of a route that takes none: empty, or an empty JSON object.
    static func nothing(_ request: Request) throws(APIError) {
        guard !request.body.isEmpty else { return }
        guard case .object(let object) = try? JSONParser.parse(request.body), object.isEmpty else {
            throw .invalid([FieldError("body", "must be empty or an empty JSON object: this request takes no fields")])
        }
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
