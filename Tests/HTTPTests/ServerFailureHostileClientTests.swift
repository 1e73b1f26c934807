import Foundation
import Glibc
import Synchronization
import System
import TestSupport
import Testing

@testable import HTTP

/// The server when the system fails it: out of descriptors, a broken epoll set, a thread that cannot start.
/// Each time it must neither spin nor go quiet, and must free what it took.
@Suite struct ServerFailureHostileClientTests {
    /// CPU seconds this process has used (all threads).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
    }

    @Test func outOfDescriptorsTheLoopPausesAcceptingSaysSoOnceAndResumes() async throws {
        // In a child process, whose descriptor limit can be lowered without touching the other tests: twenty
        // connections are accepted, the limit is then set to exactly the descriptors open, and ten more queue
        // in the backlog. accept4 fails with EMFILE while the listener stays readable; a loop that kept
        // watching it would spin. Ending the twenty frees the server's descriptors, and the ten are served.
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            let server = try TestServer(
                configuration: ServerConfiguration(eventLoops: 1, accessLog: .off), routes: TestServer.standardRoutes)
            let first = try (0..<20).map { _ in try server.client(timeoutSeconds: 5) }
            for client in first { _ = try client.request("GET", "/hello") }
            // Sockets for the later clients exist before the limit drops; connecting them needs no descriptor.
            let later = (0..<10).map { _ in socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0) }
            let highest = later.max() ?? 0
            var limit = rlimit()
            getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
            limit.rlim_cur = rlim_t(highest + 1)
            guard setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { exit(3) }
            // Numbers freed earlier in the process are filled too, so that none is left for accept4.
            var filler: [Int32] = []
            while case let fd = open("/dev/null", O_RDONLY), fd >= 0 { filler.append(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = UInt16(server.port).bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            for fd in later {
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
                guard connected == 0 else { exit(4) }
                let request = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n"
                _ = request.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            }
            // Half a second with connections queued that cannot be accepted: a spinning loop burns it all.
            let cpuBefore = ServerFailureHostileClientTests.cpuSeconds()
            usleep(500_000)
            let cpu = ServerFailureHostileClientTests.cpuSeconds() - cpuBefore
            guard cpu < 0.2 else { exit(5) }
            // Freeing descriptors lets the queued clients in; each gets its answer.
            withExtendedLifetime(first) {}
            for client in first { shutdown(client.fd, Int32(SHUT_RDWR)) }
            for fd in later {
                var timeout = timeval(tv_sec: 5, tv_usec: 0)
                setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                var buffer = [UInt8](repeating: 0, count: 512)
                let n = recv(fd, &buffer, buffer.count, 0)
                guard n > 0, String(decoding: buffer[0..<n], as: UTF8.self).hasPrefix("HTTP/1.1 200 ") else { exit(6) }
            }
            withExtendedLifetime(filler) {}
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        let pauses = stderr.components(separatedBy: "pausing accepts").count - 1
        #expect(pauses == 1, "the pause was logged \(pauses) times: \(stderr)")
        #expect(stderr.contains("EMFILE") || stderr.contains("Too many open files"), "\(stderr)")
        #expect(stderr.contains("accepting connections again"), "\(stderr)")
    }

    @Test func maxConnectionsIsLoweredToWhatTheDescriptorLimitAllows() async throws {
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            var limit = rlimit()
            getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
            limit.rlim_cur = 200
            limit.rlim_max = 200
            guard setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { exit(3) }
            let capped = HTTPServer.connectionsWithinDescriptorLimit(10_000)
            guard capped == 200 - HTTPServer.reservedDescriptors else { exit(4) }
            guard HTTPServer.connectionsWithinDescriptorLimit(100) == 100 else { exit(5) }
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("max connections lowered from 10000 to 136"), "\(stderr)")
    }

    @Test func aBrokenEpollSetStopsTheServerAndSaysWhy() throws {
        // An epoll_wait error other than EINTR leaves a loop unable to serve its connections: the server must
        // say so and stop every loop, not lose one loop in silence.
        let reported = Mutex<[String]>([])
        var configuration = ServerConfiguration(eventLoops: 2, timeouts: .init(headMilliseconds: 40))
        configuration.onFailure = { message in reported.withLock { $0.append(message) } }
        let server = try TestServer(configuration: configuration, routes: TestServer.standardRoutes)
        let null = open("/dev/null", O_RDONLY)
        defer { close(null) }
        // The loop's epoll descriptor becomes /dev/null in one step, so no other file can take its number.
        #expect(dup2(null, server.server.loops[0].epfd) >= 0)
        let deadline = Date().addingTimeInterval(5)
        while reported.withLock({ $0.isEmpty }) && Date() < deadline { usleep(5_000) }
        #expect(reported.withLock { $0.count } == 1)
        #expect(reported.withLock { $0.first ?? "" }.contains("epoll_wait"))
        #expect(server.server.failure?.contains("event loop 0") == true)
        // Every loop ends, the healthy one included.
        let ended = Atomic<Bool>(false)
        let http = server.server
        Thread.detachNewThread {
            http.wait()
            ended.store(true, ordering: .relaxed)
        }
        while !ended.load(ordering: .relaxed) && Date() < deadline { usleep(5_000) }
        let allEnded = ended.load(ordering: .relaxed)
        #expect(allEnded, "the server's loops did not all stop")
    }

    struct SpawnFailed: Error {}

    @Test func aThreadThatCannotStartLeavesNoOtherRunning() throws {
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, eventLoops: 3, accessLog: .off)
        let server = try HTTPServer(configuration: configuration, router: Router())
        let spawned = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        #expect(throws: SpawnFailed.self) {
            try server.start { _, body in
                guard spawned.add(1, ordering: .relaxed).newValue < 3 else { throw SpawnFailed() }
                return try SystemThread.spawn(named: "test") {
                    body()
                    finished.add(1, ordering: .relaxed)
                }
            }
        }
        // start joined the two loops it started before it threw.
        #expect(finished.load(ordering: .relaxed) == 2)
        server.wait()
    }

    @Test func waitingAgainClosesNothingElse() throws {
        let server = try HTTPServer(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0, eventLoops: 1, accessLog: .off),
            router: Router())
        try server.start()
        let listener = server.listenerFD
        server.shutdown()
        // The listener's number now names another open file, as it may in a busy process.
        let null = open("/dev/null", O_RDONLY)
        defer { close(null) }
        #expect(dup2(null, listener) == listener)
        server.wait()
        #expect(fcntl(listener, F_GETFD) >= 0, "a second wait closed a descriptor the server no longer owns")
        close(listener)
    }
}
