/// The libFuzzer entry point for the client's response-head parser, chunked-body reader and HTTP-dates: what a
/// receiver answers a reminder with. Built by `scripts/fuzz.sh MINUTES response` together with those sources,
/// Tests/RemindersTests/Delivery/ResponseInvariants.swift (the checks the corpus regression test also runs) and
/// FuzzCheck.swift.
@_cdecl("LLVMFuzzerTestOneInput")
public func responseParserFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzCheck.run(data, size, what: "response parser promise") { ResponseInvariants.violations(of: $0, splits: $1) }
}
