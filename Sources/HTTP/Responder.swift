import Synchronization

/// The way a deferred handler answers: exactly once, from any thread. Later calls are ignored.
public final class Responder: Sendable {
    private let deliver: Mutex<(@Sendable (Completion) -> Void)?>

    /// What a deferred handler hands back to its event loop.
    public enum Completion: Sendable {
        case success(Response)
        case failure(any Error)
        /// Built on the event loop when it takes the completion, so the thread that finished the work
        /// (the database writer, say) spends no time composing the response. A thrown error is answered
        /// as `failure` would be.
        case build(@Sendable () throws -> Response)
    }

    public init(_ deliver: @escaping @Sendable (Completion) -> Void) {
        self.deliver = Mutex(deliver)
    }

    public func complete(_ completion: Completion) {
        let callback = deliver.withLock { slot -> (@Sendable (Completion) -> Void)? in
            defer { slot = nil }
            return slot
        }
        callback?(completion)
    }

    public func respond(_ result: Result<Response, any Error>) {
        switch result {
        case .success(let response): complete(.success(response))
        case .failure(let error): complete(.failure(error))
        }
    }

    public func respond(_ response: Response) { complete(.success(response)) }
    public func fail(_ error: any Error) { complete(.failure(error)) }
    /// Answers with what `build` returns, run on the request's event loop.
    public func respond(building build: @escaping @Sendable () throws -> Response) { complete(.build(build)) }
}
