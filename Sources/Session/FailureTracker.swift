/// Keeps the last failed command in the session context. Pure.
///
/// A command that fails replaces ``SessionContext/lastFailure`` with what ran, its exit status and the end of its
/// standard error (``ErrorTail``); a command that succeeds clears it, so a later `?fix it` never refers to a failure
/// the user has moved past. Commands killed by Ctrl-C (status 130) are not failures.
public enum FailureTracker {
    /// Updates `context` after `line` ran and ended with `exitStatus`.
    /// - Parameter errorOutput: its standard error when it was captured; nil when it went straight to the terminal.
    public static func apply(line: String, exitStatus: Int32, errorOutput: String?, to context: inout SessionContext) {
        if exitStatus == 0 {
            context.lastFailure = nil
        } else if exitStatus != 130 {
            context.lastFailure = FailedCommand(command: line, exitStatus: exitStatus,
                                                errorLines: errorOutput.map { ErrorTail.lines($0) } ?? [])
        }
    }
}
