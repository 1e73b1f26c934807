import Foundation
import HTTP
import TestSupport

/// A response as a test reads it: from the routes in this process (`Response`) or off a socket (`RawResponse`).
/// Bodies are read into the typed values of this folder (`ContactBody`, `ProblemBody`, …).
protocol TestResponse {
    var status: Int { get }
    var body: [UInt8] { get }
    /// The first value of a header field, or nil.
    func header(_ name: String) -> String?
}

extension TestResponse {
    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body read as JSON into `type`; members are snake_case in the body, camelCase in the type.
    func decode<Body: Decodable>(_ type: Body.Type) throws -> Body {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(type, from: Data(body))
        } catch {
            throw CallFailure("\(status) \(bodyText.prefix(500)) is no \(type): \(error)")
        }
    }
}

extension Response: TestResponse {
    func header(_ name: String) -> String? { headers[name] }
}

extension RawResponse: TestResponse {}
