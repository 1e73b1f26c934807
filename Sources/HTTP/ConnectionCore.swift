/// The life of one HTTP/1.1 connection as a state machine over bytes and clock readings, with no
/// socket in sight: the event loop feeds it what it read and the time, and carries out what it
/// asks for (dispatch a request, send its output, stop reading, close). Tested without sockets.
struct ConnectionCore {
    /// What the connection is doing between two events.
    enum Phase {
        /// Waiting for (the rest of) a request head.
        case head
        /// Reading a body delimited by Content-Length.
        case body(Pending, remaining: Int)
        /// Reading a chunked body.
        case chunked(Pending, ChunkedDecoder)
        /// Skipping the short body of a request answered from its head, to keep the connection.
        case skipping(remaining: Int)
        /// A request was dispatched; its response has not come back yet.
        case handling(Pending)
        /// The last response is queued; once it is sent, reading stops and the socket closes.
        case closing
    }

    /// A request whose head has been read.
    struct Pending {
        var head: RequestHead
        var info: MessageInfo
        var body: [UInt8]
        var startedAt: Int64
        /// What the head was admitted to.
        var route: Router.Route?
        var parameters: [String: String]
    }

    /// What the loop should do next after `advance`.
    enum Step {
        /// Nothing more can happen until more bytes arrive.
        case needMore
        /// Run the request's route, then call `respond`.
        case dispatch(Request, RequestSummary)
        /// A request was answered from its head and its response queued; for the log and metrics.
        case answered(RequestSummary, Response, route: String?)
    }

    /// Admits every request with the connection's own body limit: for tests of the connection alone.
    struct AdmitEverything: HeadAdmitting {
        let maxBodyBytes: Int

        func admit(_ head: RequestHead, _ info: MessageInfo) -> Admission {
            .admit(route: nil, parameters: [:], maxBodyBytes: maxBodyBytes)
        }
    }

    /// What an expired timer means.
    enum Expiry: Equatable {
        case none
        /// Close without a response (idle keep-alive, a client that does not read, lingering).
        case close
        /// A 408 was queued; send it, then close.
        case respondAndClose
    }

    /// What the access log and the response encoder need to know of a request.
    struct RequestSummary {
        var method: String
        var path: String
        var version: HTTPVersion
        var keepAlive: Bool
        var startedAt: Int64
    }

    let limits: ParserLimits
    let timeouts: ServerConfiguration.Timeouts
    let maxPendingOutput: Int
    let serverName: [UInt8]

    private(set) var phase: Phase = .head
    private(set) var input: [UInt8] = []
    private var inputStart = 0
    private(set) var output: [UInt8] = []
    private var outputStart = 0
    /// When the first byte of the current head arrived, or nil between requests.
    private var headStartedAt: Int64?
    /// Last time bytes arrived, or the connection became idle.
    private var lastReadAt: Int64
    /// Last time output was accepted by the socket, or output became pending.
    private var lastWriteAt: Int64
    /// Set once a `Connection: close` response is queued or a fatal error happened.
    private(set) var closeAfterFlush = false
    /// The peer has shut down its sending side.
    private(set) var peerClosed = false
    /// Responses written, for tests and logs.
    private(set) var responsesSent = 0
    /// Set when a shutdown asked the connection to finish its current request and close.
    private var draining = false

    init(
        limits: ParserLimits, timeouts: ServerConfiguration.Timeouts, maxPendingOutput: Int, serverName: String,
        now: Int64
    ) {
        self.limits = limits
        self.timeouts = timeouts
        self.maxPendingOutput = maxPendingOutput
        self.serverName = Array(serverName.utf8)
        self.lastReadAt = now
        self.lastWriteAt = now
    }

    // MARK: Input

    /// Whether the loop should read from the socket now. Reading pauses while a handler runs (the
    /// next pipelined request waits its turn), while the client leaves more than `maxPendingOutput`
    /// unread — a client that does not read cannot make the server buffer forever — and while more
    /// input waits to be parsed than one head can take, so that a body is never read ahead of the
    /// decision on its head.
    var wantsRead: Bool {
        guard !peerClosed, !closeAfterFlush else { return false }
        if case .handling = phase { return false }
        return pendingOutputCount < maxPendingOutput && unconsumedInput < inputHighWater
    }

