import LLM
import Translate

/// What a translation returned, as the benchmark records it.
public struct BenchmarkAnswer: Sendable, Equatable {
    /// The command.
    public var command: String
    /// Wall time of the translation in milliseconds.
    public var latencyMilliseconds: Double
    /// What the backend reported; nil for a cache hit or a backend that says nothing.
    public var stats: GenerationStats?
    /// Whether k1's answer cache answered.
    public var cached: Bool
    /// The translator's note (a repair, a dropped namespace), if any.
    public var note: String?
    /// Why there is no command (the line k1 printed), when the translator answered with none.
    public var noCommand: String?

    /// Creates an answer.
    public init(command: String, latencyMilliseconds: Double, stats: GenerationStats? = nil, cached: Bool = false,
                note: String? = nil) {
        self.note = note
        self.command = command
        self.latencyMilliseconds = latencyMilliseconds
        self.stats = stats
        self.cached = cached
    }

    /// No command, with the line k1 printed.
    public init(noCommand: String, latencyMilliseconds: Double) {
        self.init(command: "", latencyMilliseconds: latencyMilliseconds)
        self.noCommand = noCommand
    }

    /// The answer a ``Translator`` gave.
    public init(_ translation: Translation) {
        self.init(command: translation.command, latencyMilliseconds: translation.latencyMilliseconds,
                  stats: translation.stats, cached: translation.cached, note: translation.note)
    }
}
