import Glibc

/// Lines for the operator on standard error, each written whole in one call so that lines from different threads
/// (and from the HTTPS helper, which shares the stream) do not interleave.
public enum StandardError {
    /// Writes `line`, with a line break after it unless it ends in one.
    public static func write(_ line: String) {
        let text = line.hasSuffix("\n") ? line : line + "\n"
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }
}
