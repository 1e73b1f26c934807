/// How far an online backup has come after one step (https://sqlite.org/c3ref/backup_finish.html).
public struct BackupProgress: Sendable, Equatable {
    /// Pages still to copy.
    public let remainingPages: Int
    /// Pages in the source database at the last step.
    public let totalPages: Int

    /// Makes a progress report.
    public init(remainingPages: Int, totalPages: Int) {
        self.remainingPages = remainingPages
        self.totalPages = totalPages
    }
}
