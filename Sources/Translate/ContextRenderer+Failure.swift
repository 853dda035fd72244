import Session

extension ContextRenderer {
    /// Words with which a request refers to the last command that failed: `?fix it`, `?why did that fail`,
    /// `?try again in staging`, `?same for web-2`.
    static let failureWords: Set<String> = [
        "fix", "fixed", "fail", "failed", "fails", "error", "errors", "wrong", "again", "retry", "same", "instead",
        "why", "typo", "correct", "correction", "broke", "work", "worked", "happened", "redo", "rerun",
        // Words of a correction that point back at what just ran: "oops", "use the right flag", "forgot the effect",
        // "it's a svc not a pod", "i meant staging".
        "oops", "whoops", "oopsie", "ugh", "argh", "duh", "flag", "flags", "forgot", "forget", "missing", "missed",
        "meant", "right", "actually", "mistake", "its", "it's", "nope", "didnt", "didn't", "doesnt", "doesn't", "hmm", "hm",
        "huh",
    ]

    /// Whether a request may refer to the last failed command. Erring towards yes costs prompt tokens only.
    public static func refersToFailure(_ request: String) -> Bool {
        refersToFailure(RequestWords(request))
    }

    static func refersToFailure(_ words: RequestWords) -> Bool {
        !words.words.isDisjoint(with: failureWords)
    }

    /// `last command (exit 1): kubectl get deploymnets -n shop`, then its error lines as kubectl printed them.
    public static func failureText(_ failure: FailedCommand) -> [String] {
        ["last command (exit \(failure.exitStatus)): \(failure.command)"] + failure.errorLines
    }
}
