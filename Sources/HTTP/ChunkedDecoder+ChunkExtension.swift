/// The rest of a chunk-size line after its digits (RFC 9112 §7.1.1):
/// `*( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ) CRLF`, where a value is a
/// token or a quoted-string. Extensions are checked and then ignored: no extension is defined.
extension ChunkedDecoder {
    mutating func extensionByte(_ byte: UInt8) -> HTTPParseError? {
        let whitespace = RequestParser.isWhitespace(byte)
        let token = RequestParser.isTchar(byte)
        switch state {
        case .afterSize, .extensionAfterValue:
            if whitespace { return nil }
            return separatorOrEnd(byte)
        case .extensionBeforeName:
            if whitespace { return nil }
            guard token else { return .badRequest("A chunk extension has no name.") }
            state = .extensionName
            return nil
        case .extensionName, .extensionAfterName:
            if token && state == .extensionName { return nil }
            if whitespace {
                state = .extensionAfterName
                return nil
            }
            if byte == RequestParser.equals {
                state = .extensionBeforeValue
                return nil
            }
            return separatorOrEnd(byte)
        case .extensionBeforeValue:
            if whitespace { return nil }
            if byte == RequestParser.quote {
                state = .extensionQuoted
                return nil
            }
            guard token else { return .badRequest("A chunk extension has no value after \"=\".") }
            state = .extensionToken
            return nil
        case .extensionToken:
            if token { return nil }
            if whitespace {
                state = .extensionAfterValue
                return nil
            }
            return separatorOrEnd(byte)
        case .extensionQuoted:
            // RFC 9110 §5.6.4: qdtext is HTAB, SP, VCHAR other than DQUOTE and "\", and obs-text.
            if byte == RequestParser.quote {
                state = .extensionAfterValue
            } else if byte == RequestParser.backslash {
                state = .extensionEscape
            } else if !(byte == RequestParser.htab || (byte >= RequestParser.space && byte != 0x7F)) {
                return .badRequest("A quoted chunk extension value contains a control character.")
            }
            return nil
        case .extensionEscape:
            // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
            guard byte == RequestParser.htab || (byte >= RequestParser.space && byte != 0x7F) else {
                return .badRequest("A quoted chunk extension value contains a control character.")
            }
            state = .extensionQuoted
            return nil
        case .sizeLineFeed:
            guard byte == RequestParser.lf else { return .badRequest("A bare CR appeared; lines end in CRLF.") }
            endSizeLine()
            return nil
        default:
            return .badRequest("The chunked body is malformed.")
        }
    }

    /// After a size, a name or a value: another extension, or the end of the line.
    mutating func separatorOrEnd(_ byte: UInt8) -> HTTPParseError? {
        if byte == RequestParser.semicolon {
            state = .extensionBeforeName
            return nil
        }
        if byte == RequestParser.cr {
            state = .sizeLineFeed
            return nil
        }
        if byte == RequestParser.lf { return .badRequest("A line ended in a bare LF; lines end in CRLF.") }
        return .badRequest("A chunk-size line holds an unexpected character.")
    }
}
