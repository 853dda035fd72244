import Foundation
import KubectlKit

/// The words of a request, lowercased, with the few facts the context renderer needs about them.
struct RequestWords: Sendable {
    /// The request lowercased, whitespace folded.
    let text: String
    /// Its words in order (letters, digits, `-`, `.`, `/` kept inside a word).
    let tokens: [String]
    /// The same words as a set.
    let words: Set<String>

    init(_ request: String) {
        text = request.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        tokens = text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "/" || $0 == "'") }
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".'")) }
        words = Set(tokens)
    }

    /// Words that refer back to what the session shows.
    static let backReferences: Set<String> = [
        "it", "its", "it's", "this", "that", "them", "they", "their", "those", "these", "same", "selected", "again",
    ]

    /// Whether the request points back at the session (`it`, `them`, `same`).
    var refersBack: Bool { !words.isDisjoint(with: Self.backReferences) }

    /// Short type names too common as English words to count as naming a type.
    static let ambiguousTypeWords: Set<String> = ["no", "all", "limits", "quota", "ev", "cs", "ep", "sa"]

    /// Whether some word names a built-in resource type (`pods`, `deploy`, `svc`, `deployment/web`).
    var namesResourceType: Bool {
        tokens.indices.contains { index in
            let word = tokens[index]
            let type = word.split(separator: "/").first.map(String.init) ?? word
            guard !Self.ambiguousTypeWords.contains(type), let resource = ResourceCatalog.lookup(type) else { return false }
            // "in all namespaces", "across namespaces", "in ns shop": where to look, not what.
            if resource.plural == "namespaces", !word.contains("/"), index > 0, Self.placeWords.contains(tokens[index - 1]) {
                return false
            }
            return true
        }
    }

    /// Words before "namespaces" that make it a place ("in all namespaces", "across namespaces").
    static let placeWords: Set<String> = ["all", "every", "each", "any", "across", "other", "in", "both", "several"]
}
