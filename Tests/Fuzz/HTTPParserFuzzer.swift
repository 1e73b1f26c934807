/// The libFuzzer entry point for the request-head parser, messageInfo and the chunked decoder.
/// Built by scripts/fuzz.sh together with the parser sources, Tests/HTTPTests/ParserInvariants.swift (the checks
/// the corpus regression test also runs) and FuzzCheck.swift.
@_cdecl("LLVMFuzzerTestOneInput")
public func httpParserFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(data, size, what: "parser invariant") { ParserInvariants.violations(of: $0, splits: $1) }
}
