import Foundation

/// A uniquely named directory under the system temporary directory, removed when the test's closure returns.
public struct ScratchDirectory {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The path of a file inside the directory.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Runs `body` with a fresh directory and removes it, with every database file in it, afterwards.
    public static func with<T>(_ body: (ScratchDirectory) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("notapest-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(ScratchDirectory(url: url))
    }
}
