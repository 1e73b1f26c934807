/// How SQLite makes transactions atomic (https://sqlite.org/pragma.html#pragma_journal_mode).
public enum JournalMode: String, Sendable, CaseIterable {
    /// Write-ahead log: readers do not block the writer nor the writer readers (https://sqlite.org/wal.html).
    case wal
    /// Rollback journal, deleted at each commit.
    case delete
    /// Rollback journal, truncated at each commit.
    case truncate
    /// Rollback journal, its header zeroed at each commit.
    case persist
}
