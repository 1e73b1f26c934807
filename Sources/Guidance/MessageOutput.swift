/// Where a message is written piece by piece: a `String`, or straight into a response being written,
/// which then needs no String per message.
public protocol MessageOutput: ~Copyable {
    mutating func write(_ piece: String)
}

extension String: MessageOutput {}
