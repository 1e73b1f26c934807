import API
import App
import Dispatch
import Foundation
import HTTP
import Store
import Synchronization
import TestSupport

/// The service's routes over a temporary database, driven in this process: each request goes through the server's
/// own parser, admission (`Host`, routing, the token guard, media types, body limits), handlers and error
/// responses, with no socket, event loop or port. A deferred handler's answer is waited for, with a bound, and its
/// response made on the test's thread, as an event loop makes it on its own. Reads use the store's one reader,
/// which belongs to the thread of the test that made the harness.
final class InProcessAPI: APICalling {
    let store: Store
    let context: APIContext
    let directory: URL
    let clock: TestClock
    private let dispatcher: RequestDispatcher

    /// The longest a request may take to be answered before the test fails instead of hanging.
    static let answerBound: DispatchTimeInterval = .seconds(10)

    /// `arguments` are the service's own options (`--cache-mib 0`, `--token t`), over its defaults.
    init(now: String = "2026-11-02T12:00:00Z", arguments: [String] = []) throws {
        directory = Self.scratch.appendingPathComponent("notapest-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let clock = TestClock(now)
        self.clock = clock
        let options = try ServeOptions.parse(
            ["--db", directory.appendingPathComponent("t.sqlite").path] + arguments, environment: [:])
        let token = try options.resolvedToken()
        var configuration = options.serverConfiguration
        // As the service does: without a token, only the names it is known by are served.
        if token == nil { configuration.allowedHosts = options.hostsServedWithoutToken }
        store = try Store(path: options.databasePath, readers: 5)
        do {
            context = try APIContext(
                store: store, now: { clock.now() }, token: token, cacheBytes: options.cacheMiB << 20,
                publicURL: options.publicURL)
        } catch {
            store.close()
            throw error
        }
        dispatcher = RequestDispatcher(
            router: APIRoutes.make(context), configuration: configuration, observer: context.metrics)
    }

    /// Where the databases go: in memory (`/dev/shm`) where there is such a place, since what the routes answer
    /// does not depend on whether a commit reached a disk, and waiting for that was most of these tests' time.
    /// Durability is tested on disk, over sockets and across processes.
    static let scratch: URL = {
        var isDirectory: ObjCBool = false
        let memory = "/dev/shm"
        guard FileManager.default.fileExists(atPath: memory, isDirectory: &isDirectory), isDirectory.boolValue,
            FileManager.default.isWritableFile(atPath: memory)
        else { return FileManager.default.temporaryDirectory }
        return URL(fileURLWithPath: memory, isDirectory: true)
    }()

    deinit {
        store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    func send(
        _ method: String, _ target: String, body: String?, contentType: String?, headers: [(String, String)]
    ) throws -> Response {
        let message = TestClient.message(method, target, body: body, contentType: contentType, headers: headers)
        let delivery = Delivery()
        dispatcher.dispatch(Array(message.utf8)) { delivery.hand($0) }
        guard let answer = delivery.wait(Self.answerBound) else {
            throw CallFailure("\(method) \(target) was not answered within \(Self.answerBound)")
        }
        return answer.response()
    }

    /// Where the dispatcher hands one answer over, from whichever thread.
    private final class Delivery: Sendable {
        private let answered = DispatchSemaphore(value: 0)
        private let answer = Mutex<RequestDispatcher.Answer?>(nil)

        func hand(_ given: RequestDispatcher.Answer) {
            answer.withLock { $0 = given }
            answered.signal()
        }

        /// The answer, once handed over; nil if that takes longer than `bound`.
        func wait(_ bound: DispatchTimeInterval) -> RequestDispatcher.Answer? {
            guard answered.wait(timeout: .now() + bound) == .success else { return nil }
            return answer.withLock { $0 }
        }
    }
}
