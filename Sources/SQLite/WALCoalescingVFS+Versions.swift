import CSQLite

extension WALCoalescingVFS {
    /// The SQLite releases, as `sqlite3_libversion_number()` numbers them, the coalescing was proven with: 3.40.1
    /// alone, the release Debian bookworm ships (libsqlite3-0 3.40.1-2+deb12u2, whose security fixes keep that
    /// number). Proven there by `WALCoalescingTests` and by `scripts/crash.sh` (the runs in README's reliability
    /// table made after the WAL's writes were coalesced, and the short round `.ci/run` makes every time).
    ///
    /// What the coalescing relies on is the order in which `walFrames` in SQLite's wal.c works, an internal detail
    /// that may change in any release: a commit's frames are written, then the WAL is synced, and only then is the
    /// commit published in the shared-memory index; the sector padding written after that sync is skipped on
    /// devices with SQLITE_IOCAP_POWERSAFE_OVERWRITE; and the connection reads its own WAL only through the file's
    /// methods. Before widening the range for another release, read its `walFrames` for those three, then run
    /// `swift test --filter WALCoalescing` and `scripts/crash.sh 15` on it.
    static let provenVersions: ClosedRange<Int32> = 3_040_001...3_040_001

    /// Why a connection asking for coalescing gets SQLite's own VFS instead when the library is `version`, as a
    /// line for stderr; nil when the coalescing was proven on that version.
    static func versionRefusal(_ version: Int32) -> String? {
        guard !provenVersions.contains(version) else { return nil }
        let proven =
            provenVersions.lowerBound == provenVersions.upperBound
            ? release(provenVersions.lowerBound)
            : "\(release(provenVersions.lowerBound)) to \(release(provenVersions.upperBound))"
        return "warning: SQLite \(release(version)) is not a release the WAL-coalescing VFS was proven with "
            + "(\(proven)); the writer's WAL is written as SQLite writes it, one call per frame header and page"
    }

    /// "3.40.1" for 3040001 (https://sqlite.org/c3ref/c_source_id.html).
    static func release(_ version: Int32) -> String {
        "\(version / 1_000_000).\(version / 1000 % 1000).\(version % 1000)"
    }
}
