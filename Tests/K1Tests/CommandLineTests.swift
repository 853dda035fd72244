import ArgumentParser
import Bench
import Support
import Testing
@testable import k1

@Suite("Command line: model options and bench values")
struct CommandLineTests {
    static let modelFlags = ["--provider", "ollama", "--model", "qwen2.5-coder:1.5b", "--url", "http://127.0.0.1:11434"]

    static func expectModelOptions(_ options: ModelOptions, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(options.provider == .ollama, sourceLocation: sourceLocation)
        #expect(options.model == "qwen2.5-coder:1.5b", sourceLocation: sourceLocation)
        #expect(options.url == "http://127.0.0.1:11434", sourceLocation: sourceLocation)
    }

    @Test func everyModelCommandTakesTheSameModelFlags() throws {
        Self.expectModelOptions(try AskCommand.parse(["scale", "web", "to", "3"] + Self.modelFlags).backend)
        Self.expectModelOptions(try ShellCommand.parse(Self.modelFlags).backend)
        Self.expectModelOptions(try BenchCommand.parse(Self.modelFlags).backend)
        Self.expectModelOptions(try ReplayCommand.parse(["session.k1"] + Self.modelFlags).backend)
    }

    @Test func setupAndServerStartTakeOnlyTheLocalModel() throws {
        // They install or serve the local model: `--model` names it, and a provider or URL has no meaning there.
        #expect(try SetupCommand.parse(["--model", "smollm2-135m"]).model == "smollm2-135m")
        #expect(try ServerCommand.Start.parse(["--model", "smollm2-135m"]).model == "smollm2-135m")
        #expect(throws: (any Error).self) { try SetupCommand.parse(["--provider", "ollama"]) }
        #expect(throws: (any Error).self) { try ServerCommand.Start.parse(["--url", "http://127.0.0.1:8080"]) }
    }

    @Test func modelFlagsAreOptional() throws {
        let options = try ShellCommand.parse([]).backend
        #expect(options.provider == nil && options.model == nil && options.url == nil)
    }

    @Test func modelFlagsKeepTheirHelp() {
        let help = ShellCommand.helpMessage(columns: 200)
        #expect(help.contains("--provider <provider>"))
        #expect(help.contains("Model backend. (values: auto, llamacpp, ollama, openai)"))
        #expect(help.contains("Model name, .gguf path or server model id."))
        #expect(help.contains("Base URL of an external model server."))
    }

    @Test func anUnknownProviderIsRefusedWithTheValidValues() {
        do {
            _ = try AskCommand.parse(["pods", "--provider", "gemini"])
            Issue.record("expected a parse error")
        } catch {
            let message = AskCommand.message(for: error)
            #expect(message.contains("'gemini'"))
            for provider in K1Config.Provider.allCases { #expect(message.contains("'\(provider.rawValue)'"), "\(message)") }
        }
    }

    @Test func benchCategoriesParseRepeatedAndSorted() throws {
        let bench = try BenchCommand.parse(["--category", "edge", "--category", "simple", "--category", "edge"])
        #expect(bench.category == [.edge, .simple, .edge])
        #expect(try BenchCommand.parse([]).category.isEmpty)
    }

    @Test func anUnknownBenchCategoryIsRefusedWithTheValidList() {
        do {
            _ = try BenchCommand.parse(["--category", "hard"])
            Issue.record("expected a parse error")
        } catch {
            let message = BenchCommand.message(for: error)
            #expect(message.contains("'hard'"))
            for category in BenchmarkCategory.allCases { #expect(message.contains("- \(category.rawValue)\n") || message.hasSuffix("- \(category.rawValue)"), "\(message)") }
        }
    }

    @Test func anUnknownSplitIsRefusedWithTheValidList() {
        do {
            _ = try BenchCommand.parse(["--split", "train"])
            Issue.record("expected a parse error")
        } catch {
            let message = BenchCommand.message(for: error)
            #expect(message.contains("'train'"))
            for split in [BenchmarkSplit.dev, .test, .all] { #expect(message.contains("'\(split.rawValue)'"), "\(message)") }
        }
    }
}