    /// Unparsed input past which reading pauses: a whole head of the largest size, and one read more.
    var inputHighWater: Int { limits.maxHeaderBytes + 64 * 1024 }

    /// Bodies up to this size are skipped when their request is answered from its head, and the
    /// connection kept; larger ones (and chunked ones) close it instead.
    static let skippableBodyBytes = 64 * 1024

    var unconsumedInput: Int { input.count - inputStart }

    mutating func received(_ bytes: UnsafeRawBufferPointer, now: Int64) {
        guard !bytes.isEmpty else { return }
        if inputStart == input.count {
            input.removeAll(keepingCapacity: true)
            inputStart = 0
        }
        if case .head = phase, headStartedAt == nil { headStartedAt = now }
        input.append(contentsOf: bytes)
        lastReadAt = now
    }

    mutating func receivedEndOfStream() {
        peerClosed = true
    }

    /// Parses what it can and says what to do next, admitting every request with `limits.maxBodyBytes`.
    mutating func advance(now: Int64) -> Step {
        advance(now: now, admitter: AdmitEverything(maxBodyBytes: limits.maxBodyBytes))
    }

    /// Parses what it can and says what to do next. Call until it answers `.needMore`. `admitter`
    /// decides each request from its head, before its body is read.
    mutating func advance<Admitter: HeadAdmitting>(now: Int64, admitter: Admitter) -> Step {
        while true {
            guard !closeAfterFlush, pendingOutputCount < maxPendingOutput else { return .needMore }
            switch phase {
            case .head:
                switch advanceHead(now: now, admitter: admitter) {
                case .stop: return .needMore
                case .proceed: continue
                case .dispatch(let step): return step
                }
            case .body(var pending, let remaining):
                let take = min(remaining, unconsumedInput)
                if take > 0 {
                    pending.body.append(contentsOf: input[inputStart..<inputStart + take])
                    consumeInput(take)
                }
                if remaining - take > 0 {
                    phase = .body(pending, remaining: remaining - take)
                    return .needMore
                }
                return dispatch(pending)
            case .chunked(var pending, var decoder):
                let outcome = input.withUnsafeBytes { raw in
                    decoder.decode(UnsafeRawBufferPointer(rebasing: raw[inputStart...]), into: &pending.body)
                }
                switch outcome {
                case .incomplete(let consumed):
                    consumeInput(consumed)
                    phase = .chunked(pending, decoder)
                    return .needMore
                case .done(let consumed, _):
                    consumeInput(consumed)
                    return dispatch(pending)
                case .failure(let error):
                    failRequest(error, method: pending.head.method)
                    return .needMore
                }
            case .skipping(let remaining):
                let take = min(remaining, unconsumedInput)
                consumeInput(take)
                guard remaining - take == 0 else {
                    phase = .skipping(remaining: remaining - take)
                    return .needMore
                }
                phase = .head
                if unconsumedInput > 0 { headStartedAt = now }
            case .handling, .closing:
                return .needMore
            }
        }
    }

    private enum HeadOutcome {
        /// Incomplete, or failed with an error response queued.
        case stop
        /// A body follows: go on reading it.
        case proceed
        case dispatch(Step)
    }

