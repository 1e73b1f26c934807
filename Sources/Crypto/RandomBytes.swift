/// Bytes from a random source, drawn 64 bits at a time: with the system's source (getrandom on Linux) each draw
/// is a system call, and a digest's wake-up makes thousands of message ids and link nonces.
public enum RandomBytes {
    /// `count` bytes from the system's cryptographic random source.
    public static func make(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return make(count, using: &generator)
    }

    /// `count` bytes from `generator`, for tests that need the same bytes every run.
    public static func make(_ count: Int, using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            let bits = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
            }
        }
        return Array(bytes.prefix(count))
    }
}
