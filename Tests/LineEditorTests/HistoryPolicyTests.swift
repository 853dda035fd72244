import Testing
@testable import LineEditor

@Suite("HistoryPolicy")
struct HistoryPolicyTests {
    @Test("empty and whitespace-only lines are skipped")
    func skipsEmpty() {
        #expect(HistoryPolicy.appending("", to: ["a"], limit: 10) == (["a"], false))
        #expect(HistoryPolicy.appending("  \t", to: ["a"], limit: 10) == (["a"], false))
    }

    @Test("a repeat of the newest entry is skipped, older repeats are kept")
    func consecutiveDuplicates() {
        #expect(HistoryPolicy.appending("a", to: ["a"], limit: 10) == (["a"], false))
        #expect(HistoryPolicy.appending("a ", to: ["a"], limit: 10) == (["a"], false))
        #expect(HistoryPolicy.appending("a", to: ["a", "b"], limit: 10) == (["a", "b", "a"], true))
    }

    @Test("entries are trimmed")
    func trimmed() {
        #expect(HistoryPolicy.appending("kubectl get pods ", to: [], limit: 10) == (["kubectl get pods"], true))
    }

    @Test("the oldest entries beyond the limit are dropped; limit 0 keeps none")
    func limit() {
        #expect(HistoryPolicy.appending("d", to: ["a", "b", "c"], limit: 3) == (["b", "c", "d"], true))
        #expect(HistoryPolicy.appending("d", to: ["a"], limit: 0) == ([], false))
        #expect(HistoryPolicy.bounded(["a", "b", "c"], limit: 2) == ["b", "c"])
        #expect(HistoryPolicy.bounded(["a"], limit: -1) == [])
    }

    @Test("loading applies the same rules")
    func loading() {
        let lines = ["a", "a", "", "b", " b ", "a", "c"]
        #expect(HistoryPolicy.loading(lines, limit: 10) == ["a", "b", "a", "c"])
        #expect(HistoryPolicy.loading(lines, limit: 2) == ["a", "c"])
    }
}
