import Foundation

/// Finds the bank examples nearest to a request: Okapi BM25 over the words of the requests plus, at a lower weight,
/// over character trigrams (typos) and the kinds of context lines (see ``RetrievalFeatures``). In process, built once;
/// a lookup over ~700 examples takes well under a millisecond.
public struct ExampleRetriever: Sendable {
    /// BM25's term-frequency saturation.
    public static let k1 = 1.2
    /// BM25's length normalisation.
    public static let b = 0.75
    /// Weight of the trigram score against the word score.
    public static let trigramWeight = 0.35

    /// The retriever over k1's shipped bank.
    public static let shipped = ExampleRetriever(bank: .shipped)

    /// The bank searched.
    public let bank: ExampleBank
    private let words: Index
    private let trigrams: Index

    /// Indexes `bank`.
    public init(bank: ExampleBank) {
        self.bank = bank
        let features = bank.examples.map { RetrievalFeatures(request: $0.request, context: $0.context, command: $0.command) }
        words = Index(documents: features.map(\.words))
        trigrams = Index(documents: features.map(\.trigrams))
    }

    /// The `count` examples nearest to `request` in `context` (rendered context lines), best first; examples that share
    /// nothing with the request are never returned, and of two examples with the same command only the better one is.
    /// With a `characterBudget`, examples stop once their prompt text (``PromptExample/promptLength``) would pass it;
    /// the nearest always goes in.
    public func nearest(to request: String, context: [String], count: Int, characterBudget: Int? = nil) -> [PromptExample] {
        guard count > 0, !bank.examples.isEmpty else { return [] }
        let query = RetrievalFeatures(request: request, context: context)
        let wordScores = words.scores(for: query.words)
        let trigramScores = trigrams.scores(for: query.trigrams)
        var ranked: [(index: Int, score: Double)] = []
        ranked.reserveCapacity(bank.examples.count)
        for index in bank.examples.indices {
            let score = wordScores[index] + Self.trigramWeight * trigramScores[index]
            if score > 0 { ranked.append((index, score)) }
        }
        ranked.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        var chosen: [PromptExample] = []
        var commands: Set<String> = []
        var length = 0
        for (index, _) in ranked where chosen.count < count {
            let example = bank.examples[index]
            guard !commands.contains(example.command) else { continue }
            if let characterBudget, !chosen.isEmpty, length + example.promptLength > characterBudget { continue }
            commands.insert(example.command)
            length += example.promptLength
            chosen.append(example)
        }
        return chosen
    }

    /// An inverted index with BM25 scoring.
    struct Index: Sendable {
        private var postings: [String: [(document: Int, frequency: Int)]] = [:]
        private var lengths: [Double] = []
        private var averageLength = 1.0

        init(documents: [[String]]) {
            lengths = documents.map { Double($0.count) }
            averageLength = max(1, lengths.reduce(0, +) / Double(max(1, documents.count)))
            for (document, features) in documents.enumerated() {
                var counts: [String: Int] = [:]
                for feature in features { counts[feature, default: 0] += 1 }
                for (feature, frequency) in counts { postings[feature, default: []].append((document, frequency)) }
            }
        }

        /// BM25 of every document for `query` (each distinct query feature counted once).
        func scores(for query: [String]) -> [Double] {
            var scores = [Double](repeating: 0, count: lengths.count)
            let total = Double(lengths.count)
            for feature in Set(query) {
                guard let list = postings[feature] else { continue }
                let idf = log(1 + (total - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
                for (document, frequency) in list {
                    let tf = Double(frequency)
                    let norm = tf + ExampleRetriever.k1 * (1 - ExampleRetriever.b + ExampleRetriever.b * lengths[document] / averageLength)
                    scores[document] += idf * tf * (ExampleRetriever.k1 + 1) / norm
                }
            }
            return scores
        }
    }
}
