import CLinux
import Glibc

/// POSIX threads for the parts of the service that run on a thread of their own (event loops, the database
/// writer, an import), without Foundation's `Thread`.
public enum SystemThread {
    /// Carries the body through `pthread_create`'s untyped argument.
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts a thread running `body`; join it with `pthread_join`.
    public static func spawn(_ body: @escaping @Sendable () -> Void) throws(SystemError) -> pthread_t {
        try start(body, detached: false)
    }

    /// The nice value of a thread whose work can wait for the service's answers to clients (the reminders):
    /// when the cores are busy, the scheduler gives it about a tenth of what a thread at 0 gets
    /// (sched(7), "The nice value"), and as much as it needs when they are not.
    public static let backgroundNice: Int32 = 10

    /// Starts a thread running `body` at `backgroundNice`; join it with `pthread_join`. A thread may always lower
    /// its own priority, so this fails only as `spawn` does.
    public static func spawnInBackground(_ body: @escaping @Sendable () -> Void) throws(SystemError) -> pthread_t {
        try start(
            {
                _ = clinux_set_thread_nice(backgroundNice)
                body()
            }, detached: false)
    }

    /// The calling thread's nice value, or nil when it cannot be read.
    public static var currentNice: Int32? {
        let value = clinux_thread_nice()
        return value == -1 && errno != 0 ? nil : value
    }

    /// Starts a thread running `body` that nothing joins: it frees itself when `body` returns.
    public static func spawnDetached(_ body: @escaping @Sendable () -> Void) throws(SystemError) {
        _ = try start(body, detached: true)
    }

    private static func start(_ body: @escaping @Sendable () -> Void, detached: Bool) throws(SystemError) -> pthread_t {
        var attributes = pthread_attr_t()
        let initialized = pthread_attr_init(&attributes)
        guard initialized == 0 else { throw SystemError("pthread_attr_init", initialized) }
        defer { pthread_attr_destroy(&attributes) }
        if detached { pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) }
        var thread = pthread_t()
        let argument = Unmanaged.passRetained(Body(body)).toOpaque()
        let code = pthread_create(
            &thread, &attributes,
            { argument in
                guard let argument else { return nil }
                Unmanaged<Body>.fromOpaque(argument).takeRetainedValue().run()
                return nil
            }, argument)
        guard code == 0 else {
            Unmanaged<Body>.fromOpaque(argument).release()
            throw SystemError("pthread_create", code)
        }
        return thread
    }
}
