/// The frames the service and its HTTPS helper process (`notapest-https`, docs/REMINDERS.md "HTTPS") exchange
/// over a connected stream socket: a request to send, and the attempt that came of it. A frame is a 4-byte
/// big-endian length and that many bytes. Both sides come from the same build, so the format carries no version.
public enum HelperWire {
    /// The longest frame either side takes: far above a message the renderer makes, far below memory's worry.
    public static let frameLimit = 4 << 20
    /// How much of a text from a response (`Retry-After`, `Location`, a transport's message) a frame carries.
    public static let textLimit = 1024

    /// A request to send, under the number its answer will carry.
    public struct Request: Sendable, Equatable {
        public var id: UInt64
        public var timeoutMillis: Int
        public var request: OutgoingRequest

        public init(id: UInt64, timeoutMillis: Int, request: OutgoingRequest) {
            self.id = id
            self.timeoutMillis = timeoutMillis
            self.request = request
        }
    }

    /// The frame of a request.
    public static func frame(_ request: Request) -> [UInt8] {
        var writer = Writer()
        writer.integer(request.id)
        writer.integer(UInt64(clamping: request.timeoutMillis))
        writer.text(request.request.method)
        writer.text(request.request.url)
        writer.integer(UInt64(request.request.headers.count))
        for header in request.request.headers {
            writer.text(header.name)
            writer.text(header.value)
        }
        writer.bytes(request.request.body)
        return writer.framed()
    }

    /// The request a frame's payload holds.
    public static func request(from payload: ArraySlice<UInt8>) throws(HelperWireError) -> Request {
        var reader = Reader(payload)
        let id = try reader.integer()
        let timeoutMillis = Int(clamping: try reader.integer())
        let method = try reader.text()
        let url = try reader.text()
        let count = try reader.integer()
        // Each header takes at least the 8 bytes of its two lengths: a count beyond that is a lie, not a request.
        guard count <= UInt64(reader.remaining / 8) else { throw HelperWireError("more headers than the frame holds") }
        var headers: [OutgoingRequest.Header] = []
        headers.reserveCapacity(Int(count))
        for _ in 0..<count {
            let name = try reader.text()
            headers.append(OutgoingRequest.Header(name, try reader.text()))
        }
        let body = try reader.bytes()
        try reader.end()
        return Request(
            id: id, timeoutMillis: timeoutMillis,
            request: OutgoingRequest(method: method, url: url, headers: headers, body: Array(body)))
    }

    /// The frame of the attempt that came of request `id`. Texts longer than `textLimit` bytes are cut.
    public static func frame(id: UInt64, attempt: HTTPAttempt) -> [UInt8] {
        var writer = Writer()
        writer.integer(id)
        switch attempt.result {
        case .response(let status):
            writer.byte(0)
            writer.integer(UInt64(clamping: status))
        case .failure(.timedOut(let millis)):
            writer.byte(1)
            writer.integer(UInt64(clamping: millis))
        case .failure(.connectionRefused): writer.byte(2)
        case .failure(.unsupportedURL): writer.byte(3)
        case .failure(.transport(let detail)):
            writer.byte(4)
            writer.text(detail, cutAt: textLimit)
        }
        writer.optionalText(attempt.retryAfter)
        writer.optionalText(attempt.location)
        writer.integer(UInt64(clamping: attempt.durationMillis))
        writer.integer(UInt64(clamping: attempt.bodyBytes))
        writer.byte(attempt.bodyTruncated ? 1 : 0)
        return writer.framed()
    }

    /// Puts the number `id` into `frame`, a request's frame: the frame can be made, and its size checked, before
    /// the request has its number.
    public static func number(_ frame: inout [UInt8], id: UInt64) {
        withUnsafeBytes(of: id.bigEndian) { frame.replaceSubrange(4..<12, with: $0) }
    }

