/// Reads what kubectl printed when it ran against a cluster that cannot be reached and decides whether it accepted the
/// command's syntax. Pure: no I/O.
///
/// kubectl checks its flags and arguments before it talks to the API server, so an error about the connection means
/// the syntax passed, and so do an exit status of 0, running until the time limit (`proxy`), and a missing local file
/// or kubeconfig entry. Anything else it printed before giving up (`unknown flag`, `unknown command`,
/// `required flag(s) … not set`, `error: --sort-by accepts only cpu or memory`, a usage line) is a syntax error.
public enum SyntaxOracleClassifier {
    /// Output fragments that mean kubectl got as far as contacting the API server.
    public static let connectionMarkers = [
        "couldn't get current server API group list", "connection refused", "was refused", "dial tcp",
        "Unable to connect to the server", "The connection to the server", "context deadline exceeded",
        "i/o timeout", "Client.Timeout", "no route to host", "connection reset",
    ]

    /// Output fragments that mean kubectl parsed the command and then missed a local file, directory or kubeconfig
    /// entry, which this sandbox does not have.
    public static let missingLocalStateMarkers = [
        "no such file or directory", "does not exist", "doesn't exist", "not a valid directory",
        "Cannot read file", "no context exists", "context was not found", "no server found for cluster",
        "unable to find any kubectl plugins", "address already in use", ", it's not in ", ", not in ",
        "not found in kubeconfig", "error: context ",
    ]

    /// Classifies one run.
    /// - Parameters:
    ///   - exitStatus: kubectl's exit status (ignored when `timedOut`).
    ///   - output: standard output and standard error together.
    ///   - timedOut: whether the time limit ended the process.
    public static func classify(exitStatus: Int32, output: String, timedOut: Bool) -> SyntaxOracleVerdict {
        if timedOut {
            // A usage error printed before the time limit still counts (a loaded machine can keep kubectl from
            // exiting in time after it complained).
            if let usage = usageErrorLine(output) { return SyntaxOracleVerdict(valid: false, reason: .usageError, message: usage) }
            return SyntaxOracleVerdict(valid: true, reason: .timedOut, message: firstLine(output))
        }
        if exitStatus == 0 { return SyntaxOracleVerdict(valid: true, reason: .succeeded) }
        let message = errorLine(output)
        // A usage error wins even when the same output also mentions the server (the discovery chatter of a
        // command that then rejects its arguments).
        if let usage = usageErrorLine(output) { return SyntaxOracleVerdict(valid: false, reason: .usageError, message: usage) }
        if connectionMarkers.contains(where: output.contains) {
            return SyntaxOracleVerdict(valid: true, reason: .reachedServer, message: message)
        }
        if missingLocalStateMarkers.contains(where: output.contains) {
            return SyntaxOracleVerdict(valid: true, reason: .missingLocalState, message: message)
        }
        return SyntaxOracleVerdict(valid: false, reason: .usageError, message: message)
    }

    /// Output fragments of kubectl's argument and flag errors.
    static let usageMarkers = [
        "unknown flag", "unknown shorthand flag", "unknown command", "required flag(s)", "flag needs an argument",
        "invalid argument", "bad flag syntax", "accepts", "expected '", "must specify", "must provide",
        "required resource not specified", "Required resource not specified", "is a required argument",
        "if-not-present", "at least one", "cannot be placed before", "exactly one", "unknown resource type",
        "one of src or dest", "must be", "only one of", "is not allowed", "cannot be used", "Usage:",
        "unrecognized condition", "non-empty",
    ]

    /// The first error line that reads as an argument or flag error, if any.
    static func usageErrorLine(_ output: String) -> String? {
        for line in meaningfulLines(output) where !isConnectionLine(line) {
            if usageMarkers.contains(where: line.contains) { return clean(line) }
        }
        return nil
    }

    /// The first line that reads as an error, else the first meaningful line.
    static func errorLine(_ output: String) -> String {
        let lines = meaningfulLines(output)
        if let error = lines.first(where: { $0.lowercased().contains("error") }) { return clean(error) }
        return lines.first.map(clean) ?? ""
    }

    static func firstLine(_ output: String) -> String {
        meaningfulLines(output).first.map(clean) ?? ""
    }

    static func isConnectionLine(_ line: String) -> Bool {
        connectionMarkers.contains(where: line.contains)
    }

    /// Non-empty lines, without kubectl's `See 'kubectl … -h'` hints.
    static func meaningfulLines(_ output: String) -> [String] {
        output.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("See 'kubectl") }
    }

    /// A klog line (`E1125 03:52:18.763268   19015 run.go:72] "command failed" err="…"`) reduced to its message.
    static func clean(_ line: String) -> String {
        guard let bracket = line.range(of: "] "), line.first.map({ "IWEF".contains($0) }) == true,
              line.dropFirst().prefix(4).allSatisfy(\.isNumber) else { return line }
        return String(line[bracket.upperBound...])
    }
}
