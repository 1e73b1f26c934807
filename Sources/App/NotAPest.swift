import API
import Glibc
import HTTP
import Reminders
import Store
import System

/// The `notapest` command: its subcommands and exit codes.
public enum NotAPest {
    public static let version = "0.1.0"

    static let usage = """
        Usage: notapest <command> [options]

        Commands:
          serve        run the HTTP service (see 'notapest serve --help')
          healthcheck  exit 0 when the local service answers GET /healthz, else 1
          backup PATH  copy the live database to PATH, consistently, while it serves
          --version    print the version
          --help       this text

        """

    /// Runs the command line and returns the process exit code: 0 done, 1 failed, 2 misused.
    public static func main(_ arguments: [String], environment: [String: String]) -> Int32 {
        guard let command = arguments.first else {
            printError(usage)
            return 2
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "--version", "version":
            print("notapest \(version)")
            return 0
        case "--help", "-h", "help":
            print(usage, terminator: "")
            return 0
        case "serve":
            if rest.contains("--help") || rest.contains("-h") {
                print(ServeOptions.help, terminator: "")
                return 0
            }
            do {
                let options = try ServeOptions.parse(rest, environment: environment)
                return serve(options)
            } catch {
                printError("notapest: \(error)\n")
                return 2
            }
        case "healthcheck":
            do {
                let options = try ServeOptions.parse(rest, environment: environment)
                return Operations.healthcheck(options)
            } catch {
                printError("notapest: \(error)\n")
                return 2
            }
        case "backup":
            guard let target = rest.first, !target.hasPrefix("-") else {
                printError("notapest: backup needs a destination: notapest backup PATH [--db FILE]\n")
                return 2
            }
            do {
                let options = try ServeOptions.parse(Array(rest.dropFirst()), environment: environment)
                return Operations.backup(from: options.databasePath, to: target)
            } catch {
                printError("notapest: \(error)\n")
                return 2
            }
        default:
            printError("notapest: unknown command '\(command)'\n\n" + usage)
            return 2
        }
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully and returns 0; or, when part of the server
    /// failed, shuts down the same way and returns 1.
    static func serve(_ options: ServeOptions) -> Int32 {
        // Block the stop signals before any thread starts, so every thread inherits the mask and
        // only the waiting thread below receives them (sigwait).
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let running: Service.Running
        do {
            // A part of the server that fails stops it through the same wait as a signal does.
            running = try Service.start(options, onFailure: { _ in kill(getpid(), SIGTERM) })
        } catch let error as UsageError {
            printError("notapest: \(error)\n")
            return 2
        } catch {
            printError("notapest: cannot start: \(error)\n")
            return 1
        }
        let server = running.server
        printError("notapest \(version) listening on http://\(options.host):\(server.port)\n")
        if let warning = HTTPSHelperClient.missingWarning(path: HTTPSHelperClient.besideExecutable) {
            printError("notapest: \(warning)\n")
        }
        var received: Int32 = 0
        sigwait(&signals, &received)
        if let failure = server.failure {
            printError("notapest: stopping after a failure (\(failure)); finishing requests in flight\n")
        } else {
            printError("notapest: stopping (signal \(received)); finishing requests in flight\n")
        }
        running.stop()
        return server.failure == nil ? 0 : 1
    }

    static func printError(_ text: String) { StandardError.write(text) }
}
