import Foundation
import HTTP

/// Reads why llama-server died while starting from the end of its log, and turns it into one line with the fix.
public enum ManagedServerFailure {
    /// What went wrong, as far as the log tells.
    public enum Cause: Sendable, Equatable {
        /// The port was taken between choosing it and binding it (k1 retries with another).
        case portInUse
        /// The model file is not a loadable GGUF.
        case badModel
        /// A shared library of llama-server is missing.
        case brokenRuntime
        /// Not enough memory for the model and context (the log says so, or the kernel's OOM killer killed it).
        case outOfMemory
        /// Killed by a signal with no sign of a memory shortage (someone or something else killed it).
        case killed
        /// Anything else.
        case other
    }

    /// Classifies a log excerpt (and the exit signal, if it was killed). A SIGKILL counts as out of memory only when
    /// `oomKilled` says the kernel's OOM killer acted (``OOMKillCounter``).
    public static func cause(logLines: [String], signal: Int32? = nil, oomKilled: Bool = false) -> Cause {
        let text = logLines.joined(separator: "\n")
        if text.contains("couldn't bind") || text.contains("Address already in use") { return .portInUse }
        if text.contains("error while loading shared libraries") { return .brokenRuntime }
        if text.contains("failed to allocate") || text.contains("out of memory") || text.contains("bad_alloc")
            || text.contains("Cannot allocate memory") || (signal == 9 && oomKilled) { return .outOfMemory }
        if text.contains("failed to load model") || text.contains("gguf_init") || text.contains("invalid magic") { return .badModel }
        if signal == 9 { return .killed }
        return .other
    }

    /// The error lines of a llama-server log without their timestamp and level (`E`), oldest first.
    /// Falls back to the last lines when there is no error line.
    public static func errorLines(_ logLines: [String]) -> [String] {
        let prefix = try? Regex("^[0-9.]+ [A-Z] (?:[a-z]{2,4}\\s{2,})?\\s*")
        let errors = logLines.filter { $0.range(of: "^[0-9.]+ E ", options: .regularExpression) != nil }
        let chosen = errors.isEmpty ? Array(logLines.suffix(3)) : errors
        return chosen.map { line in
            guard let prefix, let match = line.firstMatch(of: prefix) else { return line }
            return String(line[match.range.upperBound...])
        }
    }

    /// The one-line error for a server that exited while starting.
    /// - Parameters:
    ///   - logLines: the end of `server.log`.
    ///   - status: exit status, or the signal number when `signaled`.
    public static func error(model: String, modelPath: String, port: Int, contextSize: Int, logLines: [String],
                             status: Int32, signaled: Bool, logPath: String, oomKilled: Bool = false) -> LLMError {
        let cause = cause(logLines: logLines, signal: signaled ? status : nil, oomKilled: oomKilled)
        let errors = errorLines(logLines)
        // The first error is usually the root cause; the last says how the server ended.
        var excerpt = [errors.first, errors.count > 1 ? errors.last : nil].compactMap { $0 }
        if excerpt.isEmpty { excerpt = ["no output"] }
        let detail = excerpt.joined(separator: " … ")
        let how = signaled ? "was killed by signal \(status)" : "exited with status \(status)"
        switch cause {
        case .portInUse:
            return LLMError(.portInUse, "llama-server could not listen on 127.0.0.1:\(port): the port is taken by another program (\(detail)); free it or try again with k1 server start (log: \(logPath))")
        case .badModel:
            return LLMError(.serverFailed, "llama-server could not load \(modelPath) (\(detail)); reinstall it with k1 models install \(model) or pick another with k1 models use NAME (log: \(logPath))")
        case .brokenRuntime:
            return LLMError(.serverNotInstalled, "llama-server cannot start (\(detail)); reinstall it with k1 setup (log: \(logPath))")
        case .outOfMemory:
            return LLMError(.serverFailed, "llama-server \(how) while loading \(model): not enough memory (\(detail)); lower context_size (now \(contextSize)) in config.yaml or use a smaller model (log: \(logPath))")
        case .killed:
            return LLMError(.serverFailed, "llama-server was killed by signal \(status) (SIGKILL) while loading \(model), and the kernel reports no out-of-memory kill: another program or a person stopped it (\(detail)); start it again with k1 server start (log: \(logPath))")
        case .other:
            return LLMError(.serverFailed, "llama-server \(how) while loading \(model) (\(detail)); see k1 server logs (\(logPath))")
        }
    }
}
