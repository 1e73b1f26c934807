/// What the head parser made of the bytes received so far.
public enum HeadParseResult: Sendable, Equatable {
    /// A strict prefix of a head that may still turn out valid: call again with more bytes.
    case incomplete
    /// A complete head; `consumed` counts its bytes, from the first byte given (leading empty
    /// lines included) through the CRLF that ends the header section. Later bytes are the body
    /// or the next request.
    case complete(RequestHead, consumed: Int)
    /// The bytes cannot begin a valid request; answer with `error.status` and close.
    case failure(HTTPParseError)
}
