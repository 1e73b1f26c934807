/// Decodes a chunked body (RFC 9112 §7.1) as its bytes arrive, however they are split:
/// `chunk-size [chunk-ext] CRLF chunk-data CRLF` … `0 [chunk-ext] CRLF *(trailer-field CRLF) CRLF`.
/// It is a byte-driven state machine, so a split between calls can change nothing but `consumed`.
public struct ChunkedDecoder: Sendable {
    /// What one call made of the bytes it was given.
    public enum Outcome: Sendable, Equatable {
        /// The decoder took `consumed` bytes (data appended to body); feed the rest + more later.
        case incomplete(consumed: Int)
        /// Body complete; bytes after `consumed` belong to the next request.
        case done(consumed: Int, trailers: HTTPHeaders)
        /// The body is malformed or too large; answer with `error.status` and close.
        case failure(HTTPParseError)
    }

    /// Where the decoder stands in the chunked grammar.
    enum State: Sendable {
        case sizeStart, sizeDigits, afterSize
        case extensionBeforeName, extensionName, extensionAfterName
        case extensionBeforeValue, extensionToken, extensionQuoted, extensionEscape, extensionAfterValue
        case sizeLineFeed, data, dataCarriageReturn, dataLineFeed, trailer, done, failed
    }

    /// A chunk-size line (extensions included) may not be longer than this, so a peer cannot
    /// stream extensions forever.
    static let maxSizeLineBytes = 4096
    /// Fifteen hex digits are 60 bits: any more could overflow `Int`.
    static let maxSizeDigits = 15

    let limits: ParserLimits
    var state = State.sizeStart
    var chunkSize = 0
    var sizeDigits = 0
    var sizeLineBytes = 0
    var remaining = 0
    var total = 0
    var trailerLine: [UInt8] = []
    var trailerBytes = 0
    var trailers = HTTPHeaders()
    var error: HTTPParseError?

    /// A decoder for one body, bounded by `limits.maxBodyBytes` and, for trailers, by the header limits.
    public init(limits: ParserLimits) {
        self.limits = limits
    }

    /// Decodes as much as it can of `bytes`, appending chunk data to `body`. Keeps state between calls.
    /// After `.done` it takes nothing more; after `.failure` it repeats the failure.
    public mutating func decode(_ bytes: UnsafeRawBufferPointer, into body: inout [UInt8]) -> Outcome {
        if let error { return .failure(error) }
        if state == .done { return .done(consumed: 0, trailers: trailers) }
        let count = bytes.count
        var index = 0
        while index < count {
            switch state {
            case .data:
                let take = min(remaining, count - index)
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + take)]))
                index += take
                remaining -= take
                if remaining == 0 { state = .dataCarriageReturn }
            case .trailer:
                let byte = bytes[index]
                index += 1
                if let failure = trailerByte(byte) { return fail(failure) }
                if state == .done { return .done(consumed: index, trailers: trailers) }
            default:
                let byte = bytes[index]
                index += 1
                if let failure = lineByte(byte) { return fail(failure) }
            }
        }
        return .incomplete(consumed: count)
    }

    /// Convenience over `decode(_:into:)` for an array.
    public mutating func decode(_ bytes: [UInt8], into body: inout [UInt8]) -> Outcome {
        bytes.withUnsafeBytes { decode($0, into: &body) }
    }

    mutating func fail(_ failure: HTTPParseError) -> Outcome {
        state = .failed
        error = failure
        return .failure(failure)
    }

    /// One byte of the CRLF after chunk data, or of a chunk-size line.
    mutating func lineByte(_ byte: UInt8) -> HTTPParseError? {
        switch state {
        case .dataCarriageReturn:
            guard byte == RequestParser.cr else { return .badRequest("Chunk data is not followed by CRLF.") }
            state = .dataLineFeed
            return nil
        case .dataLineFeed:
            guard byte == RequestParser.lf else { return .badRequest("Chunk data is not followed by CRLF.") }
            state = .sizeStart
            return nil
        case .sizeStart:
            sizeLineBytes = 1
            guard let value = RequestParser.hexValue(byte) else {
                return .badRequest("A chunk size is missing or not hexadecimal.")
            }
            chunkSize = value
            sizeDigits = 1
            state = .sizeDigits
            return nil
        default:
            break
        }
        sizeLineBytes += 1
        guard sizeLineBytes <= Self.maxSizeLineBytes else {
            return .badRequest("A chunk-size line is longer than 4 KiB.")
        }
        guard state == .sizeDigits else { return extensionByte(byte) }
        if let value = RequestParser.hexValue(byte) {
            sizeDigits += 1
            guard sizeDigits <= Self.maxSizeDigits else {
                return .badRequest("A chunk size has more hex digits than the server accepts.")
            }
            chunkSize = chunkSize << 4 | value
            return nil
        }
        // The announced size is judged before any of its data is read or buffered.
        let (newTotal, overflowed) = total.addingReportingOverflow(chunkSize)
        guard !overflowed, newTotal <= limits.maxBodyBytes else { return .contentTooLarge }
        state = .afterSize
        return extensionByte(byte)
    }

    /// The end of a chunk-size line: data follows, or for the last chunk, the trailer section.
    mutating func endSizeLine() {
        if chunkSize == 0 {
            trailerLine.removeAll(keepingCapacity: true)
            state = .trailer
        } else {
            total += chunkSize
            remaining = chunkSize
            state = .data
        }
    }

    /// One byte of the trailer section: field lines parsed like the head's, then an empty line.
    mutating func trailerByte(_ byte: UInt8) -> HTTPParseError? {
        trailerBytes += 1
        guard trailerBytes <= limits.maxHeaderBytes else { return .headerFieldsTooLarge }
        let previous = trailerLine.last
        guard byte == RequestParser.lf else {
            // Lines end in CRLF only, as in the head (RFC 9112 §2.2).
            guard previous != RequestParser.cr else { return .badRequest("A bare CR appeared; lines end in CRLF.") }
            trailerLine.append(byte)
            return nil
        }
        guard previous == RequestParser.cr else { return .badRequest("A line ended in a bare LF; lines end in CRLF.") }
        if trailerLine.count == 1 {
            state = .done
            return nil
        }
        guard trailers.count < limits.maxHeaderCount else { return .headerFieldsTooLarge }
        trailerLine.append(byte)
        let parsed: Result<(name: String, value: String), HTTPParseError> = trailerLine.withUnsafeBytes { raw in
            switch RequestParser.parseFieldLine(raw, at: 0, limit: raw.count) {
            case .failure(let error):
                return .failure(error)
            case .field(let name, let value, _):
                return .success((RequestParser.string(raw, name), RequestParser.string(raw, value)))
            }
        }
        switch parsed {
        case .failure(let error):
            return error
        case .success(let field):
            trailers.add(name: field.name, value: field.value)
            trailerLine.removeAll(keepingCapacity: true)
            return nil
        }
    }
}
