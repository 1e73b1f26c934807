/// Field limits (openapi.yaml, Conventions: names and short fields 200 characters, notes 10,000).
enum Limits {
    static let name = 200
    static let note = 10_000
    static let interviewers = 50
    static let query = 200
    /// The largest id an import may give a record: 2^53 - 1, the largest integer a JavaScript number (an IEEE 754
    /// double) holds exactly, so that every client can hold every imported id. It also keeps SQLite's
    /// AUTOINCREMENT far from its end at 2^63 - 1, after which every insert into the table fails with
    /// SQLITE_FULL (https://sqlite.org/autoinc.html): ids created later count up from the largest stored.
    static let largestImportedID: Int64 = 9_007_199_254_740_991
}
