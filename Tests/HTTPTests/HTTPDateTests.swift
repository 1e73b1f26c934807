import Glibc
import Testing

@testable import HTTP

/// The `Date` header (RFC 9110 §5.6.7 IMF-fixdate) and the log's time, from the wall clock's seconds.
@Suite struct HTTPDateTests {
    @Test(arguments: [
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT", "1994-11-06T08:49:37Z"),
        (0, "Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00Z"),
        (-1, "Wed, 31 Dec 1969 23:59:59 GMT", "1969-12-31T23:59:59Z"),
        (1_709_251_199, "Thu, 29 Feb 2024 23:59:59 GMT", "2024-02-29T23:59:59Z"),
        (1_798_761_600, "Fri, 01 Jan 2027 00:00:00 GMT", "2027-01-01T00:00:00Z"),
    ])
    func writesTheSecond(_ seconds: Int, _ header: String, _ iso: String) {
        var date = HTTPDate()
        date.refresh(now: seconds)
        #expect(String(decoding: date.bytes, as: UTF8.self) == header)
        #expect(date.iso == iso)
    }

    /// The same fields as the C library's `gmtime_r` and `strftime`, every few hours from 1901 to 2106.
    @Test func agreesWithTheCLibrary() {
        var date = HTTPDate()
        var mismatches: [String] = []
        for seconds in stride(from: -2_147_483_648, to: 4_294_967_296, by: 10_007) {
            date.refresh(now: seconds)
            var time = time_t(seconds)
            var parts = tm()
            gmtime_r(&time, &parts)
            var out = [CChar](repeating: 0, count: 64)
            let count = strftime(&out, out.count, "%a, %d %b %Y %H:%M:%S GMT", &parts)
            let expected = String(decoding: out[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if String(decoding: date.bytes, as: UTF8.self) != expected {
                mismatches.append("\(seconds): \(expected)")
            }
        }
        #expect(Array(mismatches.prefix(5)) == [])
    }

    @Test func keepsItsTextWithinASecond() {
        var date = HTTPDate()
        date.refresh(now: 784_111_777)
        let first = date.bytes
        date.refresh(now: 784_111_777)
        #expect(date.bytes == first)
        date.refresh(now: 784_111_778)
        #expect(String(decoding: date.bytes, as: UTF8.self) == "Sun, 06 Nov 1994 08:49:38 GMT")
    }
}
