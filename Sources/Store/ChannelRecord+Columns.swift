import JSON
import SQLite

extension ChannelRecord {
    /// The columns every channel query selects, in the order `init(_:at:)` reads them.
    static let columns = """
        id, name, kind, url, token, secret, previous_secret, previous_secret_until, enabled, disabled_reason, mode, \
        digest_at, actions, gave_up_in_row, last_digest_date, created_at, updated_at, version
        """

    /// Reads a record from the current row, starting at column `offset`.
    init(_ row: Row, at offset: Int = 0) throws(RowDecodingError) {
        self.init(
            id: try row.int64(offset),
            ChannelFields(
                name: try row.text(offset + 1),
                kind: try row.rawValue(offset + 2, as: ChannelKind.self),
                url: try row.text(offset + 3),
                token: try row.optionalText(offset + 4),
                secret: try row.optionalText(offset + 5),
                previousSecret: try row.optionalText(offset + 6),
                previousSecretUntil: try row.optionalInt64(offset + 7),
                enabled: try row.bool(offset + 8),
                disabledReason: try row.optionalText(offset + 9),
                mode: try row.rawValue(offset + 10, as: ChannelMode.self),
                digestAt: try row.text(offset + 11),
                actions: try Self.actions(try row.text(offset + 12))),
            gaveUpInRow: try row.int(offset + 13),
            lastDigestDate: try row.optionalText(offset + 14),
            createdAt: try row.int64(offset + 15),
            updatedAt: try row.int64(offset + 16),
            version: try row.int64(offset + 17))
    }

    /// The `actions` column's text: a JSON array of strings (RFC 8259 §5).
    static func actionsText(_ actions: [String]) -> String {
        JSON(actions).serialized()
    }

    /// The names in an `actions` column; anything but a JSON array of strings is an error, not an empty list.
    private static func actions(_ text: String) throws(RowDecodingError) -> [String] {
        let notNames = RowDecodingError.typeMismatch(
            column: "actions", expected: "a JSON array of strings", found: "text")
        guard let elements = (try? JSONParser.parse(text))?.arrayValue else { throw notNames }
        var names: [String] = []
        names.reserveCapacity(elements.count)
        for element in elements {
            guard let name = element.stringValue else { throw notNames }
            names.append(name)
        }
        return names
    }
}
