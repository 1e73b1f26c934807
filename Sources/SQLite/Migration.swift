/// One step of the schema's history: the change from version `version - 1` to `version`.
public struct Migration: Sendable {
    /// The schema version after this step; the first step is 1.
    public let version: Int
    /// A short name for logs and errors, e.g. "create contacts".
    public let name: String
    /// Applies the change. Runs inside the migration's transaction; throwing undoes it.
    public let apply: @Sendable (Database) throws -> Void

    /// Makes a migration step.
    public init(version: Int, name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}
