@testable import Reminders

/// The clients the service sends through, for the tests of what every one of them must do alike.
enum ClientUnderTest: String, CaseIterable, Sendable, CustomStringConvertible {
    case urlSession
    case plain

    func make() -> any HTTPClient {
        switch self {
        case .urlSession: return URLSessionClient()
        case .plain: return PlainHTTPClient()
        }
    }

    var description: String { rawValue }
}
