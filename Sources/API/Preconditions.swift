import HTTP

/// `If-Match` on PATCH and DELETE (RFC 9110 §13.1.1): a client that names a version it read is
/// refused with 412 if the resource has moved on since, so no update is lost.
enum Preconditions {
    static func check(_ request: Request, etag: String) throws(APIError) {
        if ETag.matches(request, tag: etag) == false {
            throw .preconditionFailed("If-Match does not match the current version (\(etag)); fetch it again.")
        }
    }
}
