import Glibc
import Outgoing

/// One request written and its response read, on one connection, all before one deadline.
extension PlainHTTPClient {
    /// The most read at once.
    static let readSize = 16 * 1024

    /// What reading up to the final response's head came to.
    private enum HeadRead {
        /// The final response's head, and the bytes read after it.
        case head(ResponseHead, after: [UInt8])
        case failed(PlainExchange)
    }

    /// Writes `request` and reads its response.
    func exchange(_ request: [UInt8], method: String, on connection: PlainConnection, deadline: Int64)
        -> PlainExchange
    {
        if let failure = connection.write(request, deadline: deadline) {
            // A connection the receiver closed (or reset) while it was idle fails here: no answer can have come.
            let lost = failure == .closed || failure == .system(EPIPE) || failure == .system(ECONNRESET)
            return PlainExchange(failure: .io(failure), lostBeforeResponse: lost)
        }
        return withUnsafeTemporaryAllocation(byteCount: Self.readSize, alignment: 1) { buffer in
            switch readHead(from: connection, buffer: buffer, deadline: deadline) {
            case .failed(let exchange):
                return exchange
            case .head(let head, let after):
                return readBody(
                    of: head, after: after, method: method, from: connection, buffer: buffer, deadline: deadline)
            }
        }
    }

    /// Reads until the final response's head: interim (1xx) responses are skipped, all heads together bounded by
    /// `headLimit`.
    private func readHead(from connection: PlainConnection, buffer: UnsafeMutableRawBufferPointer, deadline: Int64)
        -> HeadRead
    {
        var pending: [UInt8] = []
        var searched = 0
        var interimBytes = 0
        var received = 0
        while true {
            switch connection.read(into: buffer, deadline: deadline) {
            case .success(let count):
                received += count
                pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            case .failure(.closed):
                return .failed(PlainExchange(failure: .closed(afterBytes: received), lostBeforeResponse: received == 0))
            case .failure(let failure):
                let lost = received == 0 && failure == .system(ECONNRESET)
                return .failed(PlainExchange(failure: .io(failure), lostBeforeResponse: lost))
            }
            while true {
                guard ResponseHeadParser.couldStartHead(pending[...]) else {
                    return .failed(PlainExchange(failure: .head(.notHTTP)))
                }
                switch ResponseHeadParser.parse(pending[...], limit: headLimit - interimBytes, searched: searched) {
                case .incomplete:
                    searched = pending.count
                case .invalid(let problem):
                    return .failed(PlainExchange(failure: .head(problem)))
                case .head(let head, let length):
                    pending.removeFirst(length)
                    guard head.isInterim else { return .head(head, after: pending) }
                    interimBytes += length
                    searched = 0
                    continue
                }
                break
            }
        }
    }

    /// Reads the body of a response whose head is in, counting it and dropping it. The status stands whatever the
    /// body does: cut at the limit, broken, or still coming at the deadline, the body is only said to be truncated.
    private func readBody(
        of head: ResponseHead, after: [UInt8], method: String, from connection: PlainConnection,
        buffer: UnsafeMutableRawBufferPointer, deadline: Int64
    ) -> PlainExchange {
        guard let framing = head.framing(requestMethod: method) else { return PlainExchange(failure: .framing) }
        var exchange = PlainExchange()
        exchange.status = head.status
        exchange.retryAfter = head.value("retry-after")
        exchange.location = head.value("location")
        var remaining = 0
        var decoder = ChunkedBodyDecoder()
        var complete = false
        var broken = false
        /// Bytes after the response's end: the connection is not in a state to carry another request.
        var extra = false
        switch framing {
        case .noBody: complete = true
        case .length(let length):
            remaining = length
            complete = length == 0
        case .chunked, .untilClose: break
        }

        func take(_ bytes: UnsafeRawBufferPointer) {
            guard !bytes.isEmpty else { return }
            switch framing {
            case .noBody:
                extra = true
            case .length:
                let taken = min(remaining, bytes.count)
                exchange.bodyBytes += taken
                remaining -= taken
                complete = remaining == 0
                extra = taken < bytes.count
            case .chunked:
                switch decoder.decode(bytes) {
                case .success(let step):
                    exchange.bodyBytes += step.data
                    complete = decoder.isDone
                    extra = step.consumed < bytes.count
                case .failure:
                    broken = true
                }
            case .untilClose:
                exchange.bodyBytes += bytes.count
            }
        }

        after.withUnsafeBytes { take($0) }
        while !complete && !broken && exchange.bodyBytes <= bodyLimit {
            switch connection.read(into: buffer, deadline: deadline) {
            case .success(let count):
                take(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            case .failure(.closed) where framing == .untilClose:
                complete = true
            case .failure:
                broken = true
            }
        }
        let withinLimit = exchange.bodyBytes <= bodyLimit
        exchange.bodyTruncated = !complete || !withinLimit
        exchange.reusable = complete && withinLimit && !extra && framing != .untilClose && head.keepsConnection
        return exchange
    }
}
