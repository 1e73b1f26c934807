import HTTP
import Testing

@testable import HTTP

/// The connection state machine without sockets: bytes and clock readings in, steps and output out.
@Suite struct ConnectionCoreTests {
    static let timeouts = ServerConfiguration.Timeouts(
        headMilliseconds: 100, idleMilliseconds: 300, bodyMilliseconds: 200)

    func makeCore(maxBody: Int = 1024, maxPending: Int = 1 << 20) -> ConnectionCore {
        var core = ConnectionCore(
            limits: ParserLimits(maxBodyBytes: maxBody), timeouts: Self.timeouts, maxPendingOutput: maxPending,
            serverName: "t", now: 0)
        core.date = Array("Sun, 29 Nov 2026 14:00:00 GMT".utf8)
        return core
    }

    func feed(_ core: inout ConnectionCore, _ text: String, now: Int64 = 0) {
        Array(text.utf8).withUnsafeBytes { core.received($0, now: now) }
    }

    func output(_ core: inout ConnectionCore) -> String {
        var text = ""
        core.withPendingOutput(now: 0) { raw in
            text = String(decoding: raw, as: UTF8.self)
            return raw.count
        }
        return text
    }

    @Test func requestIsDispatchedOnlyOnceComplete() {
        var core = makeCore()
        feed(&core, "POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nab")
        guard case .needMore = core.advance(now: 0) else {
            Issue.record("dispatched before the body was complete")
            return
        }
        #expect(!core.wantsRead == false)
        feed(&core, "cd")
        guard case .dispatch(let request, let summary) = core.advance(now: 0) else {
            Issue.record("complete request not dispatched")
            return
        }
        #expect(request.body == Array("abcd".utf8))
        #expect(summary.keepAlive)
        // While the handler runs, reading pauses: the next pipelined request waits its turn.
        #expect(!core.wantsRead)
        core.respond(.text("ok"), to: summary, now: 0)
        #expect(core.wantsRead)
        #expect(output(&core).hasPrefix("HTTP/1.1 200 OK\r\nDate: Sun, 29 Nov 2026 14:00:00 GMT\r\nServer: t\r\n"))
    }

    @Test func expectContinueQueuesTheInterimResponseOnce() {
        // RFC 9110 §10.1.1.
        var core = makeCore()
        feed(&core, "PUT /x HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
        guard case .needMore = core.advance(now: 0) else {
            Issue.record("dispatched early")
            return
        }
        #expect(output(&core) == "HTTP/1.1 100 Continue\r\n\r\n")
        feed(&core, "ok")
        guard case .dispatch = core.advance(now: 0) else {
            Issue.record("not dispatched")
            return
        }
        #expect(core.pendingOutputCount == 0)
    }

    @Test func expectContinueIsSkippedWhenTheBodyAlreadyArrived() {
        var core = makeCore()
        feed(&core, "PUT /x HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok")
        guard case .dispatch = core.advance(now: 0) else {
            Issue.record("not dispatched")
            return
        }
        #expect(core.pendingOutputCount == 0)
    }

    struct TimerCase: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: String
        let at: Int64
        let expected: ConnectionCore.Expiry
        var testDescription: String { name }
    }

    @Test(arguments: [
        TimerCase(name: "idle connection before the idle timeout", bytes: "", at: 299, expected: .none),
        TimerCase(name: "idle connection at the idle timeout closes silently", bytes: "", at: 300, expected: .close),
        TimerCase(name: "partial head before the head timeout", bytes: "GET / HTTP/1.1\r\n", at: 99, expected: .none),
        TimerCase(
            name: "RFC 9110 §15.5.9 partial head at the head timeout is 408", bytes: "GET / HTTP/1.1\r\n", at: 100,
            expected: .respondAndClose),
        TimerCase(
            name: "partial body before the body timeout",
            bytes: "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 9\r\n\r\nab", at: 199, expected: .none),
        TimerCase(
            name: "partial body at the body timeout is 408",
            bytes: "POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 9\r\n\r\nab", at: 200, expected: .respondAndClose),
    ])
    func timers(_ row: TimerCase) {
        var core = makeCore()
        if !row.bytes.isEmpty { feed(&core, row.bytes) }
        _ = core.advance(now: 0)
        #expect(core.expire(now: row.at) == row.expected)
        if row.expected == .respondAndClose {
            #expect(output(&core).hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
            #expect(core.isFinished)
        }
    }

    @Test func runningHandlerHasNoTimeout() {
        var core = makeCore()
        feed(&core, "GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        guard case .dispatch = core.advance(now: 0) else {
            Issue.record("not dispatched")
            return
        }
        #expect(core.expire(now: 10_000) == .none)
    }

    @Test func parseErrorQueuesProblemAndCloses() {
        var core = makeCore()
        feed(&core, "GET / HTTP/1.1\r\n\r\n")
        guard case .needMore = core.advance(now: 0) else {
            Issue.record("dispatched a request without Host")
            return
        }
        let text = output(&core)
        #expect(text.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        #expect(text.contains("Connection: close\r\n"))
        #expect(text.contains("Content-Type: application/problem+json"))
        #expect(core.isFinished)
    }

    @Test func shutdownDrainsIdleConnectionsAndFinishesBusyOnes() {
        var idle = makeCore()
        let idleCloses = idle.drain()
        #expect(idleCloses)
        var busy = makeCore()
        feed(&busy, "GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        guard case .dispatch(_, let summary) = busy.advance(now: 0) else {
            Issue.record("not dispatched")
            return
        }
        let busyCloses = busy.drain()
        #expect(!busyCloses)
        busy.respond(.text("done"), to: summary, now: 0)
        #expect(output(&busy).contains("Connection: close\r\n"))
        #expect(busy.isFinished)
    }

