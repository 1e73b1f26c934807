import HTTP
import Testing

/// Every status the service answers with has its reason phrase (RFC 9110 §15), which also titles its problem
/// document: a client shows it to people.
@Suite struct HTTPStatusTests {
    @Test(arguments: [
        (100, "Continue"), (200, "OK"), (201, "Created"), (204, "No Content"), (304, "Not Modified"),
        (400, "Bad Request"), (401, "Unauthorized"), (404, "Not Found"), (405, "Method Not Allowed"),
        (408, "Request Timeout"), (409, "Conflict"), (412, "Precondition Failed"), (413, "Content Too Large"),
        (414, "URI Too Long"), (415, "Unsupported Media Type"), (417, "Expectation Failed"),
        (421, "Misdirected Request"), (422, "Unprocessable Content"), (431, "Request Header Fields Too Large"),
        (500, "Internal Server Error"), (501, "Not Implemented"), (503, "Service Unavailable"),
        (505, "HTTP Version Not Supported"), (507, "Insufficient Storage"),
    ])
    func reasonPhrase(status: Int, phrase: String) {
        #expect(HTTPStatus.reasonPhrase(status) == phrase)
        #expect(Problem(status: status, detail: "x").title == phrase)
    }
}
