/// What a route runs. Most handlers answer at once; a handler that must wait (a write waiting for
/// its group commit) takes a `Responder` and answers later from any thread.
public enum Handler: Sendable {
    case immediate(@Sendable (Request) throws -> Response)
    case deferred(@Sendable (Request, Responder) -> Void)
}
