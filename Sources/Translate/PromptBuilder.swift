import LLM
import Session

/// Builds the generation request for one natural-language request: the fixed part (``PromptTemplate/fixedMessages``,
/// identical across requests) followed by one user message with the session context that applies and the request.
public enum PromptBuilder {
    /// Sampling and rendering settings.
    public struct Options: Sendable, Equatable {
        /// Most listing rows shown.
        public var maxListingRows: Int
        /// Most tokens generated; one command line is far shorter.
        public var maxTokens: Int
        /// Fixed seed, for reproducible answers.
        public var seed: Int
        /// Whether to attach ``PromptTemplate/grammar`` (llama.cpp servers honour it; other backends ignore it).
        public var useGrammar: Bool
        /// How many bank examples nearest to the request (``ExampleRetriever``) follow the fixed examples.
        public var retrievedExamples: Int
        /// Whether an answer that fails its checks gets a second candidate, asked without retrieved examples.
        public var repair: Bool
        /// Whether optional flags the request never asks for are dropped (``FlagEvidence``).
        public var pruneFlags: Bool
        /// Most characters of retrieved examples per prompt (the nearest one always goes in). Every retrieved token
        /// is evaluated anew for each request (~20 ms a token on two cores), and examples with a listing are long.
        public var retrievedCharacterBudget: Int
        /// Whether the fixed examples (``PromptTemplate/examples``) come before the retrieved ones.
        public var fixedExamples: Bool
        /// Whether answers go through ``AnswerFixes`` (besides pruning, which ``pruneFlags`` switches).
        public var fixAnswers: Bool

        /// The defaults: 12 rows, 80 tokens, seed 42, grammar on, ``defaultRetrievedExamples`` examples, repair on.
        public init(maxListingRows: Int = 12, maxTokens: Int = 80, seed: Int = 42, useGrammar: Bool = true,
                    retrievedExamples: Int = Options.defaultRetrievedExamples, repair: Bool = true,
                    pruneFlags: Bool = true, retrievedCharacterBudget: Int = Options.defaultRetrievedCharacterBudget,
                    fixedExamples: Bool = true, fixAnswers: Bool = true) {
            self.maxListingRows = maxListingRows
            self.maxTokens = maxTokens
            self.seed = seed
            self.useGrammar = useGrammar
            self.retrievedExamples = max(0, retrievedExamples)
            self.repair = repair
            self.pruneFlags = pruneFlags
            self.retrievedCharacterBudget = max(0, retrievedCharacterBudget)
            self.fixedExamples = fixedExamples
            self.fixAnswers = fixAnswers
        }

        /// The character budget k1 uses unless told otherwise: four one-line examples fit, examples with a listing
        /// take two or three.
        public static let defaultRetrievedCharacterBudget = 640

        /// The number of retrieved examples k1 uses unless told otherwise.
        public static let defaultRetrievedExamples = 4
    }

    /// The generation request and the context fields its prompt used.
    public struct Prompt: Sendable, Equatable {
        /// What to send to the backend.
        public var generation: GenerationRequest
        /// Exactly the context facts the prompt shows, for the cache key.
        public var contextFields: [String: String]
        /// The context lines written before the request.
        public var contextLines: [String]
        /// The bank examples retrieved for the request, nearest first.
        public var retrieved: [PromptExample] = []
        /// The context lines with every listed row, also those the prompt leaves out (``shown(_:request:pick:)``): what an
        /// answer's names are checked against, since they are all real objects of the session.
        public var knownLines: [String] = []
    }

    /// Builds the prompt and reports the context fields it used.
    ///
    /// The system message is the fixed instructions and examples followed by the retrieved examples, the nearest last:
    /// everything before the retrieved examples is byte-identical across requests and stays in the server's prompt
    /// cache.
    public static func prepare(request: String, context: SessionContext, options: Options = Options(),
                               retriever: ExampleRetriever? = nil) -> Prompt {
        prepare(RequestRendering(request: request, context: context, maxListingRows: options.maxListingRows),
                options: options, retriever: retriever)
    }

