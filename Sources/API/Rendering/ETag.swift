import HTTP
import JSON

/// Entity tags and conditional requests (RFC 9110 §8.8.3, §13).
enum ETag {
    /// A strong tag for a stored resource: its id and version change with every write.
    static func resource(_ kind: String, id: Int64, version: Int64) -> String {
        // Every write answers with one, so it is spelt into bytes rather than interpolated.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(kind.utf8.count + 44)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: kind.utf8)
        bytes.append(UInt8(ascii: "-"))
        JSON.writeInteger(id, into: &bytes)
        bytes.append(contentsOf: "-v".utf8)
        JSON.writeInteger(version, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A strong tag from the bytes of a body (lists, agenda, guidance, the spec): FNV-1a over 8-byte
    /// words, then the tail byte by byte; a body of megabytes hashes in about a millisecond.
    static func body(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for w in 0..<words {
                hash ^= raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)
                hash = hash &* 0x100_0000_01b3
                hash ^= hash >> 29
            }
            for i in (words * 8)..<raw.count {
                hash ^= UInt64(raw[i])
                hash = hash &* 0x100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// RFC 9110 §13.1.2: true when `If-None-Match` lists the tag (weak comparison) or is `*`.
    static func noneMatchHits(_ request: Request, tag: String) -> Bool {
        let fields = request.headers.values("If-None-Match")
        guard !fields.isEmpty else { return false }
        return fields.contains { field in
            field.split(separator: ",").contains { candidate in
                let trimmed = candidate.trimmingSpaces
                return trimmed == "*" || weakEqual(trimmed, tag)
            }
        }
    }

    static func weakEqual(_ a: Substring, _ b: String) -> Bool {
        let strip = { (s: Substring) -> Substring in s.hasPrefix("W/") ? s.dropFirst(2) : s }
        return strip(a) == strip(b[...])
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return s
    }
}
