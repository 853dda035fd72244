import Testing
@testable import Translate

@Suite("AnswerFixes: the fixes every answer goes through")
struct AnswerFixesTests {
    @Test func fixesRunInOrderAndLeaveNotes() {
        let result = AnswerFixes.apply("kubectl get pods --wide --sort-by=.metadata.name -l app=checkout",
                                       request: "pods in shop wide", context: [])
        // --wide rewritten, the invented selector and the unasked sort dropped, the named namespace added.
        #expect(result.command == "kubectl get pods -o wide -n shop")
        #expect(result.notes.count == 3)
        #expect(result.notes.map(\.kind) == [.flagSpelling, .unaskedDropped, .askedAdded])
        #expect(result.notes[0].text.contains("--wide → -o wide"))
        #expect(result.notes[1].text.hasPrefix("dropped unasked"))
        #expect(result.notes[2].text == "added -n shop from the request")
    }

    @Test func switchesTurnFixesOff() {
        let command = "kubectl get pods --wide --sort-by=.metadata.name"
        #expect(AnswerFixes.apply(command, request: "pods wide", context: [], ground: false, prune: false).command == command)
        #expect(AnswerFixes.apply(command, request: "pods wide", context: [], ground: false).command == "kubectl get pods --wide")
        #expect(AnswerFixes.apply(command, request: "pods wide", context: [], prune: false).command
                == "kubectl get pods -o wide --sort-by=.metadata.name")
    }

    @Test func aCorrectAnswerIsLeftAlone() {
        let result = AnswerFixes.apply("kubectl logs web-0 -n shop --tail=20", request: "last 20 lines of web-0 in shop", context: [])
        #expect(result.command == "kubectl logs web-0 -n shop --tail=20")
        #expect(result.notes.isEmpty)
    }
}
