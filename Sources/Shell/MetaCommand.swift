/// The `:` meta commands of `k1 shell`.
public enum MetaCommand: String, Sendable, CaseIterable {
    case help, ns, ctx, context, explain, history, clear, quit

    /// One-line usage for `:help`.
    public var usage: String {
        switch self {
        case .help: ":help               this help"
        case .ns: ":ns [NAME|-]        show or set the session namespace (- resets to kubeconfig's)"
        case .ctx: ":ctx [NAME|-]       show or set the session kube context (- resets to kubeconfig's)"
        case .context: ":context           show what the session knows (namespace, selection, last listing)"
        case .explain: ":explain [COMMAND]  explain a command from kubectl's help (default: the suggestion, else the last command)"
        case .history: ":history [N]        show the last N history entries (default 20)"
        case .clear: ":clear              clear the screen"
        case .quit: ":quit               leave k1 (Ctrl-D too)"
        }
    }

    /// Resolves a typed name (with a few aliases) to a command.
    public static func named(_ name: String) -> MetaCommand? {
        switch name {
        case "h", "?": .help
        case "namespace": .ns
        case "q", "exit": .quit
        default: MetaCommand(rawValue: name)
        }
    }

    /// The names as typed, for completion and error messages (`:help`, `:ns`, …).
    public static var typedNames: [String] { allCases.map { ":" + $0.rawValue } }
}
