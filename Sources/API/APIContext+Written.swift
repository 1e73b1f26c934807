import HTTP

extension APIContext {
    /// What a write job hands back: its response, or how to build it; for a new event, the timeline it was
    /// judged against, which the cache may extend; and the settings it stored, which replace those in memory
    /// once it is committed. What the write changed is the Store's to say, not the job's.
    struct Written: Sendable {
        private enum Source: Sendable {
            case ready(Response)
            /// Composed on the event loop after the commit, for a transaction that needs nothing of it:
            /// the writer thread is the service's scarcest, so there it only stores.
            case later(@Sendable () -> Response)
        }

        private let source: Source
        /// The timeline the event this job stored was judged against.
        let judgement: CacheWrite.Judgement?
        /// The settings this job stored.
        let settings: SettingsSnapshot?

        init(_ response: Response, judgement: CacheWrite.Judgement? = nil, settings: SettingsSnapshot? = nil) {
            self.source = .ready(response)
            self.judgement = judgement
            self.settings = settings
        }

        init(building build: @escaping @Sendable () -> Response, judgement: CacheWrite.Judgement? = nil) {
            self.source = .later(build)
            self.judgement = judgement
            self.settings = nil
        }

        /// The response, composed now if it was left for later.
        var response: Response {
            switch source {
            case .ready(let response): response
            case .later(let build): build()
            }
        }

        /// This with its response composed now, for a transaction that keeps it (an idempotency key).
        func composed() -> Written { Written(response, judgement: judgement, settings: settings) }

        /// Answers on the request's event loop, after `before` runs there. Called on the writer thread, which only
        /// hands both over: a response already composed (one an idempotency key keeps) still waits for `before`
        /// on the loop, so the cache is extended there and never by the writer.
        func deliver(to responder: Responder, before: (@Sendable () -> Void)?) {
            switch (source, before) {
            case (.ready(let response), nil):
                responder.respond(response)
            case (.ready(let response), let before?):
                responder.respond(building: {
                    before()
                    return response
                })
            case (.later(let build), let before):
                responder.respond(building: {
                    before?()
                    return build()
                })
            }
        }
    }
}
