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
    /// Two neighbouring words of one line glued (`kube system` → `kubesystem`).
    private let pairs: Set<String>

    /// The mentions of `request` and `context`.
    init(request: String, context: [String]) {
        self.request = Grounding.squash(request)
        var words: Set<String> = []
        var pairs: Set<String> = []
        for line in [request] + context {
            let squashedWords = line.split(whereSeparator: \.isWhitespace).map { Grounding.squash(String($0)) }.filter { !$0.isEmpty }
            for (first, second) in zip(squashedWords, squashedWords.dropFirst()) { pairs.insert(first + second) }
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
        self.pairs = pairs
    }

    /// Whether `value` is mentioned as a word of its own, or two neighbouring words glued (`kube system`): a namespace
    /// is named, never a piece of another name (`relay` in the pod `relay-2`).
    func containsWord(_ value: String) -> Bool {
        let needle = Grounding.squash(value)
        return needle.isEmpty || words.contains(needle) || pairs.contains(needle)
    }

    /// Whether `value` is mentioned (an empty value always is).
    func contains(_ value: String) -> Bool {
        let needle = Grounding.squash(value)
        if needle.isEmpty || words.contains(needle) { return true }
        guard needle.count >= 5 else { return false }
        return request.contains(needle) || words.contains { $0.contains(needle) }
    }
}
