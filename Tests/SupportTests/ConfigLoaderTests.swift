import Foundation
import Testing
@testable import Support

@Suite("Configuration file and environment overrides")
struct ConfigLoaderTests {
    @Test("An empty file gives the defaults")
    func emptyFileGivesDefaults() throws {
        let config = try ConfigLoader.parse("")
        #expect(config == K1Config())
    }

    @Test("The shipped template parses back to the defaults")
    func templateParses() throws {
        #expect(try ConfigLoader.parse(K1Config.template) == K1Config())
    }

    @Test("Values are read, including nested cache and history settings")
    func readsValues() throws {
        let config = try ConfigLoader.parse("""
        provider: ollama
        model: qwen2.5-coder:1.5b
        timeout: 12.5
        threads: 4
        examples: 2
        warm_up: false
        cache:
          ttl_days: 7
          enabled: false
        history:
          size: 50
        """)
        #expect(config.provider == .ollama)
        #expect(config.model == "qwen2.5-coder:1.5b")
        #expect(config.timeoutSeconds == 12.5)
        #expect(config.threads == 4)
        #expect(config.retrievedExamples == 2)
        #expect(config.warmUp == false)
        #expect(K1Config().retrievedExamples == 4 && K1Config().warmUp)
        #expect(config.cacheTTLDays == 7)
        #expect(config.cacheEnabled == false)
        #expect(config.historySize == 50)
    }

    @Test("The dry-run preview can be turned off and its time limit set")
    func previewSettings() throws {
        let config = try ConfigLoader.parse("preview: false\npreview_timeout: 0.5\n")
        #expect(config.preview == false)
        #expect(config.previewTimeoutSeconds == 0.5)
        #expect(K1Config().preview && K1Config().previewTimeoutSeconds == 2)
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("preview_timeout: 0\n") }
    }

    @Test("Work while typing: on, a 150 ms pause, no read-ahead unless set")
    func typingSettings() throws {
        let defaults = K1Config()
        #expect(defaults.answerWhileTyping && defaults.typingPauseMilliseconds == 150 && !defaults.readAhead)
        let config = try ConfigLoader.parse("answer_while_typing: false\ntyping_pause_ms: 300\nread_ahead: true\n")
        #expect(!config.answerWhileTyping)
        #expect(config.typingPauseMilliseconds == 300)
        #expect(config.readAhead)
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("typing_pause_ms: 5\n") }
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("read_ahead: sometimes\n") }
    }

    @Test("An unknown key is an error naming the key and its line")
    func unknownKey() {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("model: x\nmodle: y\n") }
        do {
            _ = try ConfigLoader.parse("model: x\nmodle: y\n", source: "c.yaml")
        } catch {
            #expect(error.line == 2)
            #expect(error.key == "modle")
            #expect(error.description.hasPrefix("c.yaml:2: modle: unknown key"))
        }
    }

    @Test("A wrong type is an error naming the key and its line")
    func wrongType() {
        do {
            _ = try ConfigLoader.parse("provider: auto\ncache:\n  ttl_days: soon\n", source: "c.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 3)
            #expect(error.key == "cache.ttl_days")
            #expect(error.description.contains("expected a whole number"))
        }
    }

    @Test("An unknown provider lists the valid ones")
    func badProvider() {
        do {
            _ = try ConfigLoader.parse("provider: gpt\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("auto, llamacpp, ollama, openai"))
        }
    }

    @Test("Invalid YAML is one error, not a crash")
    func invalidYAML() {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse("model: [unclosed\n") }
    }

    @Test("Environment overrides the file")
    func environmentOverrides() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("k1-cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("config.yaml")
        try "provider: llamacpp\nmodel: a\nurl: http://127.0.0.1:1\n".write(to: file, atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(file: file, environment: ["K1_MODEL": "b", "K1_PROVIDER": "openai"])
        #expect(config.model == "b")
        #expect(config.provider == .openai)
        #expect(config.url == "http://127.0.0.1:1")
        #expect(throws: ConfigError.self) { try ConfigLoader.load(file: file, environment: ["K1_PROVIDER": "nope"]) }
    }
}
