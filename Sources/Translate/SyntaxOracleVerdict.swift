/// What the syntax oracle decided about one kubectl command line.
public struct SyntaxOracleVerdict: Sendable, Equatable, Codable, Error {
    /// Why the command was judged the way it was.
    public enum Reason: String, Sendable, Equatable, Codable {
        /// kubectl parsed the arguments and went on to contact the (unreachable) API server.
        case reachedServer
        /// kubectl finished without error without needing a server (`version --client`, `config view`).
        case succeeded
        /// kubectl was still running when the time limit ended it (`proxy`, `port-forward` wait or serve).
        case timedOut
        /// kubectl parsed the arguments and then missed a local file or a kubeconfig entry (`-f missing.yaml`,
        /// `config use-context prod`): a fact of this sandbox, not a syntax error.
        case missingLocalState
        /// kubectl rejected the arguments: an unknown flag or command, a missing required flag, a bad value or usage.
        case usageError
        /// The line is not a kubectl command.
        case notKubectl
        /// The line holds a pipeline, a redirect or another shell construct, or its quotes are unbalanced.
        case shellSyntax
        /// kubectl could not be run at all.
        case unavailable
    }

    /// Whether kubectl accepted the syntax.
    public var valid: Bool
    /// The category of the decision.
    public var reason: Reason
    /// The first meaningful line kubectl printed (the error for an invalid command), possibly empty.
    public var message: String

    /// Creates a verdict.
    public init(valid: Bool, reason: Reason, message: String = "") {
        self.valid = valid
        self.reason = reason
        self.message = message
    }
}
