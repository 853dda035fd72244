import KubectlKit

/// Which typed lines are never stored in history (in memory or on disk): a line starting with a space, the shell
/// convention for "keep this out of history", and a line that carries a literal secret value (`SecretDetector`).
/// Pure.
public enum HistoryExclusion {
    /// True when `line` (as typed, leading whitespace included) must not be stored.
    public static func excludes(_ line: String) -> Bool {
        if line.first == " " { return true }
        return SecretDetector.containsSecret(line)
    }
}
