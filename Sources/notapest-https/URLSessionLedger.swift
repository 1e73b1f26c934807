import Foundation
import Outgoing
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The session's delegate: finds each task's exchange by its identifier and records what happens to it. Runs on
/// the session's delegate queue, one callback at a time.
final class URLSessionLedger: NSObject, URLSessionDataDelegate, Sendable {
    private let exchanges = Mutex<[Int: URLSessionExchange]>([:])
    private let bodyLimit: Int

    init(bodyLimit: Int) {
        self.bodyLimit = bodyLimit
    }

    /// Starts reporting the task `identifier` to `exchange`; register before the task is resumed.
    func register(_ exchange: URLSessionExchange, for identifier: Int) {
        exchanges.withLock { $0[identifier] = exchange }
    }

    /// Stops reporting the task: its sender gave up waiting.
    func remove(_ identifier: Int) {
        _ = exchanges.withLock { $0.removeValue(forKey: identifier) }
    }

    private func exchange(_ task: URLSessionTask) -> URLSessionExchange? {
        exchanges.withLock { $0[task.taskIdentifier] }
    }

    private static func record(_ response: HTTPURLResponse, in state: inout URLSessionExchange.State) {
        state.status = response.statusCode
        state.retryAfter = response.value(forHTTPHeaderField: "Retry-After")
        state.location = response.value(forHTTPHeaderField: "Location")
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if let response = response as? HTTPURLResponse {
            exchange(dataTask)?.state.withLock { Self.record(response, in: &$0) }
        }
        completionHandler(.allow)
    }

    /// Counts the body and drops it. Past the limit the sender is told at once and the task cancelled: libcurl
    /// goes on reading until the cancellation reaches it, which on a fast connection can be megabytes later, so
    /// the sender does not wait for that, and the bytes read after it are not reported to anyone.
    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let exchange = exchange(dataTask) else { return }
        let over = exchange.state.withLock { state -> Bool in
            state.bodyBytes += data.count
            return state.bodyBytes > bodyLimit
        }
        guard over else { return }
        remove(dataTask.taskIdentifier)
        exchange.state.withLockThenWake { $0.bodyTruncated = true }
        cancel(dataTask)
    }

    /// Cancels `task`. Call it on the delegate queue only, and never `cancel()` a task anywhere else.
    ///
    /// FoundationNetworking cancels in two steps on the task's queue, and the second looks the task up in the
    /// session's registry, which traps when the task has left it. A task leaves the registry in a step queued by
    /// its completion's delegate callback, so a cancellation that races with the task's end can trap the process.
    /// The delegate queue is serial: holding it until both steps have run keeps the completion's callback, and
    /// so the task's removal, after them. Reading `priority` waits for the task's queue (it reads on it), so two
    /// reads wait for the first step and then for the second, which the first queued.
    func cancel(_ task: URLSessionTask) {
        task.cancel()
        _ = task.priority
        _ = task.priority
    }

    /// Refuses every redirect: the task completes with the 3xx itself.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        exchange(task)?.state.withLock { Self.record(response, in: &$0) }
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let exchange = exchanges.withLock { $0.removeValue(forKey: task.taskIdentifier) }
        guard let exchange else { return }
        if let response = task.response as? HTTPURLResponse {
            exchange.state.withLock { state in
                if state.status == nil { Self.record(response, in: &state) }
            }
        }
        exchange.state.withLockThenWake { state in
            state.finished = true
            state.failure = error.map { URLSessionClient.failure($0, timeoutMillis: exchange.timeoutMillis) }
        }
    }
}
