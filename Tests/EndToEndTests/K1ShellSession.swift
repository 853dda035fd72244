import Foundation

/// `k1 shell` running in a tmux pane against a `KubeFixture`, with helpers that understand its prompt:
/// run a line and get back just its output, read what is typed on the current line, quit.
final class K1ShellSession {
    /// The fixture the shell talks to (its environment, kubeconfig and request log).
    let fixture: KubeFixture
    /// The terminal the shell runs in.
    let tmux: TmuxSession

    /// Start of a prompt line: `k1`, then the kube context `fake-ctx` (with the namespace), then a prompt mark.
    /// Loose on purpose (`k1 fake-ctx:default ›`, `k1 fake-ctx/shop>` …); what follows the mark is the typed text.
    static var prompt: Regex<Substring> { #/^k1\b[^›>❯$#%\n]*fake-ctx[^›>❯$#%\n]*[›>❯$#%] ?/# }

    /// Starts `k1 <arguments>` in a fresh 160×40 terminal and waits for its first prompt.
    init(fixture: KubeFixture, arguments: [String] = ["shell"], startup: Duration = .seconds(20),
         extraEnvironment: [String: String] = [:]) async throws {
        self.fixture = fixture
        tmux = try TmuxSession(command: [K1Binary.path] + arguments,
                               environment: fixture.environment.merging(extraEnvironment) { $1 })
        try await tmux.waitUntil("the first k1 prompt", timeout: startup) { Self.isIdle($0) }
    }

    /// Types `line`, presses Enter, waits for the next empty prompt and returns what was printed in between.
    @discardableResult
    func run(_ line: String, timeout: Duration = .seconds(20)) async throws -> String {
        let before = Self.promptIndices(try tmux.capture()).count
        try tmux.sendKeys(line)
        try tmux.sendSpecial("Enter")
        let screen = try await tmux.waitUntil("the prompt after `\(line)`", timeout: timeout) {
            Self.promptIndices($0).count > before && Self.isIdle($0)
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let prompts = Self.promptIndices(screen)
        let start = before > 0 ? prompts[before - 1] + 1 : 0
        return lines[start..<prompts[prompts.count - 1]].joined(separator: "\n")
    }

    /// What is typed after the last prompt on `screen` (nil when no prompt is on screen).
    static func typedText(_ screen: String) -> String? {
        guard let line = screen.split(separator: "\n").last(where: { $0.firstMatch(of: prompt) != nil }),
              let match = line.firstMatch(of: prompt) else { return nil }
        return String(line[match.range.upperBound...])
    }

    /// The last prompt line on `screen`, prompt and typed text.
    static func lastPromptLine(_ screen: String) -> String? {
        screen.split(separator: "\n").last { $0.firstMatch(of: prompt) != nil }.map(String.init)
    }

    /// Whether the screen ends with an empty prompt, i.e. the shell waits for input.
    static func isIdle(_ screen: String) -> Bool {
        guard let last = screen.split(separator: "\n").last, last.firstMatch(of: prompt) != nil else { return false }
        return typedText(screen)?.isEmpty == true
    }

    /// Line numbers (0-based) of the prompt lines on `screen`.
    static func promptIndices(_ screen: String) -> [Int] {
        screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.firstMatch(of: prompt) != nil }.map(\.offset)
    }

    /// Waits until the text typed on the current line is exactly `expected`.
    @discardableResult
    func waitForTyped(_ expected: String, timeout: Duration = .seconds(15)) async throws -> String {
        try await tmux.waitUntil("the line to read `\(expected)`", timeout: timeout) { Self.typedText($0) == expected }
    }

    /// Types `:quit` and waits for k1 to exit; returns its exit status.
    func quit() async throws -> Int32 {
        try tmux.sendKeys(":quit")
        try tmux.sendSpecial("Enter")
        return try await tmux.waitForExit()
    }
}
