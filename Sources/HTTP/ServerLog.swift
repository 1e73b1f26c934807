import Glibc

/// Lines about the server itself (not the access log) on standard error, written whole in one call so that
/// lines from different threads do not interleave.
enum ServerLog {
    static func write(_ line: String) {
        let text = line.hasSuffix("\n") ? line : line + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }
}