    private mutating func advanceHead<Admitter: HeadAdmitting>(now: Int64, admitter: Admitter) -> HeadOutcome {
        guard unconsumedInput > 0 else { return .stop }
        let result = input.withUnsafeBytes { raw in
            RequestParser.parseHead(UnsafeRawBufferPointer(rebasing: raw[inputStart...]), limits: limits)
        }
        switch result {
        case .incomplete:
            if peerClosed { closeAfterFlush = true }
            return .stop
        case .failure(let error):
            failRequest(error, method: "GET")
            return .stop
        case .complete(let head, let consumed):
            consumeInput(consumed)
            let started = headStartedAt ?? now
            headStartedAt = nil
            // Framing first, whatever the route: a message whose length cannot be trusted ends the
            // connection (RFC 9112 §6.3). The size is judged below, once the route is known.
            var framingLimits = limits
            framingLimits.maxBodyBytes = Int.max
            let info: MessageInfo
            switch RequestParser.messageInfo(for: head, limits: framingLimits) {
            case .failure(let error):
                failRequest(error, method: head.method)
                return .stop
            case .success(let found):
                info = found
            }
            switch admitter.admit(head, info) {
            case .answer(let response, let route):
                let summary = answer(response, head: head, info: info, startedAt: started, now: now)
                return .dispatch(.answered(summary, response, route: route))
            case .admit(let route, let parameters, let maxBodyBytes):
                var pending = Pending(
                    head: head, info: info, body: [], startedAt: started, route: route, parameters: parameters)
                switch info.framing {
                case .none, .contentLength(0):
                    return .dispatch(dispatch(pending))
                case .contentLength(let length):
                    guard length <= maxBodyBytes else {
                        failRequest(.contentTooLarge, method: head.method)
                        return .stop
                    }
                    // The declared length is admitted: room for exactly that, instead of growing by doubling.
                    pending.body.reserveCapacity(length)
                    sendContinueIfExpected(info, bodyBytesPresent: unconsumedInput > 0)
                    phase = .body(pending, remaining: length)
                    lastReadAt = now
                case .chunked:
                    var bodyLimits = limits
                    bodyLimits.maxBodyBytes = maxBodyBytes
                    sendContinueIfExpected(info, bodyBytesPresent: unconsumedInput > 0)
                    phase = .chunked(pending, ChunkedDecoder(limits: bodyLimits))
                    lastReadAt = now
                }
                return .proceed
            }
        }
    }

    /// Queues the answer to a request decided by its head, without reading its body. A short body that
    /// follows is skipped and the connection kept; a long or chunked one, or one the client holds back for a
    /// 100 (Continue) it will not get, closes the connection after the answer (RFC 9110 §10.1.1: a server
    /// that answers before reading the content says whether it closes), and the lingering close discards
    /// what still arrives, within its bounds.
    private mutating func answer(
        _ response: Response, head: RequestHead, info: MessageInfo, startedAt: Int64, now: Int64
    )
        -> RequestSummary
    {
        var skip: Int?
        switch info.framing {
        case .none: skip = 0
        case .contentLength(let length) where length <= Self.skippableBodyBytes && !info.expectsContinue: skip = length
        case .contentLength, .chunked: skip = nil
        }
        let keepAlive = info.keepAlive && !draining && skip != nil
        let summary = RequestSummary(
            method: head.method, path: head.path, version: head.version, keepAlive: keepAlive, startedAt: startedAt)
        queue(
            response, method: head.method, keepAlive: keepAlive,
            http10KeepAlive: head.version == .http1_0 && keepAlive)
        if closeAfterFlush {
            phase = .closing
        } else {
            phase = .skipping(remaining: skip ?? 0)
            lastReadAt = now
        }
        return summary
    }

    /// RFC 9110 §10.1.1: a client that sent `Expect: 100-continue` waits for the interim response
    /// before sending the body; without it curl stalls a second on every larger body.
    private mutating func sendContinueIfExpected(_ info: MessageInfo, bodyBytesPresent: Bool) {
        guard info.expectsContinue, !bodyBytesPresent else { return }
        output.append(contentsOf: Self.continueLine)
    }

    private static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private mutating func dispatch(_ pending: Pending) -> Step {
        let keepAlive = pending.info.keepAlive && !draining
        let summary = RequestSummary(
            method: pending.head.method, path: pending.head.path, version: pending.head.version,
            keepAlive: keepAlive, startedAt: pending.startedAt)
        phase = .handling(pending)
        let request = Request(
            admitted: pending.head, body: pending.body, route: pending.route, parameters: pending.parameters,
            framing: pending.info.framing)
        return .dispatch(request, summary)
    }

    private mutating func consumeInput(_ count: Int) {
        inputStart += count
        if inputStart >= input.count {
            input.removeAll(keepingCapacity: true)
            inputStart = 0
        } else if inputStart > 64 * 1024 {
            input.removeFirst(inputStart)
            inputStart = 0
        }
    }

    /// A request the server refuses before any handler sees it: answer the error and close, since
    /// after a framing error the rest of the stream cannot be trusted (RFC 9112 §6.3, smuggling).
    private mutating func failRequest(_ error: HTTPParseError, method: String) {
        queue(error.response, method: method, keepAlive: false)
        phase = .closing
    }

