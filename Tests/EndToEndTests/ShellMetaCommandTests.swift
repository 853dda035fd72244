import Testing

/// Meta commands (`:…`) that k1 does not know.
@Suite("k1 shell: meta commands", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellMetaCommandTests {
    @Test("an unknown :bogus gives one error line that lists the valid meta commands")
    func unknownMetaCommand() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        let output = try await shell.run(":bogus")
        let lines = output.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        #expect(lines.count == 1, "expected one line:\n\(output)")
        #expect(output.contains("bogus"), "\(output)")
        for command in [":ns", ":context", ":history", ":quit"] {
            #expect(output.contains(command), "\(command) not listed:\n\(output)")
        }
    }
}
