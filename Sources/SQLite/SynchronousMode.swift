/// How hard SQLite flushes to disk at commit (https://sqlite.org/pragma.html#pragma_synchronous).
public enum SynchronousMode: Int, Sendable, CaseIterable {
    /// No syncs: a power loss may corrupt or lose data. Only for throwaway databases.
    case off = 0
    /// In WAL mode, commits survive a process crash but the last ones may roll back after a power loss.
    case normal = 1
    /// In WAL mode, the WAL is synced at every commit, so an acknowledged commit survives power loss.
    case full = 2
    /// As `full`, and also syncs the directory after deleting a rollback journal.
    case extra = 3

    /// The keyword for `PRAGMA synchronous`.
    var pragmaKeyword: String {
        switch self {
        case .off: "OFF"
        case .normal: "NORMAL"
        case .full: "FULL"
        case .extra: "EXTRA"
        }
    }
}
