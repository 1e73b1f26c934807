import HTTP
import Store

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
        /// What the reminders must hear besides what the Store reports: a channel's write changes no timeline,
        /// but what a channel sends, so it is `.everything` to them.
        var remindersChange = StoreChange.none
        /// Whether the job made a delivery due outside the scheduler (a retry), which the sender must look at.
        var outboxChanged = false

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
        func composed() -> Written {
            var written = Written(response, judgement: judgement, settings: settings)
            written.remindersChange = remindersChange
            written.outboxChanged = outboxChanged
            return written
        }

        /// This, telling the reminders of `change` too.
        func telling(_ change: StoreChange, outbox: Bool = false) -> Written {
            var written = self
            written.remindersChange = remindersChange.then(change)
            written.outboxChanged = outboxChanged || outbox
            return written
        }

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
