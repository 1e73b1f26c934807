import HTTP

/// The preconditions of PATCH and DELETE, in the order RFC 9110 §13.2.2 evaluates them, against the
/// tag of the stored version. `If-Match` (§13.1.1): a client that names a version it read is refused
/// with 412 if the resource has moved on since, so no update is lost. `If-None-Match` (§13.1.2): `*`,
/// or a tag of the current version, is false for a resource that exists, and a method other than GET
/// or HEAD is then refused with 412; a client sends it to change only what it does not already hold.
enum Preconditions {
    static func check(_ request: Request, etag: String) throws(APIError) {
        let ifMatch = request.headers.values("If-Match")
        if !ifMatch.isEmpty, !lists(ifMatch, etag, weak: false) {
            throw .preconditionFailed("If-Match does not match the current version (\(etag)); fetch it again.")
        }
        let ifNoneMatch = request.headers.values("If-None-Match")
        if !ifNoneMatch.isEmpty, lists(ifNoneMatch, etag, weak: true) {
            throw .preconditionFailed(
                "If-None-Match lists the current version (\(etag)) or *, and the resource exists; nothing changed.")
        }
    }

    /// Whether the fields list `*` or a tag of the stored version `etag`; with `weak`, a `W/` tag counts
    /// too (the weak comparison of §8.8.3.2, which `If-None-Match` uses).
    static func lists(_ fields: [String], _ etag: String, weak: Bool) -> Bool {
        fields.contains { field in
            field.split(separator: ",").contains { candidate in
                var tag = candidate.trimmingSpaces
                if tag == "*" { return true }
                if weak, tag.hasPrefix("W/") { tag = tag.dropFirst(2) }
                return names(tag, etag)
            }
        }
    }

    /// Whether a tag names the stored version `etag`: it is that tag, or the one `GET` gives an
    /// application, whose `next_action` moves with time, so that its tag adds the representation's
    /// hash (`"application-1-v2-0123456789abcdef"` for `"application-1-v2"`). Either names the version
    /// a client read, which is what a change must be judged against.
    static func names(_ tag: Substring, _ etag: String) -> Bool {
        if tag == etag[...] { return true }
        let stem = etag.dropLast()
        guard tag.utf8.count == etag.utf8.count + 17, tag.hasPrefix(stem), tag.last == "\"" else { return false }
        let rest = tag.utf8.dropFirst(stem.utf8.count).dropLast()
        return rest.first == UInt8(ascii: "-")
            && rest.dropFirst().allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
