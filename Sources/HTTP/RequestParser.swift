/// The HTTP/1.1 request-head parser (RFC 9112 §2–§5). It keeps no state: the caller hands it
/// everything received since the head began, and it answers incomplete, complete or failure.
///
/// Line endings are strict: every line ends in CRLF, and a bare CR or a bare LF is a 400.
/// RFC 9112 §2.2 lets a recipient accept a bare LF, but two parsers that disagree on where a
/// line ends disagree on where a request ends, which is how requests are smuggled past a
/// proxy; refusing both is the one reading no peer can contradict.
public enum RequestParser {
    /// Pure, incremental: call again with more bytes after `.incomplete` (from the start of the head).
    public static func parseHead(_ bytes: UnsafeRawBufferPointer, limits: ParserLimits) -> HeadParseResult {
        // Nothing past maxHeaderBytes can belong to an acceptable head, so nothing past it is read.
        let window = min(bytes.count, max(limits.maxHeaderBytes, 0))
        switch scanHead(bytes, window: window, maxFields: limits.maxHeaderCount) {
        case .failure(let error, let start, let lineEnd, let offset):
            // Every path judges the request line before what follows it, so a head fed in
            // pieces fails the way the whole one does: an error in the request line wins.
            if let lineError = requestLineError(bytes, start: start, lineEnd: lineEnd, end: offset, limits: limits) {
                return .failure(lineError)
            }
            return .failure(error)
        case .incomplete(let start, let lineEnd):
            // Refuse an unfinished head as soon as what has arrived breaks a rule or a limit,
            // so a hostile peer cannot make the connection buffer without bound.
            if let lineError = requestLineError(bytes, start: start, lineEnd: lineEnd, end: window, limits: limits) {
                return .failure(lineError)
            }
            return bytes.count > limits.maxHeaderBytes ? .failure(.headerFieldsTooLarge) : .incomplete
        case .complete(let start, let lineEnd, let headEnd, let fieldLines):
            return complete(
                bytes, start: start, lineEnd: lineEnd, headEnd: headEnd, fieldLines: fieldLines, limits: limits)
        }
    }

    /// Convenience over `parseHead(_:limits:)` for an array.
    public static func parseHead(_ bytes: [UInt8], limits: ParserLimits) -> HeadParseResult {
        bytes.withUnsafeBytes { parseHead($0, limits: limits) }
    }

    /// Where the head's lines are, found before any tokenising.
    enum HeadScan {
        /// `start`: first byte of the request line; `lineEnd`: the CR ending it, if seen.
        case incomplete(start: Int, lineEnd: Int?)
        /// `headEnd`: one past the LF of the empty line that ends the header section.
        case complete(start: Int, lineEnd: Int, headEnd: Int, fieldLines: Int)
        /// `offset`: the byte that broke a rule; the request line, if any, lies before it.
        case failure(HTTPParseError, start: Int, lineEnd: Int?, offset: Int)
    }

    /// Skips leading empty lines and looks for the CRLFCRLF ending the head by jumping from LF
    /// to LF, checking only that each LF follows a CR and counting the field lines. No byte
    /// inside a line is looked at here.
    static func scanHead(_ bytes: UnsafeRawBufferPointer, window: Int, maxFields: Int) -> HeadScan {
        let bareLF = HTTPParseError.badRequest("A line ended in a bare LF; lines end in CRLF.")
        let bareCR = HTTPParseError.badRequest("A bare CR appeared; lines end in CRLF.")
        // RFC 9112 §2.2: a server ignores empty lines received before the request-line.
        var start = 0
        while start < window {
            let byte = bytes[start]
            if byte == lf { return .failure(bareLF, start: start, lineEnd: nil, offset: start) }
            guard byte == cr else { break }
            guard start + 1 < window else { return .incomplete(start: window, lineEnd: nil) }
            guard bytes[start + 1] == lf else { return .failure(bareCR, start: start, lineEnd: nil, offset: start) }
            start += 2
        }
        var lineEnd: Int?
        var fieldLines = 0
        var searchFrom = start
        while let newline = firstLF(bytes, from: searchFrom, to: window) {
            // The byte at `start` is neither CR nor LF, so a found LF lies past it.
            guard newline > start, bytes[newline - 1] == cr else {
                return .failure(bareLF, start: start, lineEnd: lineEnd, offset: newline)
            }
            if lineEnd == nil {
                lineEnd = newline - 1
            } else {
                fieldLines += 1
                if fieldLines > maxFields {
                    return .failure(.headerFieldsTooLarge, start: start, lineEnd: lineEnd, offset: newline)
                }
            }
            let next = newline + 1
            if next < window, bytes[next] == cr, let requestLineEnd = lineEnd {
                guard next + 1 < window else { return .incomplete(start: start, lineEnd: requestLineEnd) }
                guard bytes[next + 1] == lf else {
                    return .failure(bareCR, start: start, lineEnd: requestLineEnd, offset: next)
                }
                return .complete(start: start, lineEnd: requestLineEnd, headEnd: next + 2, fieldLines: fieldLines)
            }
            searchFrom = next
        }
        return .incomplete(start: start, lineEnd: lineEnd)
    }

