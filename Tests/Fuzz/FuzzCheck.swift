/// What both libFuzzer entry points do with an input: judge it whole and split at two points drawn from its own
/// bytes, and stop the process on the first broken promise, which is how the fuzzer learns it found a crash.
/// Compiled by scripts/fuzz.sh into each fuzz target; nothing here is part of the service.
enum FuzzCheck {
    /// Runs `violations` over the input at `data` and traps, naming `what`, when it finds any.
    static func run(
        _ data: UnsafePointer<UInt8>, _ size: Int, what: String,
        _ violations: (_ input: [UInt8], _ splits: (Int) -> [Int]) -> [String]
    ) -> CInt {
        let input = Array(UnsafeBufferPointer(start: data, count: size))
        let found = violations(input, pseudoRandomSplits(of: input))
        if !found.isEmpty {
            fatalError("\(what) broken:\n" + found.joined(separator: "\n"))
        }
        return 0
    }

    /// Two split points drawn from the input's own FNV-1a hash, so a run is reproducible from the input alone.
    static func pseudoRandomSplits(of input: [UInt8]) -> (Int) -> [Int] {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in input {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return { count in
            let points = UInt64(count) + 1
            return [Int(hash % points), Int((hash >> 32) % points)]
        }
    }
}
