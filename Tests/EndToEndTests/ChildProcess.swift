import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, with a clean signal state (nothing blocked, default dispositions)
/// and only the three standard descriptors it is given.
///
/// Foundation's `Process` does not fit these tests: its children inherit the test runner's blocked signal mask (so a
/// daemon such as the tmux server, and everything it starts, would ignore SIGINT and SIGTERM), and it notices a
/// child's exit through a descriptor that a daemonising child keeps open, so waiting for `tmux new-session` never ends.
final class ChildProcess {
    /// Where a standard descriptor of the child comes from or goes to.
    enum Stream {
        /// `/dev/null`.
        case null
        /// This (parent) descriptor, duplicated into the child.
        case descriptor(Int32)
        /// A file, created or truncated.
        case file(URL)
    }

    /// The child's process id.
    let pid: pid_t
    private var exitStatus: Int32?

    /// Spawns `executable` with `arguments`, `environment` (nil: this process's) and the given standard streams.
    init(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
         stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (stream, target) in [(stdin, Int32(0)), (stdout, 1), (stderr, 2)] {
            switch stream {
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            case let .descriptor(fd):
                posix_spawn_file_actions_adddup2(&actions, fd, target)
            case let .file(url):
                posix_spawn_file_actions_addopen(&actions, target, url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let environment = environment ?? ProcessInfo.processInfo.environment
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw E2EError.processFailed("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// Waits for the child to exit (once; later calls return the same) and returns its exit status,
    /// or 128 + the signal number when a signal ended it (as shells report it).
    @discardableResult
    func wait() -> Int32 {
        if let exitStatus { return exitStatus }
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
        let signal = raw & 0x7F
        let status = signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
        exitStatus = status
        return status
    }

    /// Sends `signal` to the child unless it has already been waited for.
    func send(_ signal: Int32) {
        if exitStatus == nil { _ = kill(pid, signal) }
    }

    /// A pipe whose both ends close on exec (only the dup2'ed copy in a child survives): `(read, write)`.
    static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard Glibc.pipe(&ends) == 0 else { throw E2EError.processFailed("pipe failed: errno \(errno)") }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }
}
