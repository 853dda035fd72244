import Testing
@testable import LineEditor

@Suite("CompletionCandidates")
struct CompletionCandidatesTests {
    @Test("keeps candidates that extend the word, in order, without duplicates")
    func filtering() {
        let candidates = CompletionCandidates(word: "deploy/w", candidates: ["deploy/web", "pods", "deploy/worker", "deploy/web", "", "Deploy/wx"])
        #expect(candidates.matches == ["deploy/web", "deploy/worker"])
    }

    @Test("an empty word keeps every candidate")
    func emptyWord() {
        #expect(CompletionCandidates(word: "", candidates: ["get", "describe"]).matches == ["get", "describe"])
    }

    @Test("common prefix")
    func commonPrefix() {
        #expect(CompletionCandidates(word: "deploy/w", candidates: ["deploy/web", "deploy/worker"]).commonPrefix == "deploy/w")
        #expect(CompletionCandidates(word: "--namespace=sh", candidates: ["--namespace=shop", "--namespace=shipping"]).commonPrefix == "--namespace=sh")
        #expect(CompletionCandidates(word: "de", candidates: ["describe", "delete"]).commonPrefix == "de")
        #expect(CompletionCandidates(word: "", candidates: ["get", "describe"]).commonPrefix == "")
        #expect(CompletionCandidates(word: "p", candidates: ["pods"]).commonPrefix == "pods")
        #expect(CompletionCandidates(word: "x", candidates: ["pods"]).commonPrefix == "")
    }

    @Test("common prefix never splits a character")
    func prefixByCharacters() {
        #expect(CompletionCandidates.commonPrefix(of: ["café", "cafè"]) == "caf")
        #expect(CompletionCandidates.commonPrefix(of: ["e\u{301}x", "e\u{301}y"]) == "e\u{301}")
        #expect(CompletionCandidates.commonPrefix(of: ["e\u{301}x", "ex"]) == "")
    }

    @Test("a space follows a single match unless it ends in / or =")
    func appendRule() {
        #expect(CompletionCandidates(word: "p", candidates: ["pods"]).appendCharacter == " ")
        #expect(CompletionCandidates(word: "deploy/we", candidates: ["deploy/web"]).appendCharacter == " ")
        #expect(CompletionCandidates(word: "dep", candidates: ["deploy/"]).appendCharacter == nil)
        #expect(CompletionCandidates(word: "--names", candidates: ["--namespace="]).appendCharacter == nil)
        #expect(CompletionCandidates(word: "", candidates: ["deploy/", "svc/"]).appendCharacter == " ")
        #expect(CompletionCandidates(word: "d", candidates: ["deploy/", "deploy/"]).appendCharacter == nil)
    }
}
