/// Bytes of heap a value holds, estimated from how the Swift runtime lays out its storage on 64-bit Linux, for
/// the timeline cache's byte budget.
///
/// Counted: each heap block the value owns (array and dictionary buffers by their capacity, not their count;
/// native strings too long to be stored inline, class instances), with its object header and glibc's malloc
/// overhead. Not counted: storage shared with values outside the cache (a buffer the cache holds a second
/// reference to costs nothing more), and the malloc arenas' free space, which depends on what else the process
/// did. The estimate errs on the large side where the layout is not known exactly.
enum MemoryEstimate {
    /// Swift's heap object header: the isa pointer and the reference counts.
    static let objectHeader = 16
    /// The header of a native array buffer: object header, count, capacity and flags.
    static let arrayHeader = 32
    /// The header of a native string's storage: object header, capacity and flags, count and flags.
    static let stringHeader = 32
    /// The header of a native dictionary's storage (object header, counts, scale, seed, pointers): 64 bytes or so.
    static let dictionaryHeader = 64
    /// UTF-8 bytes a string can hold inline, with no heap storage.
    static let smallStringLimit = 15

    /// A malloc'd block holding `payload` bytes: glibc adds an 8-byte size field and rounds to 16 bytes, with
    /// 32 bytes at least.
    static func allocation(_ payload: Int) -> Int {
        max(32, (payload + 8 + 15) & ~15)
    }

    /// A string's heap storage: none when it fits inline.
    static func string(_ text: String?) -> Int {
        guard let text else { return 0 }
        let count = text.utf8.count
        return count <= smallStringLimit ? 0 : allocation(stringHeader + count + 1)
    }

    /// An array's buffer, by capacity: none for an empty array, which shares one static buffer.
    static func array<Element>(_ array: [Element]) -> Int {
        array.capacity == 0 ? 0 : allocation(arrayHeader + array.capacity * MemoryLayout<Element>.stride)
    }

    /// A dictionary's storage: the buckets its capacity implies (a native dictionary keeps at most three quarters
    /// of them full, and their count is a power of two), their keys, values and occupancy bits.
    static func dictionary<Key, Value>(_ dictionary: [Key: Value]) -> Int {
        guard dictionary.capacity > 0 else { return 0 }
        var buckets = 1
        while buckets * 3 < dictionary.capacity * 4 { buckets <<= 1 }
        let entry = MemoryLayout<Key>.stride + MemoryLayout<Value>.stride
        return allocation(dictionaryHeader + buckets * entry + (buckets + 63) / 64 * 8)
    }
}
