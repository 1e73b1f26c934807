/// What came of one request on one connection: the response as far as it was read, or why none came; and whether
/// the connection can carry another request.
struct PlainExchange: Sendable {
    /// Why no response came.
    enum Failure: Sendable, Equatable {
        /// No connection was made.
        case connect(PlainConnection.Failure)
        /// Writing or reading failed.
        case io(PlainConnection.Failure)
        /// The receiver closed the connection after `afterBytes` bytes of a response, with no whole head among them.
        case closed(afterBytes: Int)
        case head(ResponseHeadParser.Problem)
        /// The head's `Content-Length` is not one length (RFC 9112 §6.3: the response is discarded).
        case framing
    }

    var status: Int?
    var retryAfter: String?
    var location: String?
    var bodyBytes = 0
    var bodyTruncated = false
    /// Why no status came; nil once one did.
    var failure: Failure?
    /// The connection broke before any byte of a response: the receiver may not have seen the request at all.
    var lostBeforeResponse = false
    /// The response was read whole, its end known from its head, and the connection may carry another request.
    var reusable = false

    init(failure: Failure? = nil, lostBeforeResponse: Bool = false) {
        self.failure = failure
        self.lostBeforeResponse = lostBeforeResponse
    }
}
