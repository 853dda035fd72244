/// How a command's positional words are laid out.
enum ArgumentShape: Sendable, Hashable {
    /// Positionals are kept as typed (`cp`, `config`, `create`, unknown verbs, …).
    case verbatim
    /// `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`, followed by ``KubectlCommand/arguments``.
    case typed(slashForm: Bool)
    /// One object, a bare name meaning a pod (`logs`, `exec`, …), then arguments.
    case focused
    /// `explain TYPE[.field…]`.
    case explain
    /// `auth can-i VERB TYPE[/SUBRESOURCE] [NAME]`.
    case canI
}
