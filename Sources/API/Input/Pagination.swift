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

    /// The same document as `page`, with each item written into the bytes by `write`.
    static func page<Item>(_ items: [Item], next: String?, write: (Item, inout [UInt8]) -> Void) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + items.count * 256)
        out.append(contentsOf: "{\"items\":[".utf8)
        for (position, item) in items.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            write(item, &out)
        }
        out.append(contentsOf: "],\"next_cursor\":".utf8)
        JSON(next).write(into: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }
}
