import Foundation
import KubectlKit
import LLM
import Session
import Support
import Testing
@testable import Translate
@testable import Bench
import TestSupport

/// Answers and requests that carry a literal secret value never reach the cache file; answers with control
/// characters are not commands.
@Suite("Translator: secrets and control characters")
struct TranslatorSecretTests {
    func makeTranslator(outputs: [String], directory: URL) -> (Translator, AnswerCache) {
        let cache = AnswerCache(url: directory.appendingPathComponent("llm_cache.json"))
        let backend = ScriptedBackend(outputs: outputs)
        return (Translator(backendProvider: { backend }, modelName: "m", cache: cache,
                           promptVersion: PromptTemplate.promptVersion), cache)
    }

    @Test("an answer with --from-literal=password=… is shown but never written to the cache file")
    func secretAnswerNotCached() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (translator, cache) = makeTranslator(
            outputs: ["kubectl create secret generic db --from-literal=password=hunter2"], directory: directory)
        let result = try await translator.translate("create secret generic db --from-literal=password=hunter2",
                                                    context: SessionContext())
        #expect(result.command.contains("hunter2"))
        #expect(cache.list().isEmpty)
        let file = (try? String(contentsOf: cache.url, encoding: .utf8)) ?? ""
        #expect(!file.contains("hunter2"))
    }

    @Test("an edit holding a secret is not learned")
    func secretEditNotLearned() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (translator, cache) = makeTranslator(outputs: [], directory: directory)
        #expect(try !translator.learn(request: "make the db secret", context: SessionContext(),
                                      command: "kubectl create secret generic db --from-literal=password=hunter2"))
        #expect(cache.list().isEmpty)
    }

    @Test("an answer with an escape sequence or BEL is not a command (⚠), whatever the backend sent")
    func controlCharactersAreNotACommand() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let hostile = "kubectl get pods\u{1B}]0;pwned\u{7}"
        let (translator, cache) = makeTranslator(outputs: [hostile, hostile], directory: directory)
        await #expect(throws: TranslateError.self) {
            _ = try await translator.translate("list pods", context: SessionContext())
        }
        do {
            _ = try await makeTranslator(outputs: [hostile, hostile], directory: directory).0
                .translate("list pods", context: SessionContext())
        } catch let error as TranslateError {
            #expect(error == .controlCharacters(raw: hostile))
            #expect(error.raw == hostile)
            #expect(error.message.hasPrefix("⚠"))
            #expect(!TerminalText.containsControl(error.message))
        }
        #expect(cache.list().isEmpty)
    }
}
