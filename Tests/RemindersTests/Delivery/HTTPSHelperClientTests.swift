import Glibc
import Outgoing
import Synchronization
import System
import Testing

@testable import Reminders

/// The HTTPS helper process as the service sees it: started by the first request, let go when idle or when its
/// client ends, and a death that fails only what it held. What every client does alike (the helper among them)
/// is in `HTTPClientContractTests`.
@Suite("The HTTPS helper: started on first use, let go when idle, its death failing only what it held")
struct HTTPSHelperClientTests {
    static func request(_ url: String) -> OutgoingRequest {
        OutgoingRequest(url: url, headers: [.init("Content-Type", "application/json")], body: Array("{}".utf8))
    }

    static func client(idleMillis: Int64 = HTTPSHelperClient.defaultIdleMillis) -> HTTPSHelperClient {
        HTTPSHelperClient(
            path: HTTPSHelperClient.besideExecutable, bodyLimit: HTTPClientDefaults.bodyLimit, idleMillis: idleMillis)
    }

    /// Whether process `pid` is gone and reaped, waiting at most 10 s for it.
    static func reaped(_ pid: pid_t) -> Bool {
        let deadline = Clock.monotonicMilliseconds() + 10_000
        while Clock.monotonicMilliseconds() < deadline {
            if kill(pid, 0) == -1 && errno == ESRCH { return true }
            usleep(5_000)
        }
        return false
    }

