import JSON
import Testing

@testable import API

/// RFC 9110 §8.3: which Content-Type values a JSON body may come with.
struct RequestBodyTests {
    @Test(arguments: [
        ("application/json", true), ("Application/JSON; charset=utf-8", true), ("  application/json ;x=1", true),
        ("application/merge-patch+json", true), ("APPLICATION/VND.API+JSON", true), ("application/problem+json", true),
        ("text/json", false), ("application/jsonx", false), ("application/json+xml", false),
        ("application/ json", false), ("application/xml", false), ("", false), (";application/json", false),
        ("applicatiön/json", false), ("\tapplication/json\t", true), ("application/json;", true),
        ("application/x+jsonx", false), ("application/x+JSON ; charset=utf-8", true), ("application/js", false),
    ])
    func mediaTypes(_ contentType: String, _ isJSON: Bool) {
        #expect(RequestBody.isJSON(contentType) == isJSON, "\(contentType)")
    }

    @Test func noContentTypeIsNotJSON() {
        #expect(!RequestBody.isJSON(nil))
    }
}
