/// Why a reader connection could not be used.
public enum ReaderPoolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// There is no reader for this loop index.
    case noSuchLoop(index: Int, count: Int)
    /// The loop's reader was first used by another thread; a connection belongs to one thread.
    case wrongThread(loop: Int)

    public var description: String {
        switch self {
        case .noSuchLoop(let index, let count):
            "no reader for loop \(index); the pool has \(count)"
        case .wrongThread(let loop):
            "the reader of loop \(loop) is owned by another thread"
        }
    }
}
