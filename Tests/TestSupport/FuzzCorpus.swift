import Foundation

/// The stored inputs of the fuzz targets (scripts/fuzz.sh), under `Tests/Fuzz`, for the tests that replay them
/// through the same checks the fuzzers run.
public enum FuzzCorpus {
    /// One stored input, named by its directory and file.
    public struct Input: Sendable, CustomStringConvertible {
        public let directory: String
        public let name: String
        public let bytes: [UInt8]
        public var description: String { "\(directory)/\(name)" }
    }

    /// `Tests/Fuzz`, found from this file's own place.
    public static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// Every file of `Tests/Fuzz/<subdirectory>`, in name order; none when the directory is absent.
    public static func inputs(in subdirectory: String) -> [Input] {
        let url = directory.appendingPathComponent(subdirectory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.sorted().compactMap { name in
            guard !name.hasPrefix("."),
                let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path)
            else { return nil }
            return Input(directory: subdirectory, name: name, bytes: Array(data))
        }
    }

    /// Every split point of an input of `count` bytes, for inputs small enough to afford it.
    public static func everySplit(_ count: Int) -> [Int] { Array(0...count) }
}
