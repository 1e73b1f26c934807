#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro over a cast function pointer, which Swift cannot import.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

// A WAL file opened through the WAL-coalescing VFS (see WALCoalescingVFS.swift): the header SQLite sees
// first, then the pending writes; the file the default VFS opened follows in the same allocation.
typedef struct csqlite_coalesced_file {
    sqlite3_file base;
    sqlite3_file *real;
    unsigned char *pending;
    sqlite3_int64 pendingOffset;
    int pendingLength;
    int capacity;
    sqlite3_int64 requestedWrites;
    sqlite3_int64 performedWrites;
} csqlite_coalesced_file;
