import Testing
@testable import Session

@Suite("HistoryExclusion")
struct HistoryExclusionTests {
    @Test("a line starting with a space is kept out of history")
    func leadingSpace() {
        #expect(HistoryExclusion.excludes(" get secret db -o yaml"))
        #expect(!HistoryExclusion.excludes("get secret db -o yaml"))
    }

    @Test("a line with a literal secret is kept out of history")
    func secret() {
        #expect(HistoryExclusion.excludes("?create secret generic db --from-literal=password=hunter2"))
        #expect(!HistoryExclusion.excludes("?create secret generic db from the file creds.env"))
    }
}
