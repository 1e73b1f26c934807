/// Where a message is written piece by piece: a `String`, or straight into a response being written,
/// which then needs no String per message.
public protocol MessageOutput: ~Copyable {
    /// A piece that comes from data (a name, an employer): a response escapes it as it needs.
    mutating func write(_ piece: String)
    /// A piece of the message's own wording, plain ASCII with nothing to escape.
    mutating func write(wording: StaticString)
    /// A date or time the message shows, plain ASCII with nothing to escape, in bytes that last only for the call.
    mutating func write(ascii: UnsafeBufferPointer<UInt8>)
}

extension MessageOutput where Self: ~Copyable {
    public mutating func write(wording: StaticString) {
        write(wording.withUTF8Buffer { String(decoding: $0, as: UTF8.self) })
    }

    public mutating func write(ascii: UnsafeBufferPointer<UInt8>) {
        write(String(decoding: ascii, as: UTF8.self))
    }
}

extension String: MessageOutput {
    /// The text `write` writes, as one String.
    init(writing write: (inout String) -> Void) {
        self = ""
        write(&self)
    }
}
