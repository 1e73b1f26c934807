import Outgoing

@testable import Reminders
@testable import notapest_https

/// The clients the service sends through, for the tests of what every one of them must do alike.
enum ClientUnderTest: String, CaseIterable, Sendable, CustomStringConvertible {
    case urlSession
    case plain
    /// URLSession in the HTTPS helper process, through the socket the service hands it requests over.
    case helper

    func make() -> any HTTPClient {
        switch self {
        case .urlSession: return URLSessionClient()
        case .plain: return PlainHTTPClient()
        case .helper:
            return HTTPSHelperClient(path: HTTPSHelperClient.besideExecutable, bodyLimit: HTTPClientDefaults.bodyLimit)
        }
    }

    var description: String { rawValue }
}
