import Foundation

/// A uniquely named directory under the system temporary directory, removed when the test's closure returns.
struct ScratchDirectory {
    let url: URL

    /// The path of a file inside the directory.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Runs `body` with a fresh directory and removes it, with every database file in it, afterwards.
    static func with<T>(_ body: (ScratchDirectory) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(ScratchDirectory(url: url))
    }
}
