/// Why the schema could not be brought up to date.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// The migrations are not numbered 1, 2, 3… in order: at `position` (0-based) `expected` was due.
    case versionsOutOfOrder(position: Int, expected: Int, found: Int)
    /// The file was written by a newer release whose schema this binary does not know.
    case schemaTooNew(found: Int, supported: Int)
    /// A migration threw; its transaction was rolled back, leaving the schema at `version - 1`.
    case migrationFailed(version: Int, name: String, underlying: any Error)

    public var description: String {
        switch self {
        case .versionsOutOfOrder(let position, let expected, let found):
            "migration at position \(position) has version \(found); versions run 1, 2, 3… so \(expected) was due"
        case .schemaTooNew(let found, let supported):
            "database schema version \(found) is newer than this binary supports (\(supported)); upgrade notapest"
        case .migrationFailed(let version, let name, let underlying):
            "migration \(version) (\(name)) failed and was rolled back: \(underlying)"
        }
    }
}
