#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// The calls whose types differ between Linux (Glibc) and macOS (Darwin), for the line editor. (Support has its own
/// `Platform`; this module sits beside Support and does not import it.) libedit itself ships with macOS, so the
/// editor is written for both; its continuous integration runs on Linux only.
enum Platform {
    /// Starts a detached-capable POSIX thread running `body`; nil when the system has no thread left.
    ///
    /// `pthread_t` is an integer on Linux and a non-optional pointer on macOS, and the start routine takes an optional
    /// pointer on Linux and a non-optional one on macOS; this hides both.
    static func startThread(_ body: @escaping () -> Void) -> pthread_t? {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            return nil
        }
        return thread
        #elseif canImport(Darwin)
        var thread: pthread_t?
        let created = pthread_create(&thread, nil, { context in
            Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        guard created == 0, let thread else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            return nil
        }
        return thread
        #endif
    }
}

/// What a thread started by ``Platform/startThread(_:)`` runs.
private final class ThreadBody {
    let run: () -> Void

    init(_ run: @escaping () -> Void) { self.run = run }
}
