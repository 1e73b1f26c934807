import CSQLite
import Glibc

/// A VFS over SQLite's default one that hands each commit's WAL frames to the file system in one write.
///
/// SQLite appends a frame to the WAL as two writes, its 24-byte header and then the page
/// (https://sqlite.org/fileformat.html#wal_file_format), so a commit of n pages costs 2n small, unaligned write
/// calls, and syncing their scattered partial pages costs the file system more than syncing one extent. Here
/// the WAL's consecutive writes collect in memory and reach the file as one write when SQLite next syncs the
/// WAL, reads it, asks its size, truncates or closes it, or when a write does not follow on. Every other file
/// (the database, its shared memory) is the default VFS's own, untouched.
///
/// Only for connections that sync the WAL at every commit (`synchronous` FULL or EXTRA): SQLite publishes a
/// commit to other connections (in the shared-memory index) only after that sync
/// (https://sqlite.org/wal.html#performance_considerations), by which time the frames are in the file. The same
/// holds only without sector padding, part of which SQLite writes after that sync when the device lacks
/// SQLITE_IOCAP_POWERSAFE_OVERWRITE (https://sqlite.org/psow.html); a WAL on such a device is passed through.
/// A write error surfaces at the sync, where SQLite fails the commit as it would have failed the write.
///
/// All of that is how SQLite's wal.c orders its work, not a promise of its interface, so a connection goes through
/// this VFS only when it asks (`DatabaseOptions.coalesceWALWrites`) and the library is a release it was proven with
/// (`provenVersions`), and it then refuses to change `synchronous`.
enum WALCoalescingVFS {
    /// The name to pass to `sqlite3_open_v2`.
    static let name = "notapest-wal-coalescing"
    /// The largest run of writes kept before it is written out: 30 frames of 4 KiB pages. The default VFS hands
    /// the kernel at most 128 KiB - 1 bytes per call and can fail a longer write as if the disk were full, so a
    /// run stays below that.
    static let capacity = 0x1F000

    /// Whether the VFS is registered; registration happens once, on first use.
    static let isRegistered: Bool = register()

    /// The default VFS, which opens every file; set once by `register`, before any use.
    nonisolated(unsafe) private static var base: UnsafeMutablePointer<sqlite3_vfs>?
    /// The methods of a coalesced WAL file, allocated once by `register` and never freed.
    nonisolated(unsafe) private static var methods: UnsafeMutablePointer<sqlite3_io_methods>?

    private static func register() -> Bool {
        guard let found = sqlite3_vfs_find(nil), let vfsName = strdup(name) else { return false }
        base = found
        let table = UnsafeMutablePointer<sqlite3_io_methods>.allocate(capacity: 1)
        table.initialize(to: walMethods())
        methods = table
        let vfs = UnsafeMutablePointer<sqlite3_vfs>.allocate(capacity: 1)
        // Every other method is the default VFS's own, with its own application data.
        vfs.initialize(to: found.pointee)
        vfs.pointee.zName = UnsafePointer(vfsName)
        vfs.pointee.pNext = nil
        vfs.pointee.szOsFile = Int32(MemoryLayout<csqlite_coalesced_file>.stride) + found.pointee.szOsFile
        vfs.pointee.xOpen = { _, name, file, flags, outFlags in
            WALCoalescingVFS.open(name, file, flags, outFlags)
        }
        return sqlite3_vfs_register(vfs, 0) == SQLITE_OK
    }

    private static func open(
        _ name: sqlite3_filename?, _ file: UnsafeMutablePointer<sqlite3_file>?, _ flags: Int32,
        _ outFlags: UnsafeMutablePointer<Int32>?
    ) -> Int32 {
        guard let base, let baseOpen = base.pointee.xOpen, let methods, let file else { return SQLITE_ERROR }
        guard flags & SQLITE_OPEN_WAL != 0 else {
            return baseOpen(base, name, file, flags, outFlags)
        }
        let raw = UnsafeMutableRawPointer(file)
        let real = raw.advanced(by: MemoryLayout<csqlite_coalesced_file>.stride).assumingMemoryBound(
            to: sqlite3_file.self)
        real.pointee.pMethods = nil
        let code = baseOpen(base, name, real, flags, outFlags)
        guard code == SQLITE_OK, let realMethods = real.pointee.pMethods else {
            // SQLite closes a file whose pMethods is set even when opening failed; this one it must not.
            if let close = real.pointee.pMethods?.pointee.xClose {
                _ = close(real)
            }
            file.pointee.pMethods = nil
            return code == SQLITE_OK ? SQLITE_CANTOPEN : code
        }
        let characteristics = realMethods.pointee.xDeviceCharacteristics?(real) ?? 0
        guard characteristics & SQLITE_IOCAP_POWERSAFE_OVERWRITE != 0 else {
            // Passed through: the file header is the real file's, moved to the front.
            file.pointee.pMethods = nil
            _ = realMethods.pointee.xClose?(real)
            return baseOpen(base, name, file, flags, outFlags)
        }
        let coalesced = raw.assumingMemoryBound(to: csqlite_coalesced_file.self)
        coalesced.pointee.real = real
        coalesced.pointee.pending = nil
        coalesced.pointee.pendingOffset = 0
        coalesced.pointee.pendingLength = 0
        coalesced.pointee.capacity = 0
        coalesced.pointee.requestedWrites = 0
        coalesced.pointee.performedWrites = 0
        coalesced.pointee.base.pMethods = UnsafePointer(methods)
        return SQLITE_OK
    }

    /// The writes SQLite asked of a coalesced WAL file and the writes that reached the file system; nil for any
    /// other file.
    static func writeCounts(of file: UnsafeMutablePointer<sqlite3_file>) -> (requested: Int, performed: Int)? {
        guard let methods, file.pointee.pMethods == UnsafePointer(methods) else { return nil }
        let coalesced = UnsafeMutableRawPointer(file).assumingMemoryBound(to: csqlite_coalesced_file.self)
        return (Int(coalesced.pointee.requestedWrites), Int(coalesced.pointee.performedWrites))
    }
}