    /// Waits at most 10 s for `condition`.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = Clock.monotonicMilliseconds() + 10_000
        while !condition() {
            guard Clock.monotonicMilliseconds() < deadline else { return false }
            usleep(5_000)
        }
        return true
    }

    @Test func theHelperIsBuiltBesideTheExecutable() throws {
        let path = try #require(HTTPSHelperClient.besideExecutable)
        #expect(path.hasSuffix("/notapest-https"))
        #expect(access(path, X_OK) == 0, "\(path) is not there: building notapest builds it")
    }

    @Test(
        "the operator is told at start when no helper can be run",
        arguments: [
            (HTTPSHelperClient.besideExecutable, nil),
            (
                "/nonexistent/notapest-https",
                "no HTTPS helper at /nonexistent/notapest-https: reminders to https:// receivers will fail until notapest-https is installed beside notapest"
            ),
            (
                nil,
                "the HTTPS helper cannot be found (/proc/self/exe is unreadable): reminders to https:// receivers will fail"
            ),
        ] as [(String?, String?)])
    func missingHelperWarning(_ path: String?, _ warning: String?) {
        #expect(HTTPSHelperClient.missingWarning(path: path) == warning)
    }

    @Test func aHelperThatIsThereButNotExecutableIsWarnedOf() throws {
        let path = "/tmp/notapest-https-not-executable-\(getpid())"
        let descriptor = creat(path, 0o644)
        try #require(descriptor >= 0)
        close(descriptor)
        defer { unlink(path) }
        #expect(HTTPSHelperClient.missingWarning(path: path)?.hasPrefix("no HTTPS helper at \(path):") == true)
    }

    @Test func noHelperRunsUntilTheFirstRequest() throws {
        let receiver = try Receiver { _, _ in .status(204) }
        let client = Self.client()
        #expect(client.helperProcess == nil)
        let attempt = client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5))
        #expect(attempt.result == .response(status: 204))
        let pid = try #require(client.helperProcess)
        #expect(client.send(Self.request(receiver.url("/hook")), timeout: .seconds(5)).status == 204)
        #expect(client.helperProcess == pid, "the second request went to the helper the first started")
    }

    @Test func anIdleHelperIsLetGoAndTheNextRequestStartsAnother() throws {
        let receiver = try Receiver { _, _ in .status(200) }
        let client = Self.client(idleMillis: 200)
        #expect(client.send(Self.request(receiver.url("/a")), timeout: .seconds(5)).status == 200)
        let first = try #require(client.helperProcess)
        #expect(Self.eventually { client.helperProcess == nil }, "the idle helper was not let go")
        #expect(Self.reaped(first), "the helper let go did not exit, or was not reaped")
        #expect(client.send(Self.request(receiver.url("/b")), timeout: .seconds(5)).status == 200)
        #expect(client.helperProcess != nil)
        #expect(receiver.arrivals.map(\.path) == ["/a", "/b"])
    }

    @Test func aHelperWithARequestInFlightIsNotLetGo() throws {
        let receiver = try Receiver { _, _ in .delayed(millis: 600, .status(200)) }
        let client = Self.client(idleMillis: 100)
        #expect(client.send(Self.request(receiver.url("/slow")), timeout: .seconds(5)).status == 200)
    }

    @Test func aHelperThatDiesFailsWhatItHeldAndTheNextRequestStartsAnother() throws {
        let receiver = try Receiver { arrival, _ in arrival.path == "/hang" ? .hang : .status(200) }
        let client = Self.client()
        let outcome = Mutex<HTTPAttempt?>(nil)
        let thread = try SystemThread.spawn(named: "test-send") {
            let attempt = client.send(Self.request(receiver.url("/hang")), timeout: .seconds(30))
            outcome.withLock { $0 = attempt }
        }
        receiver.waitForArrivals(1)
        let pid = try #require(client.helperProcess)
        kill(pid, SIGKILL)
        pthread_join(thread, nil)
        let attempt = try #require(outcome.withLock { $0 })
        #expect(attempt.result == .failure(.transport("the HTTPS helper ended before answering")))
        #expect(attempt.durationMillis < 10_000)
        #expect(Self.reaped(pid))
        #expect(client.send(Self.request(receiver.url("/next")), timeout: .seconds(5)).status == 200)
        #expect(client.helperProcess != pid)
    }

    /// What the helper sees when the server is killed: the kernel closes the server's end of the socket.
    @Test func theHelperExitsAtTheEndOfItsInputWithoutWaitingForARequestInFlight() throws {
        let receiver = try Receiver { _, _ in .hang }
        let path = try #require(HTTPSHelperClient.besideExecutable)
        var ends: [Int32] = [-1, -1]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0, &ends) == 0)
        let pid = try HelperLink.spawn(path, arguments: [], input: ends[1])
        close(ends[1])
        let request = HelperWire.Request(id: 1, timeoutMillis: 30_000, request: Self.request(receiver.url("/hang")))
        #expect(HelperWire.write(HelperWire.frame(request), to: ends[0]))
        receiver.waitForArrivals(1)
        let closed = Clock.monotonicMilliseconds()
        close(ends[0])
        var status: Int32 = 0
        var exited = false
        while !exited && Clock.monotonicMilliseconds() - closed < 10_000 {
            exited = waitpid(pid, &status, WNOHANG) == pid
            if !exited { usleep(5_000) }
        }
        if !exited {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        #expect(exited, "the helper waited for its request's 30 s instead of ending with its input")
        #expect(status == 0, "the helper's wait status was \(status)")
    }

    @Test func requestsInFlightTogetherEachGetTheirOwnAnswer() throws {
        let receiver = try Receiver { arrival, _ in
            .delayed(millis: 50, .status(200 + (Int(arrival.path.dropFirst()) ?? 99)))
        }
        let client = Self.client()
        let statuses = Mutex<[Int: Int]>([:])
        let threads = try (0..<16).map { index in
            try SystemThread.spawn(named: "test-send") {
                let attempt = client.send(Self.request(receiver.url("/\(index)")), timeout: .seconds(10))
                statuses.withLock { $0[index] = attempt.status ?? -1 }
            }
        }
        threads.forEach { pthread_join($0, nil) }
        #expect(statuses.withLock { $0 } == Dictionary(uniqueKeysWithValues: (0..<16).map { ($0, 200 + $0) }))
    }

    @Test(
        "a helper that cannot start is a failure that names it, and nothing else",
        arguments: ["/nonexistent/notapest-https", nil] as [String?])
    func aMissingHelper(_ path: String?) {
        let client = HTTPSHelperClient(path: path, bodyLimit: 1024)
        let attempt = client.send(Self.request("https://127.0.0.1:1/hook"), timeout: .seconds(1))
        guard case .failure(.transport(let detail)) = attempt.result else {
            Issue.record("\(attempt)")
            return
        }
        #expect(detail.hasPrefix("the HTTPS helper did not start: "))
        #expect(detail.contains(path ?? "/proc/self/exe"))
        #expect(client.helperProcess == nil)
    }

    @Test func aRequestLargerThanAFrameIsRefusedBeforeAnyHelperStarts() {
        let client = Self.client()
        let body = [UInt8](repeating: 0x61, count: HelperWire.frameLimit)
        let attempt = client.send(
            OutgoingRequest(url: "https://127.0.0.1:1/hook", headers: [], body: body), timeout: .seconds(1))
        #expect(
            attempt.result == .failure(.transport("the request is larger than the HTTPS helper takes (4194304 bytes)")))
        #expect(client.helperProcess == nil)
    }

    @Test func theClientsEndLetsItsHelperGo() throws {
        let receiver = try Receiver { _, _ in .status(200) }
        var client: HTTPSHelperClient? = Self.client()
        #expect(client?.send(Self.request(receiver.url("/a")), timeout: .seconds(5)).status == 200)
        let pid = try #require(client?.helperProcess)
        client = nil
        #expect(Self.reaped(pid))
    }
}
