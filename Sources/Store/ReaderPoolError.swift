/// Why a reader connection could not be used.
enum ReaderPoolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every reader belongs to another thread that has not ended.
    case exhausted(limit: Int)
    /// The thread's specific data, where it keeps its reader, could not hold it (the error number).
    case threadStorageFailed(code: Int32)

    var description: String {
        switch self {
        case .exhausted(let limit):
            "all \(limit) readers belong to other threads"
        case .threadStorageFailed(let code):
            "the thread cannot keep its reader: error \(code)"
        }
    }
}
