import Glibc

/// An object of each thread's own, kept in the thread's specific data (`pthread_key_create`), and told on that
/// thread when it ends, so that what it holds for the thread is given back then and not when the process ends.
///
/// Make one for the life of the process (a `static let`): its key is never deleted, since a thread that ends
/// after a deletion would never be told. POSIX guarantees at least 128 keys (`PTHREAD_KEYS_MAX`, 1024 on Linux)
/// for the whole process.
public final class ThreadSpecific<Value: ThreadEnding>: @unchecked Sendable {
    // `@unchecked Sendable`: the key never changes after `init`, and each thread reads and writes only its own
    // value through it.
    private let key: pthread_key_t

    /// Creates the key. Throws when the process has used every key there is.
    public init() throws(SystemError) {
        var key = pthread_key_t()
        // POSIX calls this on the ending thread with the value the thread still holds (pthread_key_create);
        // the value was retained when it was set.
        let code = pthread_key_create(&key) { value in
            guard let value else { return }
            (Unmanaged<AnyObject>.fromOpaque(value).takeRetainedValue() as? any ThreadEnding)?.threadEnded()
        }
        guard code == 0 else { throw SystemError("pthread_key_create", code) }
        self.key = key
    }

    /// The calling thread's value, made by `make` on the thread's first call. Costs a `pthread_getspecific` once
    /// the value is made; throws only when the thread's specific data cannot grow to hold a new value.
    public func value(orMake make: () -> Value) throws(SystemError) -> Value {
        if let raw = pthread_getspecific(key) {
            return Unmanaged<Value>.fromOpaque(raw).takeUnretainedValue()
        }
        let value = make()
        let retained = Unmanaged.passRetained(value)
        let code = pthread_setspecific(key, retained.toOpaque())
        guard code == 0 else {
            retained.release()
            throw SystemError("pthread_setspecific", code)
        }
        return value
    }
}
