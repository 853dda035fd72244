import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// ANSI styling that switches itself off when output is not a terminal or `NO_COLOR` is set.
public struct TerminalStyle: Sendable {
    /// Whether escapes are emitted.
    public let enabled: Bool

    /// Styling for standard output (or standard error with `fd: 2`).
    public init(fd: Int32 = 1, environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = isatty(fd) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// Forces styling on or off.
    public init(enabled: Bool) { self.enabled = enabled }

    /// SGR codes used by k1.
    public enum Code: String, Sendable {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
        case boldRed = "1;31", boldGreen = "1;32", boldYellow = "1;33", boldCyan = "1;36", gray = "90"
    }

    /// Wraps `text` in the escape for `code` (plain text when disabled).
    public func apply(_ code: Code, _ text: String) -> String {
        enabled ? "\u{1B}[\(code.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// Writes a line to standard error (unbuffered), for one-line errors and warnings.
public func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
