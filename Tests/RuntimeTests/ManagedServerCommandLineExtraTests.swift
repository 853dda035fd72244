import Foundation
import Support
import Testing
@testable import Runtime

@Suite("The managed server's extra arguments")
struct ManagedServerCommandLineExtraTests {
    @Test func serverArgsComeAfterK1sOwn() throws {
        var config = K1Config()
        config.model = "/models/x.gguf"
        config.serverArguments = ["--no-repack", "-fa", "on"]
        let configuration = try ManagedServer.Configuration(config: config, environment: [:])
        let arguments = configuration.commandLine(port: 4000).arguments
        #expect(Array(arguments.suffix(3)) == ["--no-repack", "-fa", "on"])
        #expect(arguments.prefix(2) == ["-m", "/models/x.gguf"])
    }

    @Test func theConfigFileSplitsThemAtSpaces() throws {
        let config = try ConfigLoader.parse("server_args: \"--no-repack  -fa on\"\n", source: "config.yaml")
        #expect(config.serverArguments == ["--no-repack", "-fa", "on"])
    }
}
