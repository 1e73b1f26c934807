import Foundation
import Glibc

/// The built `notapest serve` as a child process on an ephemeral port with a temporary database, so that its
/// memory can be read apart from the test's own.
public final class ServerProcess {
    public let process = Process()
    public let port: Int
    let directory: URL

    /// The executable sits beside the test bundle in the build folder.
    public static var binary: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("notapest")
    }

    public init(_ arguments: [String]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("np-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process.executableURL = Self.binary
        process.arguments =
            ["serve", "--port", "0", "--quiet", "--db", directory.appendingPathComponent("t.sqlite").path] + arguments
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        // The server says where it listens once it does: "… listening on 127.0.0.1:PORT".
        let line = try Self.readLine(from: stderr.fileHandleForReading, timeoutSeconds: 10)
        guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) })
        else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    /// A field of `/proc/PID/status` in KiB: `VmRSS` now, `VmHWM` the peak so far.
    public func memoryKiB(_ field: String) -> Int { Self.memoryKiB(of: process.processIdentifier, field) }

    /// A field of `/proc/PID/status` of process `pid` in KiB.
    public static func memoryKiB(of pid: Int32, _ field: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }

    /// Starts the peak (`VmHWM`) over from the current resident set (proc(5), /proc/PID/clear_refs).
    public func resetPeak() -> Bool {
        guard let file = fopen("/proc/\(process.processIdentifier)/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }

    public static func readLine(from handle: FileHandle, timeoutSeconds: Double) throws -> String {
        var collected = Data()
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        var pollFD = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
        while Date() < deadline {
            guard poll(&pollFD, 1, 100) > 0 else { continue }
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            collected.append(chunk)
            if let text = String(data: collected, encoding: .utf8), let newline = text.firstIndex(of: "\n") {
                return String(text[..<newline])
            }
        }
        throw CocoaError(.fileReadUnknown)
    }
}
