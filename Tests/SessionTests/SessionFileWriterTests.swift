import Testing
import Session

@Suite struct SessionFileWriterTests {
    /// Entries as they compare after a trip through text, where line numbers change.
    func withoutLineNumbers(_ file: SessionFile) -> [SessionEntry] {
        file.entries.map { entry in
            var entry = entry
            entry.lineNumber = 0
            return entry
        }
    }

    @Test func rendersTheDocumentedLayout() {
        let file = SessionFile(entries: [
            SessionEntry(input: ":ns shop"),
            SessionEntry(input: "get pods", ran: "kubectl get pods -n shop", exitStatus: 0),
            SessionEntry(input: "?delete the failing ones", ran: "kubectl delete pod web-1 -n shop", exitStatus: 0,
                         answer: "kubectl delete pod web-1 -n shop"),
            SessionEntry(input: "?drop everything", answer: "kubectl delete ns --all", skipped: "declined", notes: ["risky", ""]),
        ])
        #expect(SessionFileWriter.render(file) == """
        # k1 session v1
        :ns shop
        get pods
        #> ran: kubectl get pods -n shop
        #> exit: 0
        ?delete the failing ones
        #> answer: kubectl delete pod web-1 -n shop
        #> ran: kubectl delete pod web-1 -n shop
        #> exit: 0
        ?drop everything
        #> answer: kubectl delete ns --all
        #> skipped: declined
        #> note: risky
        #> note:

        """)
    }

    @Test func parsedFileRoundTrips() throws {
        let parsed = try SessionFileParser.parse(SessionFileParserTests.example, source: "shop.k1")
        let rendered = SessionFileWriter.render(parsed)
        let reparsed = try SessionFileParser.parse(rendered, source: "rendered")
        #expect(withoutLineNumbers(reparsed) == withoutLineNumbers(parsed))
        #expect(SessionFileWriter.render(reparsed) == rendered)
    }

    @Test func constructedFileRoundTrips() throws {
        let file = SessionFile(entries: [
            SessionEntry(input: "get pods -l 'app in (web, api)' -o wide", ran: "kubectl get pods -l 'app in (web, api)' -o wide",
                         exitStatus: 0),
            SessionEntry(input: "?pods using more than 1Gi: sort by memory", ran: "kubectl top pods --sort-by=memory",
                         exitStatus: 137, answer: "kubectl top pods --sort-by=memory", notes: ["a: b: c", "#> not an annotation"]),
            SessionEntry(input: "!kubectl version --client", exitStatus: -1),
            SessionEntry(input: "édition ✓", skipped: ""),
        ])
        let reparsed = try SessionFileParser.parse(SessionFileWriter.render(file), source: "x")
        #expect(withoutLineNumbers(reparsed) == file.entries)
        #expect(reparsed.entries.map(\.lineNumber) == [2, 5, 11, 13])
    }

    @Test func multiLineValuesBecomeOneLine() throws {
        let entry = SessionEntry(input: "  logs web-0\n--tail 5 ", ran: "kubectl logs web-0\r\n--tail 5", notes: ["a\nb"])
        #expect(SessionFileWriter.render(entry) == "logs web-0 --tail 5\n#> ran: kubectl logs web-0  --tail 5\n#> note: a b\n")
    }

    @Test func inputsThatLookLikeCommentsStayValid() throws {
        let file = SessionFile(entries: [
            SessionEntry(input: "get pods", exitStatus: 0),
            SessionEntry(input: "# just a thought", ran: "ignored", exitStatus: 3),
            SessionEntry(input: "#> exit: 5"),
            SessionEntry(input: "   "),
        ])
        let rendered = SessionFileWriter.render(file)
        #expect(rendered == "# k1 session v1\nget pods\n#> exit: 0\n# just a thought\n# #> exit: 5\n")
        let reparsed = try SessionFileParser.parse(rendered, source: "x")
        #expect(reparsed.entries == [SessionEntry(lineNumber: 2, input: "get pods", exitStatus: 0)])
    }
}
