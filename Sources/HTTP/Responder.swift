import Synchronization

/// A one-shot completion for a deferred handler. Calling it from any thread hands the response
/// back to the connection's event loop, which sends it in request order. Only the first call counts.
public final class Responder: Sendable {
    private let deliver: Mutex<(@Sendable (Result<Response, any Error>) -> Void)?>

    public init(_ deliver: @escaping @Sendable (Result<Response, any Error>) -> Void) {
        self.deliver = Mutex(deliver)
    }

    public func respond(_ result: Result<Response, any Error>) {
        let callback = deliver.withLock { slot -> (@Sendable (Result<Response, any Error>) -> Void)? in
            defer { slot = nil }
            return slot
        }
        callback?(result)
    }

    public func respond(_ response: Response) { respond(.success(response)) }
    public func fail(_ error: any Error) { respond(.failure(error)) }
}
