import CSQLite

// sqlite3.h builds extended codes as macros (`SQLITE_CONSTRAINT | (8<<8)`) that Swift does not import, so the
// ones callers test for are rebuilt here from the same definitions (https://sqlite.org/rescode.html#extrc).
extension SQLiteError {
    /// SQLITE_CONSTRAINT_CHECK (275): a CHECK constraint failed.
    public static let constraintCheck: Int32 = SQLITE_CONSTRAINT | (1 << 8)
    /// SQLITE_CONSTRAINT_FOREIGNKEY (787): a FOREIGN KEY constraint failed.
    public static let constraintForeignKey: Int32 = SQLITE_CONSTRAINT | (3 << 8)
    /// SQLITE_CONSTRAINT_NOTNULL (1299): a NOT NULL constraint failed.
    public static let constraintNotNull: Int32 = SQLITE_CONSTRAINT | (5 << 8)
    /// SQLITE_CONSTRAINT_PRIMARYKEY (1555): a PRIMARY KEY constraint failed.
    public static let constraintPrimaryKey: Int32 = SQLITE_CONSTRAINT | (6 << 8)
    /// SQLITE_CONSTRAINT_UNIQUE (2067): a UNIQUE constraint failed.
    public static let constraintUnique: Int32 = SQLITE_CONSTRAINT | (8 << 8)
}
