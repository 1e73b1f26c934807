/// Finds the data of a chunked body (RFC 9112 §7.1) as its bytes arrive, however they are split:
/// `chunk-size [chunk-ext] CRLF chunk-data CRLF` … `0 [chunk-ext] CRLF *(trailer-field CRLF) CRLF`.
///
/// The client only counts a response body and drops it, so extensions and trailer fields are skipped, not read; a
/// size line and the trailer section are bounded, so that a receiver cannot make the client read forever without
/// the body growing. Lines may end in a bare LF (RFC 9112 §2.2).
struct ChunkedBodyDecoder: Sendable {
    /// What one call made of its bytes.
    struct Step: Sendable, Equatable {
        /// Bytes of chunk data among them.
        var data: Int
        /// Bytes taken: all of them, unless the body ended before their end.
        var consumed: Int
    }

    enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed
        case sizeLineTooLong
        case trailersTooLong

        var description: String {
            switch self {
            case .malformed: return "the chunked body is malformed"
            case .sizeLineTooLong: return "a chunk-size line is too long"
            case .trailersTooLong: return "the chunked body's trailer section is too long"
            }
        }
    }

    private enum State: Sendable, Equatable {
        case sizeStart, size, sizeRest, data, dataEnd, trailerLineStart, trailerLine, done
    }

    /// The longest chunk-size line taken, extensions included.
    static let sizeLineLimit = 1024
    /// Fifteen hex digits are 60 bits: more could overflow.
    static let sizeDigitLimit = 15
    /// The longest trailer section taken.
    static let trailerLimit = 16 * 1024

    private var state = State.sizeStart
    private var remaining = 0
    private var digits = 0
    private var lineBytes = 0
    private var trailerBytes = 0
    /// A CR was read that must be followed by the LF ending its line.
    private var sawCR = false
    /// The size line has reached its extensions.
    private var inExtensions = false

    /// Whether the last chunk and the trailer section have been read.
    var isDone: Bool { state == .done }

    /// Reads as much of `bytes` as belongs to the body, telling `onData` each piece of chunk data.
    mutating func decode(
        _ bytes: UnsafeRawBufferPointer, onData: (UnsafeRawBufferPointer) -> Void = { _ in }
    ) -> Result<Step, Problem> {
        var index = 0
        var data = 0
        while index < bytes.count && state != .done {
            if state == .data {
                let take = min(remaining, bytes.count - index)
                onData(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + take)]))
                index += take
                data += take
                remaining -= take
                if remaining == 0 { state = .dataEnd }
                continue
            }
            do {
                try byte(bytes[index])
            } catch {
                return .failure(error)
            }
            index += 1
        }
        return .success(Step(data: data, consumed: index))
    }

    /// One byte outside chunk data.
    private mutating func byte(_ byte: UInt8) throws(Problem) {
        switch state {
        case .sizeStart, .size:
            if let value = Self.hexValue(byte) {
                digits += 1
                lineBytes += 1
                guard digits <= Self.sizeDigitLimit else { throw .malformed }
                remaining = remaining << 4 | value
                state = .size
                return
            }
            guard state == .size else { throw .malformed }
            state = .sizeRest
            try sizeRest(byte)
        case .sizeRest:
            try sizeRest(byte)
        case .dataEnd:
            // CRLF or LF after the data.
            if byte == Self.cr && !sawCR {
                sawCR = true
                return
            }
            guard byte == Self.lf else { throw .malformed }
            sawCR = false
            reset()
        case .trailerLineStart, .trailerLine:
            trailerBytes += 1
            guard trailerBytes <= Self.trailerLimit else { throw .trailersTooLong }
            if byte == Self.lf {
                state = state == .trailerLineStart ? .done : .trailerLineStart
                sawCR = false
            } else if byte == Self.cr {
                guard !sawCR else { throw .malformed }
                sawCR = true
            } else {
                guard !sawCR else { throw .malformed }
                state = .trailerLine
            }
        case .data, .done:
            break
        }
    }

    /// A byte after the size's digits: optional whitespace, then extensions (`;` and anything visible, skipped),
    /// up to the line's end (RFC 9112 §7.1.1).
    private mutating func sizeRest(_ byte: UInt8) throws(Problem) {
        lineBytes += 1
        guard lineBytes <= Self.sizeLineLimit else { throw .sizeLineTooLong }
        if byte == Self.lf {
            sawCR = false
            inExtensions = false
            lineBytes = 0
            digits = 0
            state = remaining == 0 ? .trailerLineStart : .data
            return
        }
        guard !sawCR else { throw .malformed }
        if byte == Self.cr {
            sawCR = true
        } else if inExtensions {
            guard byte == Self.htab || (byte >= 0x20 && byte != 0x7F) else { throw .malformed }
        } else if byte == UInt8(ascii: ";") {
            inExtensions = true
        } else {
            guard byte == UInt8(ascii: " ") || byte == Self.htab else { throw .malformed }
        }
    }

    private mutating func reset() {
        state = .sizeStart
        remaining = 0
        digits = 0
        lineBytes = 0
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        default: return nil
        }
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let htab = UInt8(ascii: "\t")
}