    // MARK: Output

    /// Queues the response to the request in `.handling`, and returns to reading heads.
    mutating func respond(_ response: Response, to summary: RequestSummary, now: Int64) {
        queue(
            response, method: summary.method, keepAlive: summary.keepAlive && !draining,
            http10KeepAlive: summary.version == .http1_0 && summary.keepAlive)
        if closeAfterFlush {
            phase = .closing
        } else {
            phase = .head
            lastReadAt = now
            if unconsumedInput > 0 { headStartedAt = now }
        }
    }

    /// The `Date` field value for responses; the loop refreshes it once a second.
    var date: [UInt8] = []

    private mutating func queue(_ response: Response, method: String, keepAlive: Bool, http10KeepAlive: Bool = false) {
        if pendingOutputCount == 0 { lastWriteAt = lastReadAt }
        ResponseEncoder.encode(
            response, into: &output, date: date, server: serverName, omitBody: method == "HEAD",
            connection: keepAlive ? (http10KeepAlive ? .keepAlive : .implicit) : .close)
        responsesSent += 1
        if !keepAlive { closeAfterFlush = true }
    }

    var pendingOutputCount: Int { output.count - outputStart }

    /// Calls `body` with the unsent output; `body` returns how many bytes the socket took.
    mutating func withPendingOutput(now: Int64, _ body: (UnsafeRawBufferPointer) -> Int) {
        guard pendingOutputCount > 0 else { return }
        let sent = output.withUnsafeBytes { raw in body(UnsafeRawBufferPointer(rebasing: raw[outputStart...])) }
        guard sent > 0 else { return }
        lastWriteAt = now
        outputStart += min(sent, pendingOutputCount)
        if outputStart == output.count {
            output.removeAll(keepingCapacity: output.capacity <= 256 * 1024)
            outputStart = 0
        }
    }

    /// True once everything is sent and the connection should close.
    var isFinished: Bool {
        guard pendingOutputCount == 0 else { return false }
        if closeAfterFlush { return true }
        // The peer closed and nothing is left to answer: a dangling partial request is dropped.
        if peerClosed, case .head = phase { return true }
        if peerClosed, case .body = phase { return true }
        if peerClosed, case .chunked = phase { return true }
        if peerClosed, case .skipping = phase { return true }
        return false
    }

    /// True when nothing is in progress: no partial request, no handler running, nothing to send.
    var isIdle: Bool {
        guard case .head = phase, unconsumedInput == 0, pendingOutputCount == 0 else { return false }
        return true
    }

    // MARK: Timers

    /// Checks the connection's deadlines (RFC 9110 §15.5.9 for 408).
    mutating func expire(now: Int64) -> Expiry {
        if pendingOutputCount > 0 {
            // A client that stops reading its responses holds buffers; give it the idle time.
            return now - lastWriteAt >= Int64(timeouts.idleMilliseconds) ? .close : .none
        }
        switch phase {
        case .head:
            if let started = headStartedAt {
                guard now - started >= Int64(timeouts.headMilliseconds) else { return .none }
                timeOut(now: now)
                return .respondAndClose
            }
            return now - lastReadAt >= Int64(timeouts.idleMilliseconds) ? .close : .none
        case .skipping:
            // The request is answered already: a client that stops sending what it declared is only dropped.
            return now - lastReadAt >= Int64(timeouts.bodyMilliseconds) ? .close : .none
        case .body, .chunked:
            guard now - lastReadAt >= Int64(timeouts.bodyMilliseconds) else { return .none }
            timeOut(now: now)
            return .respondAndClose
        case .handling:
            return .none
        case .closing:
            return .close
        }
    }

    private mutating func timeOut(now: Int64) {
        let problem = Problem(status: 408, detail: "The request was not received in time.")
        queue(problem.response, method: "GET", keepAlive: false)
        phase = .closing
    }

    /// Shutdown: an idle connection can close now; a busy one finishes its request without keep-alive.
    mutating func drain() -> Bool {
        draining = true
        if case .head = phase, headStartedAt == nil, pendingOutputCount == 0 { return true }
        return false
    }
}
