import Foundation
import Support
import Testing
@testable import Runtime

@Suite("The managed server's extra arguments")
struct ManagedServerCommandLineExtraTests {
    @Test func serverArgsComeAfterK1sOwn() throws {
        var config = K1Config()
        config.model = "/models/x.gguf"
        config.serverArguments = ["-fa", "on", "-ub", "128"]
        let configuration = try ManagedServer.Configuration(config: config, environment: [:])
        let arguments = configuration.commandLine(port: 4000).arguments
        #expect(Array(arguments.suffix(5)) == ["--no-repack", "-fa", "on", "-ub", "128"])
        #expect(arguments.prefix(2) == ["-m", "/models/x.gguf"])
    }

    @Test func weightsAreNotRepackedUnlessTheConfigSaysSo() throws {
        var config = K1Config()
        config.model = "/models/x.gguf"
        #expect(try ManagedServer.Configuration(config: config, environment: [:]).commandLine(port: 4000).arguments
            .contains("--no-repack"))
        config = try ConfigLoader.parse("model: /models/x.gguf\nrepack: true\n", source: "config.yaml")
        #expect(config.repack)
        #expect(try !ManagedServer.Configuration(config: config, environment: [:]).commandLine(port: 4000).arguments
            .contains("--no-repack"))
        // Without k1's settings, llama-server's own default stands.
        let plain = ManagedServer.Configuration(modelName: "x", modelPath: URL(fileURLWithPath: "/models/x.gguf"))
        #expect(!plain.commandLine(port: 4000).arguments.contains("--no-repack"))
    }

    @Test func theConfigFileSplitsThemAtSpaces() throws {
        let config = try ConfigLoader.parse("server_args: \"--no-repack  -fa on\"\n", source: "config.yaml")
        #expect(config.serverArguments == ["--no-repack", "-fa", "on"])
    }
}