    /// Builds the prompt for a request already rendered in its context (``RequestRendering``, made with the same
    /// `maxListingRows`), so that the cache key and the prompt share one rendering.
    public static func prepare(_ rendering: RequestRendering, options: Options = Options(),
                               retriever: ExampleRetriever? = nil) -> Prompt {
        let request = rendering.request
        let rendered = rendering.rendered
        let known = rendering.knownLines
        let retrieved = options.retrievedExamples > 0
            ? (retriever ?? .shipped).nearest(to: request, context: rendered.lines, count: options.retrievedExamples,
                                             characterBudget: options.retrievedCharacterBudget)
            : []
        let system = ChatMessage(role: .system, content: PromptTemplate.systemPrompt(adding: retrieved.reversed(),
                                                                                     fixedExamples: options.fixedExamples))
        let messages = [system, ChatMessage(role: .user, content: PromptTemplate.userMessage(context: rendered.lines, request: request))]
        let generation = GenerationRequest(
            messages: messages,
            maxTokens: options.maxTokens,
            temperature: 0,
            stop: ["\n"],
            seed: options.seed,
            grammar: options.useGrammar ? PromptTemplate.grammar : nil,
            answerPrefix: PromptTemplate.answerPrefix
        )
        return Prompt(generation: generation, contextFields: rendered.fields, contextLines: rendered.lines,
                      retrieved: retrieved, knownLines: known)
    }

    /// A request that makes a server evaluate (and keep in its prompt cache) the fixed part of the prompt, generating a
    /// single token. Send it when a server starts so that the first real request does not pay for the ~1,000 tokens
    /// of instructions and examples (tens of seconds on a small CPU).
    public static func warmupRequest(options: Options = Options()) -> GenerationRequest {
        var request = build(request: "pods", context: SessionContext(), options: options)
        request.maxTokens = 1
        request.savesPromptSnapshot = true
        return request
    }

    /// The generation request for `request` in `context` (temperature 0, fixed seed, stop at the newline).
    public static func build(request: String, context: SessionContext, options: Options = Options()) -> GenerationRequest {
        prepare(request: request, context: context, options: options).generation
    }

    /// Exactly the context fields the prompt for `request` uses (`namespace`, `lastResource`, `selection`, `listing`).
    public static func contextFields(_ context: SessionContext, request: String, options: Options = Options()) -> [String: String] {
        RequestRendering(request: request, context: context, maxListingRows: options.maxListingRows).rendered.fields
    }

    /// The context as the prompt shows it: when k1 picks rows of the last listing for the request
    /// (``ListingSelector``), the listing holds only those rows, and when the request names listed objects by their
    /// whole names, only those. The model then reads a few rows instead of a dozen (fewer new prompt tokens), and an
    /// answer for picked rows names them whatever it writes (``PickEnforcer``).
    /// `pick` is what ``ListingSelector`` picks for the request (``RequestRendering/pick``).
    static func shown(_ context: SessionContext, request: String, pick: ListingPick?) -> SessionContext {
        guard let listing = context.listing else { return context }
        var shown = context
        if let pick {
            if pick.refusal == nil { shown.listing?.objects = pick.rows }
            return shown
        }
        let words = Set(request.split(whereSeparator: { $0 == " " || $0 == "," }).map { $0.lowercased() })
        let named = listing.objects.filter { words.contains($0.name.lowercased()) }
        if !named.isEmpty { shown.listing?.objects = named }
        return shown
    }

    /// The messages of `generation` as text, one `--- role ---` header each, with a marker line where the fixed part
    /// (``PromptTemplate/systemPrompt``, the same for every request and kept in a server's prompt cache) ends.
    public static func describe(_ generation: GenerationRequest) -> String {
        var text = ""
        for message in generation.messages {
            text += "--- \(message.role.rawValue) ---\n"
            if message.role == .system, message.content.hasPrefix(PromptTemplate.systemPrompt) {
                text += PromptTemplate.systemPrompt + "\n--- (the fixed part ends here; what follows is new for each request) ---"
                text += message.content.dropFirst(PromptTemplate.systemPrompt.count) + "\n"
            } else {
                text += message.content + "\n"
            }
        }
        if let prefix = generation.answerPrefix { text += "--- assistant ---\n\(prefix)\n" }
        return text
    }

    /// The request on one line: a leading `?` and surrounding whitespace removed, inner whitespace folded.
    public static func clean(_ request: String) -> String {
        var text = Substring(request).drop { $0.isWhitespace }
        if text.first == "?" { text = text.dropFirst() }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
