import Foundation
import Support
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a session file as the session goes (`k1 shell --record FILE`).
///
/// The file is opened once, in append mode; each `record` call writes its whole entry with one `write(2)`,
/// so a crash of k1 loses at most the entry being recorded. The file is a log, appended to rather than
/// replaced atomically: after a power loss its last lines may be missing, which still leaves a valid file.
/// A new (or empty) file starts with the header; an existing file that starts with the header and parses
/// is continued; any other file is refused rather than appended to.
///
/// Recording never interrupts the session: when a write fails, the recorder prints one warning
/// (`k1: recording to PATH stopped: …`), keeps the error in `failure` and ignores later entries.
public final class SessionRecorder: Sendable {
    /// The file being written.
    public let url: URL
    /// The open descriptor (-1 once closed) and the first write failure.
    private let state: Mutex<State>

    private struct State {
        var fd: Int32
        var failure: FileError?
    }

    /// Opens (creating it and its directory if needed) the session file at `url`.
    /// - Throws: `FileError` when it cannot be opened or written, or holds something other than a session.
    public init(url: URL) throws(FileError) {
        self.url = url
        // Only a regular file can hold an earlier session (a device such as /dev/null has nothing to check).
        var info = stat()
        let isRegularFile = stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        let existing = isRegularFile ? try FileBytes.readIfPresent(url) : nil
        if let existing, !existing.isEmpty {
            do throws(SessionFileError) { _ = try SessionFileParser.parse(existing, source: url.path) } catch {
                throw FileError(path: url.path, reason: "exists and is not a k1 session file (line \(error.line ?? 1): \(error.message)); record to another file")
            }
            let firstLine = String(decoding: existing, as: UTF8.self).split(whereSeparator: \.isNewline)
                .lazy.map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
            guard firstLine?.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}")) == SessionFile.header else {
                throw FileError(path: url.path, reason: "exists and does not start with '\(SessionFile.header)'; record to another file")
            }
        }
        do { try XDGPaths.ensureDirectory(url.deletingLastPathComponent()) } catch {
            throw FileError(path: url.deletingLastPathComponent().path, reason: "cannot create directory")
        }
        let fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: url.path, reason: FileBytes.reason(errno)) }
        state = Mutex(State(fd: fd))
        var preamble = ""
        if let existing, !existing.isEmpty {
            if existing.last != UInt8(ascii: "\n") { preamble = "\n" }
        } else {
            preamble = SessionFile.header + "\n"
        }
        if !preamble.isEmpty, let error = write(preamble) {
            close()
            throw error
        }
    }

    deinit { close() }

    /// Appends one entry: the input line as typed and what came of it (rendered by `SessionFileWriter`).
    /// After a failed write, prints one warning and ignores this and later entries; see `failure`.
    public func record(input: String, ran: String? = nil, exitStatus: Int32? = nil, answer: String? = nil,
                       skipped: String? = nil, notes: [String] = []) {
        let entry = SessionEntry(input: input, ran: ran, exitStatus: exitStatus, answer: answer, skipped: skipped, notes: notes)
        let text = SessionFileWriter.render(entry)
        guard !text.isEmpty, let error = write(text) else { return }
        printError("k1: recording to \(url.path) stopped: \(error.reason)")
    }

    /// The write failure that stopped recording, if any.
    public var failure: FileError? { state.withLock { $0.failure } }

    /// Whether the file is still open for recording (false after `close()` or a failed write).
    public var isRecording: Bool { state.withLock { $0.fd >= 0 } }

    /// Closes the file; later `record` calls do nothing. Called on deinit.
    public func close() {
        state.withLock { state in
            if state.fd >= 0 { Platform.close(state.fd) }
            state.fd = -1
        }
    }

    /// Writes `text` with one `write(2)` (looping only on short writes). Returns the error of the first failure;
    /// nothing is written once closed or failed.
    private func write(_ text: String) -> FileError? {
        state.withLock { state -> FileError? in
            guard state.fd >= 0 else { return nil }
            let bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let count = bytes.withUnsafeBytes { Platform.write(state.fd, $0.baseAddress! + offset, $0.count - offset) }
                if count < 0 {
                    if errno == EINTR { continue }
                    let error = FileError(path: url.path, reason: "write failed (\(FileBytes.reason(errno)))")
                    state.failure = error
                    Platform.close(state.fd)
                    state.fd = -1
                    return error
                }
                offset += count
            }
            return nil
        }
    }
}
