import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal handling for the shell, whose `sigaction` layout differs: the handler is `__sigaction_handler.sa_handler`
/// on Linux and `__sigaction_u.__sa_handler` on macOS.
extension Platform {
    /// Installs `handler` for `signal` with `SA_RESTART`, so that interrupted reads and waits resume.
    static func setRestartingHandler(_ signal: Int32, _ handler: @escaping @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #elseif canImport(Darwin)
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(signal, &action, nil)
    }
}
