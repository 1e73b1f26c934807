/// What the server decides from a request's head alone, before a byte of its body is read: a request the
/// head already refuses (no or a wrong token, a foreign Host, an unknown path or method, an unsupported media
/// type) costs the server its head and nothing more (RFC 9110 §10.1.1: no 100 Continue for it either).
enum Admission {
    /// Answered from the head; the body, if any, is skipped or the connection closed. `route` is the matched
    /// route's pattern, for metrics, or nil when none matched.
    case answer(Response, route: String?)
    /// Read the body, up to `maxBodyBytes`, then run `route` (nil in tests of the connection alone).
    case admit(route: Router.Route?, parameters: [String: String], maxBodyBytes: Int)
}

/// Decides requests from their heads (the server's router and guards; a stand-in in tests).
protocol HeadAdmitting {
    func admit(_ head: RequestHead, _ info: MessageInfo) -> Admission
}
