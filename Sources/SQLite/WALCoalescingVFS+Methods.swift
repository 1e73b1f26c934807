import CSQLite
import Glibc

extension WALCoalescingVFS {
    /// The file's state, and the file the default VFS opened.
    private static func parts(
        _ file: UnsafeMutablePointer<sqlite3_file>?
    ) -> (UnsafeMutablePointer<csqlite_coalesced_file>, UnsafeMutablePointer<sqlite3_file>, sqlite3_io_methods)? {
        guard let file else { return nil }
        let coalesced = UnsafeMutableRawPointer(file).assumingMemoryBound(to: csqlite_coalesced_file.self)
        guard let real = coalesced.pointee.real, let methods = real.pointee.pMethods else { return nil }
        return (coalesced, real, methods.pointee)
    }

    /// Writes out what is pending, in one write.
    private static func flush(_ file: UnsafeMutablePointer<sqlite3_file>?) -> Int32 {
        guard let (coalesced, real, methods) = parts(file) else { return SQLITE_IOERR }
        let length = coalesced.pointee.pendingLength
        guard length > 0, let pending = coalesced.pointee.pending else { return SQLITE_OK }
        coalesced.pointee.pendingLength = 0
        coalesced.pointee.performedWrites += 1
        return methods.xWrite?(real, pending, length, coalesced.pointee.pendingOffset) ?? SQLITE_IOERR
    }

    /// Keeps a write that follows on from the pending ones, else writes those out and starts again from it.
    private static func write(
        _ file: UnsafeMutablePointer<sqlite3_file>?, _ bytes: UnsafeRawPointer?, _ count: Int32, _ offset: Int64
    ) -> Int32 {
        guard let (coalesced, real, methods) = parts(file), let bytes, count >= 0 else { return SQLITE_IOERR }
        coalesced.pointee.requestedWrites += 1
        var state = coalesced.pointee
        let followsOn = state.pendingLength > 0 && offset == state.pendingOffset + Int64(state.pendingLength)
        if followsOn, Int(state.pendingLength) + Int(count) <= Int(state.capacity), let pending = state.pending {
            UnsafeMutableRawPointer(pending + Int(state.pendingLength)).copyMemory(from: bytes, byteCount: Int(count))
            coalesced.pointee.pendingLength += count
            return SQLITE_OK
        }
        let flushed = flush(file)
        guard flushed == SQLITE_OK else { return flushed }
        guard Int(count) <= capacity else {
            coalesced.pointee.performedWrites += 1
            return methods.xWrite?(real, bytes, count, offset) ?? SQLITE_IOERR
        }
        if state.pending == nil {
            guard let allocated = malloc(capacity) else { return SQLITE_NOMEM }
            state.pending = allocated.assumingMemoryBound(to: UInt8.self)
            coalesced.pointee.pending = state.pending
            coalesced.pointee.capacity = Int32(capacity)
        }
        guard let pending = state.pending else { return SQLITE_NOMEM }
        UnsafeMutableRawPointer(pending).copyMemory(from: bytes, byteCount: Int(count))
        coalesced.pointee.pendingOffset = offset
        coalesced.pointee.pendingLength = count
        return SQLITE_OK
    }

    /// Forwards a call to the real file once what is pending is written, so it sees every write before it.
    private static func afterFlush(
        _ file: UnsafeMutablePointer<sqlite3_file>?,
        _ call: (UnsafeMutablePointer<sqlite3_file>, sqlite3_io_methods) -> Int32?
    ) -> Int32 {
        let flushed = flush(file)
        guard flushed == SQLITE_OK else { return flushed }
        return direct(file, call)
    }

    /// Forwards a call that neither reads nor writes the file's bytes.
    private static func direct(
        _ file: UnsafeMutablePointer<sqlite3_file>?,
        _ call: (UnsafeMutablePointer<sqlite3_file>, sqlite3_io_methods) -> Int32?
    ) -> Int32 {
        guard let (_, real, methods) = parts(file) else { return SQLITE_IOERR }
        return call(real, methods) ?? SQLITE_IOERR
    }

    /// Version 1 methods: SQLite maps and shares memory only through the database file, never the WAL.
    static func walMethods() -> sqlite3_io_methods {
        var methods = sqlite3_io_methods()
        methods.iVersion = 1
        methods.xClose = { file in
            let flushed = WALCoalescingVFS.flush(file)
            guard let (coalesced, real, methods) = WALCoalescingVFS.parts(file) else { return SQLITE_IOERR }
            free(coalesced.pointee.pending)
            coalesced.pointee.pending = nil
            coalesced.pointee.capacity = 0
            let closed = methods.xClose?(real) ?? SQLITE_IOERR
            return flushed == SQLITE_OK ? closed : flushed
        }
        methods.xRead = { file, buffer, count, offset in
            WALCoalescingVFS.afterFlush(file) { real, methods in methods.xRead?(real, buffer, count, offset) }
        }
        methods.xWrite = { file, bytes, count, offset in WALCoalescingVFS.write(file, bytes, count, offset) }
        methods.xTruncate = { file, size in
            WALCoalescingVFS.afterFlush(file) { real, methods in methods.xTruncate?(real, size) }
        }
        methods.xSync = { file, flags in
            WALCoalescingVFS.afterFlush(file) { real, methods in methods.xSync?(real, flags) }
        }
        methods.xFileSize = { file, size in
            WALCoalescingVFS.afterFlush(file) { real, methods in methods.xFileSize?(real, size) }
        }
        methods.xLock = { file, level in WALCoalescingVFS.direct(file) { real, methods in methods.xLock?(real, level) }
        }
        methods.xUnlock = { file, level in
            WALCoalescingVFS.direct(file) { real, methods in methods.xUnlock?(real, level) }
        }
        methods.xCheckReservedLock = { file, result in
            WALCoalescingVFS.direct(file) { real, methods in methods.xCheckReservedLock?(real, result) }
        }
        methods.xFileControl = { file, operation, argument in
            WALCoalescingVFS.afterFlush(file) { real, methods in methods.xFileControl?(real, operation, argument) }
        }
        methods.xSectorSize = { file in WALCoalescingVFS.direct(file) { real, methods in methods.xSectorSize?(real) } }
        methods.xDeviceCharacteristics = { file in
            WALCoalescingVFS.direct(file) { real, methods in methods.xDeviceCharacteristics?(real) }
        }
        return methods
    }
}
