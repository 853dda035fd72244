/// The features ``ExampleRetriever`` compares: the words of a request (lowercased, split at anything but letters and
/// digits, a plural `s` dropped), the character trigrams of its longer alphabetic words (so that `depoyment` still
/// meets `deployment`), and one feature per kind of context line (`ns:`, `last type:`, `selected: pod/…`,
/// `listed nodes:`, `last command (exit 1):`), so that "scale it" finds examples that also had a selection.
public struct RetrievalFeatures: Sendable, Equatable {
    /// Word features, with repeats.
    public var words: [String]
    /// Character-trigram features, with repeats.
    public var trigrams: [String]

    /// The features of a request in its rendered context. With the `command` that answers it (a bank example), the
    /// words of the command's path (`@rollout`, `@undo`) are features too; a request gets the same features from its
    /// words that name a part of a kubectl command path ("undo", "reconcile", "kustomize").
    public init(request: String, context: [String], command: String? = nil) {
        var words: [String] = []
        var trigrams: [String] = []
        for word in RetrievalVocabulary.expand(Self.words(of: request)) {
            words.append(word)
            if word.count >= 4, word.allSatisfy(\.isLetter) { trigrams += Self.trigrams(of: word) }
        }
        if let command {
            words += RetrievalVocabulary.pathFeatures(ofCommand: command)
        } else {
            words += RetrievalVocabulary.pathFeatures(ofRequestWords: words)
        }
        words += Self.contextFeatures(context)
        self.words = words
        self.trigrams = trigrams
    }

    /// Lowercased words split at anything but ASCII letters and digits, a trailing plural `s` removed from words of
    /// four or more letters.
    public static func words(of text: String) -> [String] {
        text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map { part in
            let word = String(part)
            if word.count >= 4, word.hasSuffix("s"), !word.hasSuffix("ss"), word.allSatisfy(\.isLetter) {
                return String(word.dropLast())
            }
            return word
        }
    }

    /// The trigrams of `^word$`.
    static func trigrams(of word: String) -> [String] {
        let padded = Array("^" + word + "$")
        guard padded.count >= 3 else { return [] }
        return (0...(padded.count - 3)).map { "#" + String(padded[$0..<($0 + 3)]) }
    }

    /// One feature per kind of context line: `@ns`, `@last`, `@selected-TYPE`, `@listed-TYPE`, `@failed`.
    static func contextFeatures(_ lines: [String]) -> [String] {
        var features: [String] = []
        for line in lines {
            if line.hasPrefix("ns: ") {
                features.append("@ns")
            } else if line.hasPrefix("last type: ") {
                features.append("@last")
            } else if line.hasPrefix("selected: ") {
                let object = line.dropFirst("selected: ".count)
                let type = object.split(separator: "/").first.map(String.init) ?? ""
                features += ["@selected", "@selected-" + type]
            } else if line.hasPrefix("last command (") {
                features.append("@failed")
            } else if line.hasPrefix("listed ") && line.hasSuffix(":") {
                let type = line.dropFirst("listed ".count).split(separator: " ").first.map(String.init) ?? ""
                features += ["@listed", "@listed-" + type.trimmingCharacters(in: [":"])]
            }
        }
        return features
    }
}
