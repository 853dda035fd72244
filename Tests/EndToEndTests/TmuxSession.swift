import Foundation

/// One command running in a detached tmux session on a private server (`tmux -L <unique name>`), so tests get a
/// real pseudo-terminal they can type into and read back, and never touch the user's own tmux.
///
/// The command runs under a small python3 supervisor that records its exit status in a file: tmux's own
/// `#{pane_dead_status}` stays blank now and then in tmux 3.3a. The supervisor ignores SIGINT with a handler (which
/// the command does not inherit), so Ctrl-C reaches the command as usual. `kill()` (or `deinit`) ends the private
/// tmux server and everything running in it.
final class TmuxSession {
    /// The private tmux server's socket name.
    let socket: String
    /// The terminal type inside the pane.
    static let terminal = "screen-256color"
    private static let target = "k1"
    private let configFile: URL
    private let statusFile: URL
    /// The server's socket, which `kill-server` leaves behind.
    private var socketPath: String?
    private var killed = false

    /// Runs `argv[2:]`, then writes its exit status (128 + signal when killed) to the file `argv[1]`.
    private static let supervisor = """
        import signal, subprocess, sys
        signal.signal(signal.SIGINT, lambda *_: None)
        code = subprocess.run(sys.argv[2:]).returncode
        open(sys.argv[1], "w").write(str(code if code >= 0 else 128 - code))
        """

    /// Starts `command` in a `width`×`height` pane with exactly `environment` (plus `TERM`).
    init(command: [String], environment: [String: String], width: Int = 160, height: Int = 40) throws {
        guard HostTools.tmux != nil, let python = HostTools.python3 else {
            throw E2EError.processFailed("tmux and python3 are needed")
        }
        socket = "k1-e2e-\(UUID().uuidString.prefix(8))"
        configFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).tmux.conf")
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socket).status")
        try """
        set -g remain-on-exit on
        set -g status off
        set -g history-limit 20000
        set -g default-terminal \(Self.terminal)
        set -g escape-time 0

        """.write(to: configFile, atomically: true, encoding: .utf8)
        var environment = environment
        environment["TERM"] = Self.terminal
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        try tmux(["new-session", "-d", "-s", Self.target, "-x", "\(width)", "-y", "\(height)", "--",
                  "/usr/bin/env", "-i"] + assignments + [python, "-c", Self.supervisor, statusFile.path] + command)
        socketPath = try? tmux(["display-message", "-p", "#{socket_path}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { kill() }

    /// Types `text`: literally (no key names), or with tmux key names (`"C-a"`) when `literal` is false.
    func sendKeys(_ text: String, literal: Bool = true) throws {
        try tmux(["send-keys", "-t", Self.target] + (literal ? ["-l", "--", text] : [text]))
    }

    /// Presses one named key: `"Enter"`, `"Tab"`, `"C-c"`, `"C-d"`, `"Escape"`, `"Up"`, `"BSpace"`…
    func sendSpecial(_ key: String) throws {
        try tmux(["send-keys", "-t", Self.target, key])
    }

    /// Pastes `text` the way a terminal does: in one write, wrapped in bracketed-paste markers when the program in
    /// the pane turned that mode on (tmux `paste-buffer -p`), line breaks sent as carriage returns.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "-b", "k1-paste", "--", text])
        try tmux(["paste-buffer", "-p", "-d", "-b", "k1-paste", "-t", Self.target])
    }

    /// The pane's whole scroll-back and screen as plain text: wrapped lines joined, trailing blanks removed.
    func capture() throws -> String {
        Self.tidy(try tmux(["capture-pane", "-p", "-J", "-t", Self.target, "-S", "-"]))
    }

    /// Like `capture()`, with the SGR escapes (colours, bold) that were on screen.
    func captureStyled() throws -> String {
        Self.tidy(try tmux(["capture-pane", "-p", "-J", "-e", "-t", Self.target, "-S", "-"]))
    }

    /// Polls the screen until `condition` holds and returns that screen; throws with the last screen on timeout.
    @discardableResult
    func waitUntil(_ description: String, timeout: Duration = .seconds(15),
                   _ condition: (String) -> Bool) async throws -> String {
        var screen = ""
        return try await Poll.until(description, timeout: timeout, context: { screen }) {
            screen = try capture()
            return condition(screen) ? screen : nil
        }
    }

    /// Waits until `text` is on screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(15)) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until something on screen matches `regex`.
    @discardableResult
    func waitFor<Output>(_ regex: Regex<Output>, timeout: Duration = .seconds(15)) async throws -> String {
        try await waitUntil("a match of \(regex)", timeout: timeout) { $0.contains(regex) }
    }

    /// The command's exit status (128 + the signal number when a signal ended it), or nil while it runs.
    func exitStatus() throws -> Int32? {
        (try? String(contentsOf: statusFile, encoding: .utf8)).flatMap { Int32($0) }
    }

    /// Waits for the pane's command to exit and returns its status.
    func waitForExit(timeout: Duration = .seconds(15)) async throws -> Int32 {
        try await Poll.until("the command to exit", timeout: timeout, context: { (try? capture()) ?? "" }) {
            try exitStatus()
        }
    }

    /// The pane's title, which a program sets with the OSC 0/2 escape sequence.
    func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", Self.target, "#{pane_title}"]).trimmingCharacters(in: .newlines)
    }

    /// The process id of the pane's process (the supervisor; the command is its child).
    func panePID() throws -> Int32? {
        Int32(try tmux(["display-message", "-p", "-t", Self.target, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The cursor's column on the screen (0-based).
    func cursorColumn() throws -> Int? {
        Int(try tmux(["display-message", "-p", "-t", Self.target, "#{cursor_x}"])
            .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Ends the private tmux server and its processes (idempotent).
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? tmux(["kill-server"])
        if let socketPath, !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
        try? FileManager.default.removeItem(at: configFile)
        try? FileManager.default.removeItem(at: statusFile)
    }

    /// Runs `tmux -L <socket> -f <config> arguments` and returns its standard output.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let tmux = HostTools.tmux else { throw E2EError.processFailed("tmux is not installed") }
        let result = try ProcessRunner.run(tmux, ["-L", socket, "-f", configFile.path] + arguments,
                                           timeout: .seconds(10))
        guard result.status == 0 else {
            throw E2EError.processFailed("tmux \(arguments.joined(separator: " ")) failed: \(result.stderr)")
        }
        return result.stdout
    }

    /// Strips trailing whitespace from every line and drops trailing blank lines.
    private static func tidy(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