    /// The error in the request line starting at `start`, judged on what has arrived before
    /// `end`: the whole line when its end has been seen, else the part received so far.
    static func requestLineError(
        _ bytes: UnsafeRawBufferPointer, start: Int, lineEnd: Int?, end: Int, limits: ParserLimits
    ) -> HTTPParseError? {
        guard start < end, end <= bytes.count else { return nil }
        let scan: RequestLineScan
        if let lineEnd {
            scan = scanRequestLine(bytes, start: start, end: lineEnd, complete: true, limits: limits)
        } else if bytes[end - 1] == cr {
            // A last CR is the line's end only if a LF follows, and a bare CR otherwise
            // (RFC 9112 §2.2); until that byte arrives, judge only what precedes the CR, so a
            // prefix cut just after it fails no differently from the whole request.
            scan = scanRequestLine(bytes, start: start, end: end - 1, complete: false, limits: limits)
        } else {
            scan = scanRequestLine(bytes, start: start, end: end, complete: false, limits: limits)
        }
        if case .failure(let error) = scan { return error }
        return nil
    }

    /// A head whose end has been found: tokenise the request line and every field line.
    static func complete(
        _ bytes: UnsafeRawBufferPointer, start: Int, lineEnd: Int, headEnd: Int, fieldLines: Int, limits: ParserLimits
    ) -> HeadParseResult {
        let line: RequestLine
        switch scanRequestLine(bytes, start: start, end: lineEnd, complete: true, limits: limits) {
        case .line(let scanned): line = scanned
        case .failure(let error): return .failure(error)
        case .needMore: return .failure(.badRequest("The request line is incomplete."))
        }
        var fields = HTTPHeaders()
        fields.reserveCapacity(fieldLines)
        // The section's final CRLF starts at headEnd - 2; every field line ends before it.
        let sectionEnd = headEnd - 2
        var position = lineEnd + 2
        while position < sectionEnd {
            switch parseFieldLine(bytes, at: position, limit: headEnd) {
            case .failure(let error):
                return .failure(error)
            case .field(let name, let value, let next):
                fields.add(name: string(bytes, name), value: string(bytes, value))
                position = next
            }
        }
        return .complete(line.makeHead(bytes, headers: fields), consumed: headEnd)
    }

    /// One field line: where its name and trimmed value are, and where the next line starts.
    enum FieldLine {
        case field(name: Range<Int>, value: Range<Int>, next: Int)
        case failure(HTTPParseError)
    }

    /// Parses `field-name ":" OWS field-value OWS CRLF` at `start` (RFC 9112 §5), reading no
    /// further than `limit`. Shared by the header section and the chunked trailer section.
    static func parseFieldLine(_ bytes: UnsafeRawBufferPointer, at start: Int, limit: Int) -> FieldLine {
        guard start >= 0, limit <= bytes.count, start < limit else {
            return .failure(.badRequest("A header field line is incomplete."))
        }
        // RFC 9112 §5.2: obs-fold (a line continuing the previous one) is refused outright.
        if isWhitespace(bytes[start]) {
            return .failure(.badRequest("A header field line starts with whitespace (obsolete line folding)."))
        }
        var index = start
        while index < limit, isTchar(bytes[index]) { index += 1 }
        guard index < limit, bytes[index] == colon else {
            if index < limit, isWhitespace(bytes[index]) {
                // RFC 9112 §5.1: no whitespace is allowed between the field name and the colon.
                return .failure(.badRequest("A header field name is followed by whitespace before the colon."))
            }
            return .failure(.badRequest("A header field name contains a character that is not a token character."))
        }
        guard index > start else { return .failure(.badRequest("A header field has an empty name.")) }
        let name = start..<index
        index += 1
        while index < limit, isWhitespace(bytes[index]) { index += 1 }
        let valueStart = index
        // Values are the bulk of a head: skip to the first control byte a word at a time,
        // stepping over HTAB, then trim the OWS before it.
        index = firstControl(bytes, from: index, to: limit)
        while index < limit, bytes[index] == htab { index = firstControl(bytes, from: index + 1, to: limit) }
        var valueEnd = index
        while valueEnd > valueStart, isWhitespace(bytes[valueEnd - 1]) { valueEnd -= 1 }
        // RFC 9110 §5.5: NUL, CR, LF and the other controls never belong in a field value.
        guard index + 1 < limit, bytes[index] == cr, bytes[index + 1] == lf else {
            if index < limit, bytes[index] == cr {
                return .failure(.badRequest("A bare CR appeared; lines end in CRLF."))
            }
            return .failure(.badRequest("A header field value contains a control character."))
        }
        return .field(name: name, value: valueStart..<valueEnd, next: index + 2)
    }
}
