import Foundation
import LineEditor
import Session
import Support
import Synchronization
import Testing
import TestSupport
@testable import Shell

/// Answers `?` requests from a table and records what the shell told it.
final class RecordingRequests: RequestHandling, @unchecked Sendable {
    private let answers: [String: String]
    private let state = Mutex<(asked: [String], learned: [String], typed: [String], cancels: Int)>(([], [], [], 0))

    init(_ answers: [String: String]) {
        self.answers = answers
    }

    var asked: [String] { state.withLock { $0.asked } }
    var learned: [String] { state.withLock { $0.learned } }
    var typed: [String] { state.withLock { $0.typed } }
    var cancels: Int { state.withLock { $0.cancels } }

    func suggest(request: String, context: SessionContext) async -> Suggestion? {
        state.withLock { $0.asked.append(request) }
        return answers[request].map { Suggestion(command: $0, context: context) }
    }

    func learn(request: String, context: SessionContext, command: String) {
        state.withLock { $0.learned.append("\(request) => \(command)") }
    }

    func typing(_ line: String, context: SessionContext) {
        state.withLock { $0.typed.append(line) }
    }

    func cancelTyping() {
        state.withLock { $0.cancels += 1 }
    }
}

@Suite("The shell's loop, driven by a scripted editor")
struct ShellSessionTests {
    struct Fixture {
        let directory: URL
        let runner = RecordingRunner()
        let requests: RecordingRequests

        init(answers: [String: String] = [:]) throws {
            directory = try temporaryDirectory()
            requests = RecordingRequests(answers)
        }

        func run(_ editor: ScriptedEditor, withRequests: Bool = true) async -> Int32 {
            var config = K1Config()
            config.historySize = 100
            let session = ShellSession(
                context: SessionContext(), config: config,
                history: HistoryStore(url: directory.appendingPathComponent("history"), limit: 100), recorder: nil,
                requests: withRequests ? requests : nil, runner: runner, editor: editor)
            return await session.run()
        }

        func cleanUp() { try? FileManager.default.removeItem(at: directory) }
    }

    @Test("a kubectl line runs as typed and goes into the history")
    func plainLinesRun() async throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let editor = ScriptedEditor(lines: [.line("get pods -n shop")])
        _ = await fixture.run(editor)
        #expect(fixture.runner.ran == ["kubectl get pods -n shop"])
        #expect(editor.historyEntries == ["get pods -n shop"])
        #expect(fixture.requests.asked.isEmpty)
    }

    @Test("a ? line pre-fills the suggestion; Enter runs exactly the line; nothing is learned when it is unchanged")
    func suggestionRunsOnEnter() async throws {
        let fixture = try Fixture(answers: ["scale web to 3": "kubectl scale deployment web --replicas=3"])
        defer { fixture.cleanUp() }
        let editor = ScriptedEditor(lines: [.line("?scale web to 3"), .line("kubectl scale deployment web --replicas=3")])
        _ = await fixture.run(editor)
        #expect(fixture.requests.asked == ["scale web to 3"])
        #expect(editor.reads.map(\.prefill) == [nil, "kubectl scale deployment web --replicas=3", nil])
        #expect(fixture.runner.ran == ["kubectl scale deployment web --replicas=3"])
        #expect(fixture.requests.learned.isEmpty)
        #expect(editor.historyEntries == ["?scale web to 3", "kubectl scale deployment web --replicas=3"])
    }

    @Test("an edited suggestion that succeeds is learned; one that fails is not")
    func editsAreLearnedWhenTheyWork() async throws {
        let fixture = try Fixture(answers: ["scale web to 3": "kubectl scale deployment web --replicas=3",
                                            "delete web": "kubectl delete deployment web"])
        defer { fixture.cleanUp() }
        fixture.runner.statuses = ["delete deployment web-old": 1]
        let editor = ScriptedEditor(lines: [
            .line("?scale web to 3"), .line("kubectl scale deployment web --replicas=3 -n shop"),
            .line("?delete web"), .line("kubectl delete deployment web-old"),
        ])
        _ = await fixture.run(editor)
        #expect(fixture.runner.ran == ["kubectl scale deployment web --replicas=3 -n shop", "kubectl delete deployment web-old"])
        #expect(fixture.requests.learned == ["scale web to 3 => kubectl scale deployment web --replicas=3 -n shop"])
    }

    @Test("Ctrl-C or Esc on a suggestion runs nothing, drops it and the work begun while typing")
    func cancelDropsTheSuggestion() async throws {
        let fixture = try Fixture(answers: ["delete web": "kubectl delete deployment web"])
        defer { fixture.cleanUp() }
        let editor = ScriptedEditor(lines: [.line("?delete web"), .cancelled(.controlC), .line("")])
        _ = await fixture.run(editor)
        #expect(fixture.runner.ran.isEmpty)
        #expect(editor.reads.map(\.prefill) == [nil, "kubectl delete deployment web", nil, nil])
        #expect(fixture.requests.cancels >= 1)
    }

    @Test("without a terminal a suggestion is printed, never run")
    func nonInteractiveNeverRuns() async throws {
        let fixture = try Fixture(answers: ["delete web": "kubectl delete deployment web"])
        defer { fixture.cleanUp() }
        let editor = ScriptedEditor(lines: [.line("?delete web"), .line("get pods")], interactive: false)
        _ = await fixture.run(editor)
        #expect(fixture.requests.asked == ["delete web"])
        #expect(fixture.runner.ran == ["kubectl get pods"])
        #expect(editor.reads.map(\.prefill) == [nil, nil, nil])
    }

    @Test("Alt-e explains the line and offers it again as it was, cursor included; a waiting suggestion keeps waiting")
    func explainReoffersTheLine() async throws {
        let fixture = try Fixture(answers: ["scale web to 3": "kubectl scale deployment web --replicas=3"])
        defer { fixture.cleanUp() }
        let editor = ScriptedEditor(lines: [
            .line("?scale web to 3"),
            .explain(EditLineSnapshot(text: "kubectl scale deployment web --replicas=3", cursor: 8)),
            .line("kubectl scale deployment web --replicas=3"),
        ])
        _ = await fixture.run(editor)
        #expect(editor.reads[2] == ScriptedEditor.Read(prefill: "kubectl scale deployment web --replicas=3", cursor: 8))
        #expect(fixture.runner.ran == ["kubectl scale deployment web --replicas=3"])
        #expect(fixture.requests.learned.isEmpty)
    }

    @Test("pauses in typing reach the request handler; a kubectl line entered next drops work begun for a request")
    func pausesReachTheHandler() async throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let editor = ScriptedEditor([
            ScriptedEditor.Step(pauses: ["?sca", "?scale web"], input: .line("get pods")),
        ])
        _ = await fixture.run(editor)
        #expect(fixture.requests.typed == ["?sca", "?scale web"])
        #expect(fixture.requests.cancels == 1)
        #expect(fixture.runner.ran == ["kubectl get pods"])
    }

    @Test("without a model backend no pause is reported and a ? line runs nothing")
    func noBackend() async throws {
        let fixture = try Fixture()
        defer { fixture.cleanUp() }
        let editor = ScriptedEditor([ScriptedEditor.Step(pauses: ["?scale"], input: .line("?scale web"))])
        _ = await fixture.run(editor, withRequests: false)
        #expect(editor.typingObserver == nil)
        #expect(fixture.runner.ran.isEmpty)
    }
}
