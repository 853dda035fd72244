/// Tells a request that only asks to fix the last failed command (`fix it`, `why did that fail`, `try again`) from
/// one that says more (`try again in staging`, `same for web-2`), which goes to the model. Pure.
public enum FixRequest {
    /// Words that ask for a fix.
    static let fixWords: Set<String> = [
        "fix", "fail", "failed", "fails", "wrong", "again", "retry", "correct", "typo", "redo", "rerun", "error",
        "broken", "broke", "work", "worked", "oops", "whoops", "oopsie", "ugh", "argh", "flag", "forgot", "hmm", "hm", "huh",
    ]

    /// Words a plain fix request may also use.
    static let fillerWords: Set<String> = [
        "it", "that", "this", "the", "command", "please", "pls", "why", "did", "does", "do", "what", "went", "go",
        "try", "last", "one", "previous", "make", "so", "can", "you", "how", "to", "with", "use", "set", "and", "it's",
        "didn't", "doesn't", "just", "a", "i", "me", "for", "now", "up", "not", "working", "isn't", "isnt",
        "doesnt", "didnt", "dont", "don't", "won't", "wont", "plz", "still", "is", "then", "duh", "right", "oh", "wait", "sorry",
        "its", "damn", "ok", "okay",
    ]

    /// Whether `request` asks to fix the last command and says nothing else, apart from `extra` words (a required
    /// flag's name and value) that the caller can use.
    public static func isPlainFix(_ request: String, extra: Set<String> = []) -> Bool {
        let words = RequestWords(request).words.filter { !$0.isEmpty }
        guard !words.isDisjoint(with: fixWords) else { return false }
        return words.allSatisfy { fixWords.contains($0) || fillerWords.contains($0) || extra.contains($0) }
    }
}
