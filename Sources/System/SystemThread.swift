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

    /// Starts a thread named `name` running `body`; join it with `pthread_join`.
    public static func spawn(named name: String, _ body: @escaping @Sendable () -> Void) throws(SystemError)
        -> pthread_t
    {
        try start(named: name, body, detached: false)
    }

    /// The nice value of a thread whose work can wait for the service's answers to clients (the reminders):
    /// when the cores are busy, the scheduler gives it about a tenth of what a thread at 0 gets
    /// (sched(7), "The nice value"), and as much as it needs when they are not.
    public static let backgroundNice: Int32 = 10

    /// Starts a thread running `body` at `backgroundNice`; join it with `pthread_join`. A thread may always lower
    /// its own priority, so this fails only as `spawn` does.
    public static func spawnInBackground(named name: String, _ body: @escaping @Sendable () -> Void)
        throws(SystemError) -> pthread_t
    {
        try start(
            named: name,
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

    /// Starts a thread named `name` running `body` that nothing joins: it frees itself when `body` returns.
    public static func spawnDetached(named name: String, _ body: @escaping @Sendable () -> Void) throws(SystemError) {
        _ = try start(named: name, body, detached: true)
    }

    /// The longest name a thread takes, in bytes: the kernel keeps 16 with the terminating NUL (prctl(2)).
    public static let nameLimit = 15

    /// The calling thread's name, as `ps -L` and `top -H` show it; a thread not named here has its process's.
    public static var currentName: String {
        var buffer = [CChar](repeating: 0, count: nameLimit + 1)
        _ = clinux_thread_name(&buffer)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func start(named name: String, _ body: @escaping @Sendable () -> Void, detached: Bool)
        throws(SystemError) -> pthread_t
    {
        // "np-" and the part: what an operator sees beside the process's other threads in `top -H`.
        let terminated = ("np-" + name).utf8.prefix(nameLimit).map { CChar(bitPattern: $0) } + [0]
        let named: @Sendable () -> Void = {
            _ = clinux_set_thread_name(terminated)
            body()
        }
        var attributes = pthread_attr_t()
        let initialized = pthread_attr_init(&attributes)
        guard initialized == 0 else { throw SystemError("pthread_attr_init", initialized) }
        defer { pthread_attr_destroy(&attributes) }
        if detached { pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED)) }
        var thread = pthread_t()
        let argument = Unmanaged.passRetained(Body(named)).toOpaque()
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