    /// Admits by path, as the server's router and guards would: `/import` takes 8 bytes, `/secret` is refused
    /// (401) from its head, everything else takes 4.
    struct PathAdmitter: HeadAdmitting {
        func admit(_ head: RequestHead, _ info: MessageInfo) -> Admission {
            switch head.path {
            case "/import": .admit(route: nil, parameters: [:], maxBodyBytes: 8)
            case "/secret": .answer(Problem(status: 401, detail: "no").response, route: "/secret")
            default: .admit(route: nil, parameters: [:], maxBodyBytes: 4)
            }
        }
    }

    @Test func oneRouteMayTakeALargerBody() {
        // The route's limit applies once it is admitted: the import path may exceed the general limit,
        // everything else is still 413.
        var core = makeCore(maxBody: 4)
        feed(&core, "POST /import HTTP/1.1\r\nHost: t\r\nContent-Length: 8\r\n\r\n12345678")
        guard case .dispatch(let request, _) = core.advance(now: 0, admitter: PathAdmitter()) else {
            Issue.record("the larger body was refused")
            return
        }
        #expect(request.body.count == 8)
        var other = makeCore(maxBody: 4)
        feed(&other, "POST /elsewhere HTTP/1.1\r\nHost: t\r\nContent-Length: 8\r\n\r\n12345678")
        _ = other.advance(now: 0, admitter: PathAdmitter())
        #expect(output(&other).hasPrefix("HTTP/1.1 413 "))
    }

    /// Requests refused by their heads, each with the body it declares: whether the connection is kept
    /// (the short body skipped) or closed (a long, chunked or held-back body is never read).
    static let refusedHeads: [(name: String, head: String, body: String, keeps: Bool)] = [
        ("no body", "GET /secret HTTP/1.1\r\nHost: t\r\n\r\n", "", true),
        ("short body", "POST /secret HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\n", "hello", true),
        (
            "body at the skipping bound",
            "POST /secret HTTP/1.1\r\nHost: t\r\nContent-Length: \(ConnectionCore.skippableBodyBytes)\r\n\r\n",
            String(repeating: "x", count: ConnectionCore.skippableBodyBytes), true
        ),
        (
            "body past the skipping bound",
            "POST /secret HTTP/1.1\r\nHost: t\r\nContent-Length: \(ConnectionCore.skippableBodyBytes + 1)\r\n\r\n",
            "", false
        ),
        ("60 MiB body", "POST /secret HTTP/1.1\r\nHost: t\r\nContent-Length: 62914560\r\n\r\n", "", false),
        ("chunked body", "POST /secret HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n", "", false),
        (
            "body held back for 100 Continue",
            "POST /secret HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n", "", false
        ),
    ]

    @Test(arguments: refusedHeads)
    func requestRefusedByItsHeadIsAnsweredWithoutReadingItsBody(
        row: (name: String, head: String, body: String, keeps: Bool)
    ) {
        // RFC 9110 §10.1.1: no 100 (Continue) for a request the server refuses; the body is not buffered.
        var core = makeCore(maxBody: 4)
        feed(&core, row.head)
        guard case .answered(let summary, let response, let route) = core.advance(now: 0, admitter: PathAdmitter())
        else {
            Issue.record("\(row.name): not answered from the head")
            return
        }
        #expect(response.status == 401, "\(row.name)")
        #expect(route == "/secret", "\(row.name)")
        #expect(summary.keepAlive == row.keeps, "\(row.name)")
        let sent = output(&core)
        #expect(sent.hasPrefix("HTTP/1.1 401 "), "\(row.name)")
        #expect(!sent.contains("100 Continue"), "\(row.name)")
        #expect(sent.contains("Connection: close\r\n") == !row.keeps, "\(row.name)")
        if row.keeps {
            feed(&core, row.body + "GET /next HTTP/1.1\r\nHost: t\r\n\r\n")
            guard case .dispatch(let next, _) = core.advance(now: 0, admitter: PathAdmitter()) else {
                Issue.record("\(row.name): the request after the skipped body was not read")
                return
            }
            #expect(next.path == "/next", "\(row.name)")
        } else {
            #expect(core.isFinished, "\(row.name): the connection does not close")
            #expect(!core.wantsRead, "\(row.name): the body would be read")
        }
    }

    @Test func skippingABodyThatStopsArrivingClosesWithoutASecondAnswer() {
        var core = makeCore()
        feed(&core, "POST /secret HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
        _ = core.advance(now: 0, admitter: PathAdmitter())
        _ = output(&core)
        #expect(core.expire(now: Int64(Self.timeouts.bodyMilliseconds) - 1) == .none)
        #expect(core.expire(now: Int64(Self.timeouts.bodyMilliseconds)) == .close)
        #expect(core.pendingOutputCount == 0)
    }

    @Test func readingPausesWhileUnparsedInputExceedsOneHead() {
        // Input is read no further ahead of the parser than one head of the largest size and one read:
        // a body cannot pile up in the buffer before its head is decided.
        var core = makeCore()
        let bound = core.inputHighWater
        feed(&core, String(repeating: "x", count: bound - 1))
        #expect(core.wantsRead)
        feed(&core, "x")
        #expect(!core.wantsRead)
    }
}
