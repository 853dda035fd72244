import Foundation
import KubectlKit
import Testing
import Translate
@testable import k1

@Suite("k1 ask: the prompt and the JSON report")
struct AskReportTests {
    @Test func notesAreTypedInTheJSON() throws {
        let command = "kubectl describe pod api-0"
        let translation = Translation(
            command: command, raw: command + " -n shop", cached: false, risk: RiskClassifier.classify(command), issues: [],
            notes: [AnswerNote(.madeUpDropped, "dropped made-up -n shop")], model: "m", promptVersion: "p",
            latencyMilliseconds: 1, stats: nil,
            cacheKey: AnswerCacheKey(request: "describe pod api-0", contextFields: [:], model: "m", promptVersion: "p"))
        let line = try AskReport(translation: translation, command: command).jsonLine()
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["note"] as? String == "dropped made-up -n shop")
        let notes = try #require(object["notes"] as? [[String: String]])
        #expect(notes == [["kind": "madeUpDropped", "text": "dropped made-up -n shop"]])
    }

    @Test func showPromptIsAFlag() throws {
        let ask = try AskCommand.parse(["--show-prompt", "scale", "web", "to", "3"])
        #expect(ask.showPrompt)
        #expect(try !AskCommand.parse(["scale web"]).showPrompt)
    }
}
