import Testing

/// `k1 shell` starts with a coloured prompt naming the kube context and passes plain lines to the real kubectl.
@Suite("k1 shell: start-up and kubectl passthrough", .serialized,
       .enabled(if: Prerequisites.k1InTerminal, "needs tmux, kubectl, python3 and a built k1 (swift build)"),
       .timeLimit(.minutes(1)))
struct ShellStartupTests {
    @Test("the prompt names the kube context and namespace, in colour")
    func coloredPrompt() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        let prompt = try #require(K1ShellSession.lastPromptLine(try shell.tmux.capture()))
        #expect(prompt.contains("fake-ctx"))
        #expect(prompt.contains("default"))
        let styled = try shell.tmux.captureStyled().split(separator: "\n")
        let styledPrompt = try #require(styled.last { $0.contains("fake-ctx") })
        #expect(styledPrompt.contains("\u{1B}["), "no SGR escape on the prompt line: \(styledPrompt)")
    }

    @Test("a plain line runs kubectl and prints its real table")
    func plainLineRunsKubectl() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        let output = try await shell.run("get pods -n shop")
        #expect(output.contains(#/(?m)^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/#), "\(output)")
        #expect(output.contains(#/(?m)^web-1\s+0/1\s+CrashLoopBackOff\s+7/#), "\(output)")
        #expect(fixture.requested("/api/v1/namespaces/shop/pods"))
    }

    @Test("a line that starts with kubectl runs the same command")
    func kubectlPrefixedLine() async throws {
        let fixture = try KubeFixture()
        let shell = try await K1ShellSession(fixture: fixture)
        let output = try await shell.run("kubectl get pods -n shop")
        #expect(output.contains(#/(?m)^NAME\s+READY\s+STATUS/#), "\(output)")
        #expect(output.contains(#/(?m)^web-1\s+0/1\s+CrashLoopBackOff/#), "\(output)")
        #expect(!output.contains("command not found") && !output.contains("unknown command"), "\(output)")
    }
}
