#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds programs the way a shell does: a name with a `/` is taken as a path, any other name is looked up in the
/// directories of `PATH`, in order.
public enum ExecutableLocator {
    /// The search path used when the environment has no `PATH`.
    public static let defaultSearchPath = "/usr/local/bin:/usr/bin:/bin"

    /// The path of the program `name`, or nil when no executable regular file of that name is found.
    /// - Parameters:
    ///   - name: a program name (`kubectl`) or a path (`./bin/kubectl`, `/usr/bin/kubectl`).
    ///   - environment: where `PATH` is read; ``defaultSearchPath`` when it has none.
    public static func locate(_ name: String, environment: [String: String]) -> String? {
        guard !name.isEmpty else { return nil }
        if name.contains("/") { return isExecutableFile(name) ? name : nil }
        let path = environment["PATH"] ?? defaultSearchPath
        for directory in path.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(name)" : "\(directory)/\(name)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    /// Whether `path` is a regular file (after symbolic links) that this process may execute.
    public static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}
