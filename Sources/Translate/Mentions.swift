import Foundation

/// What a request and the session's context lines mention, to tell a value the model copied from one it made up.
///
/// Values are compared squashed (lowercased letters and digits only, so `kube system` matches `kube-system`). A value
/// counts as mentioned when it equals one word of the request or the context; a value of five or more characters
/// also when the request contains it across words (`payments api` mentions `payments-api`) or one word contains it
/// (the deployment `payments-api` in the pod name `payments-api-7d9f8-x2k4q`). Words are never glued across the
/// columns of a listing, so a namespace column next to a name does not mention `payments-ledger-…`, and a short
/// value such as `all` or `ci` needs a word of its own.
struct Mentions: Sendable {
    private let request: String
    private let words: Set<String>

    /// The mentions of `request` and `context`.
    init(request: String, context: [String]) {
        self.request = Grounding.squash(request)
        var words: Set<String> = []
        for line in [request] + context {
            for word in line.split(whereSeparator: { $0.isWhitespace || $0 == "/" || $0 == "," }) {
                let squashed = Grounding.squash(String(word))
                if !squashed.isEmpty { words.insert(squashed) }
                // `tier=edge` mentions `tier` and `edge` too.
                if word.contains("=") {
                    for part in word.split(separator: "=") {
                        let piece = Grounding.squash(String(part))
                        if !piece.isEmpty { words.insert(piece) }
                    }
                }
            }
        }
        self.words = words
    }

    /// Whether `value` is mentioned (an empty value always is).
    func contains(_ value: String) -> Bool {
        let needle = Grounding.squash(value)
        if needle.isEmpty || words.contains(needle) { return true }
        guard needle.count >= 5 else { return false }
        return request.contains(needle) || words.contains { $0.contains(needle) }
    }
}
