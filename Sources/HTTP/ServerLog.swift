import System

/// Lines about the server itself (not the access log) on standard error, written whole in one call so that
/// lines from different threads do not interleave.
enum ServerLog {
    static func write(_ line: String) { StandardError.write(line) }
}
