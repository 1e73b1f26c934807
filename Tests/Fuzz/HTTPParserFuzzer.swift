/// The libFuzzer entry point for the request-head parser, messageInfo and the chunked decoder.
/// Built by scripts/fuzz.sh together with the parser sources and Tests/HTTPTests/ParserInvariants.swift,
/// the checks the corpus regression test also runs. A broken invariant stops the process, which
/// is how the fuzzer learns it found a crash; nothing here is part of the server.
@_cdecl("LLVMFuzzerTestOneInput")
public func httpParserFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let found = ParserInvariants.violations(of: input, splits: ParserInvariants.pseudoRandomSplits(of: input))
    if !found.isEmpty {
        fatalError("parser invariant broken:\n" + found.joined(separator: "\n"))
    }
    return 0
}
