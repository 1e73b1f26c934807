import HTTP
import JSON

/// `?limit=` and `?cursor=` of list endpoints (openapi.yaml, Conventions: 1–200, default 50; invalid values are 400).
struct Pagination {
    var limit: Int
    var cursor: [Int64]?

    static func parse(_ request: Request, cursorKeys: Int) throws(APIError) -> Pagination {
        var limit = 50
        if let text = request.query("limit") {
            guard let value = Int(text), (1...200).contains(value) else {
                throw .badQuery(FieldError("limit", "must be a whole number from 1 to 200"))
            }
            limit = value
        }
        var cursor: [Int64]?
        if let text = request.query("cursor") {
            guard let keys = Cursor.decode(text, count: cursorKeys) else {
                throw .badQuery(FieldError("cursor", "is not a cursor this server gave out"))
            }
            cursor = keys
        }
        return Pagination(limit: limit, cursor: cursor)
    }

    static func page(_ items: [JSON], next: String?) -> JSON {
        ["items": .array(items), "next_cursor": JSON(next)]
    }
}
