/// The libFuzzer entry point for the client's response-head parser and chunked-body reader: what a receiver
/// answers a reminder with. Built by `scripts/fuzz.sh MINUTES response` together with those sources and
/// Tests/RemindersTests/Delivery/ResponseInvariants.swift, the checks the corpus regression test also runs. A
/// broken promise stops the process, which is how the fuzzer learns it found a crash; nothing here is part of
/// the service.
@_cdecl("LLVMFuzzerTestOneInput")
public func responseParserFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let found = ResponseInvariants.violations(of: input, splits: ResponseInvariants.pseudoRandomSplits(of: input))
    if !found.isEmpty {
        fatalError("response parser promise broken:\n" + found.joined(separator: "\n"))
    }
    return 0
}
