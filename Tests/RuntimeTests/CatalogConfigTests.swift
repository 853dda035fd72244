import Foundation
import Support
import Testing
@testable import Runtime

struct CatalogConfigTests {
    @Test func rewritesModelInTheTemplateKeepingEverythingElse() throws {
        let updated = ModelCatalog.settingModel("smollm2-135m", in: K1Config.template)
        let before = K1Config.template.components(separatedBy: "\n")
        let after = updated.components(separatedBy: "\n")
        #expect(before.count == after.count)
        for (old, new) in zip(before, after) where !old.hasPrefix("model:") {
            #expect(old == new)
        }
        let line = try #require(after.first { $0.hasPrefix("model:") })
        #expect(line.hasPrefix("model: smollm2-135m "))
        #expect(line.contains("# packaged model name"))
        // The comment stays in its column.
        let oldLine = try #require(before.first { $0.hasPrefix("model:") })
        #expect(line.distance(from: line.startIndex, to: line.firstIndex(of: "#")!)
                == oldLine.distance(from: oldLine.startIndex, to: oldLine.firstIndex(of: "#")!))
        let config = try ConfigLoader.parse(updated)
        #expect(config.model == "smollm2-135m")
        #expect(config.provider == .auto)
        #expect(config.historySize == 2000)
    }

    @Test func keepsOtherSettingsOfAUserFile() throws {
        let text = """
        # mine
        provider: llamacpp
        model: "old model"   # chosen last week
        threads: 3
        cache:
          enabled: false
        """
        let updated = ModelCatalog.settingModel("/models/my model.gguf", in: text)
        #expect(updated.contains("# mine\nprovider: llamacpp\nmodel: \"/models/my model.gguf\""))
        #expect(updated.contains("# chosen last week"))
        #expect(updated.hasSuffix("threads: 3\ncache:\n  enabled: false"))
        let config = try ConfigLoader.parse(updated)
        #expect(config.model == "/models/my model.gguf")
        #expect(config.threads == 3)
        #expect(config.cacheEnabled == false)
        #expect(config.provider == .llamacpp)
    }

    @Test func addsTheKeyWhenMissing() throws {
        let afterProvider = ModelCatalog.settingModel("gemma3-270m", in: "provider: auto\nthreads: 2\n")
        #expect(afterProvider == "provider: auto\nmodel: gemma3-270m\nthreads: 2\n")
        let appended = ModelCatalog.settingModel("gemma3-270m", in: "threads: 2")
        #expect(appended == "threads: 2\nmodel: gemma3-270m\n")
        #expect(ModelCatalog.settingModel("x", in: "") == "model: x\n")
        // A nested `model:` is not the top-level key.
        let nested = ModelCatalog.settingModel("x", in: "cache:\n  model: y\n")
        #expect(try ConfigLoader.parse(nested.replacingOccurrences(of: "  model: y\n", with: "  enabled: true\n")).model == "x")
    }

    @Test func quotesOnlyWhenNeeded() throws {
        #expect(ModelCatalog.yamlScalar("qwen2.5-coder:1.5b") == "qwen2.5-coder:1.5b")
        #expect(ModelCatalog.yamlScalar("/a/b.gguf") == "/a/b.gguf")
        #expect(ModelCatalog.yamlScalar("~/b.gguf") == "\"~/b.gguf\"")
        #expect(ModelCatalog.yamlScalar("true") == "\"true\"")
        #expect(ModelCatalog.yamlScalar("1.5") == "\"1.5\"")
        #expect(ModelCatalog.yamlScalar("a \"q\" # b") == "\"a \\\"q\\\" # b\"")
        for value in ["~/b.gguf", "true", "1.5", "a \"q\" # b", "x: y", "null", "-dash"] {
            #expect(try ConfigLoader.parse(ModelCatalog.settingModel(value, in: "")).model == value)
        }
    }
}
