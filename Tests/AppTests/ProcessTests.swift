import Foundation
import TestSupport
import Testing

/// The built `notapest` binary as a child process, the way a user or a container runs it.
@Suite struct ProcessTests {
    static var binary: URL { ServerProcess.binary }

    @Test func versionAndUnknownFlag() throws {
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("notapest "))
        let bad = try run(["serve", "--no-such-flag"])
        #expect(bad.status == 2)
        #expect(bad.error.contains("--no-such-flag"))
    }

    @Test func sigtermStopsTheServerCleanly() throws {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [
            "serve", "--port", "0", "--quiet", "--db", NSTemporaryDirectory() + "/np-\(UUID()).sqlite",
        ]
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        // The server says where it listens once it does.
        let line = try readLine(from: stderr.fileHandleForReading, timeoutSeconds: 10)
        let port = try #require(
            line.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        let (data, response) = try fetch("http://127.0.0.1:\(port)/healthz")
        #expect(response == 200)
        #expect(String(decoding: data, as: UTF8.self) == "{\"status\":\"ok\"}")
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
        #expect(process.terminationReason == .exit)
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        return (
            process.terminationStatus,
            String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }

    func readLine(from handle: FileHandle, timeoutSeconds: Double) throws -> String {
        try ServerProcess.readLine(from: handle, timeoutSeconds: timeoutSeconds)
    }

    /// A plain GET over a socket, so the test needs no HTTP client library.
    func fetch(_ url: String) throws -> (Data, Int) {
        let parts = url.split(separator: "/", maxSplits: 3)
        let hostPort = parts[1].split(separator: ":")
        let port = Int(hostPort[1]) ?? 0
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let request =
            "GET /\(parts.count > 2 ? String(parts[2]) : "") HTTP/1.1\r\nHost: \(parts[1])\r\nConnection: close\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: received, as: UTF8.self)
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return (Data(body.utf8), status)
    }
}