    /// The number that `bytes` write, most significant byte first, as every number and length in a frame is.
    static func bigEndian(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The request's number and the attempt a frame's payload holds.
    public static func attempt(from payload: ArraySlice<UInt8>) throws(HelperWireError) -> (
        id: UInt64, attempt: HTTPAttempt
    ) {
        var reader = Reader(payload)
        let id = try reader.integer()
        let result: HTTPAttempt.Result
        switch try reader.byte() {
        case 0: result = .response(status: Int(clamping: try reader.integer()))
        case 1: result = .failure(.timedOut(millis: Int(clamping: try reader.integer())))
        case 2: result = .failure(.connectionRefused)
        case 3: result = .failure(.unsupportedURL)
        case 4: result = .failure(.transport(try reader.text()))
        case let other: throw HelperWireError("no result is numbered \(other)")
        }
        let retryAfter = try reader.optionalText()
        let location = try reader.optionalText()
        let duration = Int(clamping: try reader.integer())
        let bodyBytes = Int(clamping: try reader.integer())
        let truncated = try reader.byte()
        guard truncated <= 1 else { throw HelperWireError("a flag is neither 0 nor 1") }
        try reader.end()
        return (
            id,
            HTTPAttempt(
                result, retryAfter: retryAfter, location: location, durationMillis: duration,
                bodyBytes: bodyBytes, bodyTruncated: truncated == 1)
        )
    }

    /// Builds a frame's payload, then puts its length in front.
    struct Writer {
        private var buffer: [UInt8] = [0, 0, 0, 0]

        mutating func byte(_ value: UInt8) { buffer.append(value) }

        mutating func integer(_ value: UInt64) {
            withUnsafeBytes(of: value.bigEndian) { buffer.append(contentsOf: $0) }
        }

        mutating func bytes<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
            let count = UInt32(clamping: bytes.count)
            withUnsafeBytes(of: count.bigEndian) { buffer.append(contentsOf: $0) }
            buffer.append(contentsOf: bytes.prefix(Int(count)))
        }

        /// A text, cut at `cutAt` bytes if given, and then back to the last whole character.
        mutating func text(_ text: String, cutAt limit: Int = .max) {
            let utf8 = text.utf8
            guard utf8.count > limit else { return bytes(utf8) }
            var end = utf8.index(utf8.startIndex, offsetBy: limit)
            // A byte 10xxxxxx continues a character: stepping back over them ends the cut between characters.
            while end > utf8.startIndex && utf8[end] & 0xC0 == 0x80 { end = utf8.index(before: end) }
            bytes(utf8[..<end])
        }

        mutating func optionalText(_ value: String?) {
            guard let value else { return byte(0) }
            byte(1)
            text(value, cutAt: HelperWire.textLimit)
        }

        /// The frame: the payload's length, then the payload.
        consuming func framed() -> [UInt8] {
            let length = UInt32(buffer.count - 4)
            withUnsafeBytes(of: length.bigEndian) { buffer.replaceSubrange(0..<4, with: $0) }
            return buffer
        }
    }

    /// Reads a frame's payload, every length checked against what is left of it.
    struct Reader {
        private var rest: ArraySlice<UInt8>

        init(_ payload: ArraySlice<UInt8>) {
            rest = payload
        }

        var remaining: Int { rest.count }

        mutating func take(_ count: Int) throws(HelperWireError) -> ArraySlice<UInt8> {
            guard count <= rest.count else { throw HelperWireError("the frame ends inside a field") }
            defer { rest = rest.dropFirst(count) }
            return rest.prefix(count)
        }

        mutating func byte() throws(HelperWireError) -> UInt8 { try take(1).reduce(0) { _, byte in byte } }

        mutating func integer() throws(HelperWireError) -> UInt64 {
            HelperWire.bigEndian(try take(8))
        }

        mutating func bytes() throws(HelperWireError) -> ArraySlice<UInt8> {
            let count = Int(HelperWire.bigEndian(try take(4)))
            return try take(count)
        }

        mutating func text() throws(HelperWireError) -> String {
            let bytes = try bytes()
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw HelperWireError("a text is not UTF-8")
            }
            return text
        }

        mutating func optionalText() throws(HelperWireError) -> String? {
            switch try byte() {
            case 0: return nil
            case 1: return try text()
            default: throw HelperWireError("a flag is neither 0 nor 1")
            }
        }

        func end() throws(HelperWireError) {
            guard rest.isEmpty else { throw HelperWireError("\(rest.count) bytes follow the last field") }
        }
    }
}

/// A frame that breaks the format, or a stream that ends inside one: the other side is not the helper or the
/// service of this build, or is gone.
public struct HelperWireError: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
