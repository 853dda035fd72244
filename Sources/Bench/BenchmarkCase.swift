/// One benchmark case: a request as an operator types it, the commands that answer it, and optionally the session
/// context it is asked in. One line of the JSONL dataset:
///
/// ```json
/// {"id": "context-001", "category": "context", "split": "dev", "prompt": "scale it to 3",
///  "expected": ["kubectl scale deployment checkout --replicas=3"],
///  "context": {"namespace": "shop", "selection": "deployment/checkout"}}
/// ```
public struct BenchmarkCase: Sendable, Equatable, Codable, Identifiable {
    /// Unique id (`simple-001`).
    public var id: String
    /// The kind of request.
    public var category: BenchmarkCategory
    /// The split named in the dataset, if any (see ``effectiveSplit``).
    public var split: BenchmarkSplit?
    /// The request, without the leading `?`.
    public var prompt: String
    /// Equivalent commands, any of which is a correct answer; the first is the preferred spelling. Empty when the
    /// right answer is no command (``noCommand``).
    public var expected: [String]
    /// The session context, if the request needs one.
    public var context: BenchmarkContext?
    /// Whether the right answer is no command at all: the request picks rows of the listing and none matches, or
    /// they span several namespaces (`"no_command": true` with `"expected": []`).
    public var noCommand: Bool?
    /// How the request is written, for datasets that mix voices: `documentation` (full sentences, as reference
    /// pages phrase them) or `operator` (terse, abbreviated, with typos). Nil when the dataset does not say.
    public var voice: String?

    enum CodingKeys: String, CodingKey {
        case id, category, split, prompt, expected, context, voice
        case noCommand = "no_command"
    }

    /// Creates a case.
    public init(id: String, category: BenchmarkCategory, split: BenchmarkSplit? = nil, prompt: String,
                expected: [String], context: BenchmarkContext? = nil, noCommand: Bool? = nil, voice: String? = nil) {
        self.id = id
        self.category = category
        self.split = split
        self.prompt = prompt
        self.expected = expected
        self.context = context
        self.noCommand = noCommand
        self.voice = voice
    }

    /// Whether the case expects no command.
    public var expectsNoCommand: Bool { noCommand == true }

    /// The named split, else the one the id's hash assigns (``BenchmarkSplit/assigned(id:)``).
    public var effectiveSplit: BenchmarkSplit {
        if let split, split != .all { return split }
        return BenchmarkSplit.assigned(id: id)
    }

    /// The session namespace the case runs in, if any.
    public var sessionNamespace: String? {
        context?.namespace.flatMap { $0.isEmpty ? nil : $0 }
    }
}
