import Foundation
import Testing
import Session

@Suite struct SessionFileParserTests {
    static let example = """
    # k1 session v1
    # recorded while debugging the shop
    :ns shop

    get pods
    #> ran: kubectl get pods -n shop
    #> exit: 0
    ?delete the failing ones
    #> answer: kubectl delete pod web-1 -n shop
    #> ran: kubectl delete pod web-1 -n shop
    #> exit: 0
    #> note: web-1 was in CrashLoopBackOff
    #> note: recreated by its ReplicaSet
    ?delete every namespace
    #> answer: kubectl delete namespace --all
    #> skipped: declined
    logs web-0 --tail=20
    #> ran: kubectl logs web-0 --tail=20 -n shop
    #> exit: 1
    !echo done
    get pods -o jsonpath='{.items[*].metadata.name}'

    """

    @Test func parsesTheDocumentedExample() throws {
        let file = try SessionFileParser.parse(Self.example, source: "shop.k1")
        #expect(file.entries == [
            SessionEntry(lineNumber: 3, input: ":ns shop"),
            SessionEntry(lineNumber: 5, input: "get pods", ran: "kubectl get pods -n shop", exitStatus: 0),
            SessionEntry(lineNumber: 8, input: "?delete the failing ones", ran: "kubectl delete pod web-1 -n shop",
                         exitStatus: 0, answer: "kubectl delete pod web-1 -n shop",
                         notes: ["web-1 was in CrashLoopBackOff", "recreated by its ReplicaSet"]),
            SessionEntry(lineNumber: 14, input: "?delete every namespace", answer: "kubectl delete namespace --all",
                         skipped: "declined"),
            SessionEntry(lineNumber: 17, input: "logs web-0 --tail=20", ran: "kubectl logs web-0 --tail=20 -n shop", exitStatus: 1),
            SessionEntry(lineNumber: 20, input: "!echo done"),
            SessionEntry(lineNumber: 21, input: "get pods -o jsonpath='{.items[*].metadata.name}'"),
        ])
    }

    @Test func handWrittenFileWithoutHeaderOrAnnotations() throws {
        let file = try SessionFileParser.parse("get nodes\n  describe node kind-control-plane\t\n\n\n:ctx staging", source: "x")
        #expect(file.entries.map(\.input) == ["get nodes", "describe node kind-control-plane", ":ctx staging"])
        #expect(file.entries.map(\.lineNumber) == [1, 2, 5])
    }

    @Test func emptyAndCommentOnlyFilesHaveNoEntries() throws {
        #expect(try SessionFileParser.parse("", source: "x").entries.isEmpty)
        #expect(try SessionFileParser.parse("# k1 session v1\n# nothing yet\n", source: "x").entries.isEmpty)
    }

    @Test func acceptsCRLFAndByteOrderMark() throws {
        let file = try SessionFileParser.parse("\u{FEFF}# k1 session v1\r\nget pods\r\n#> exit: 2\r\n", source: "x")
        #expect(file.entries == [SessionEntry(lineNumber: 2, input: "get pods", exitStatus: 2)])
    }

    @Test func annotationValuesKeepColonsAndMayBeEmpty() throws {
        let text = "get pods\n#> ran:kubectl get pods -o custom-columns=NAME:.metadata.name\n#> exit:   -1  \n#> note:\n"
        let entry = try #require(try SessionFileParser.parse(text, source: "x").entries.first)
        #expect(entry.ran == "kubectl get pods -o custom-columns=NAME:.metadata.name")
        #expect(entry.exitStatus == -1)
        #expect(entry.notes == [""])
    }

    @Test(arguments: [
        ("#> ran: kubectl get pods\nget pods\n", 1, SessionFileError.Reason.annotationBeforeInput("ran")),
        ("# k1 session v1\n# comment\n\n#> exit: 0\n", 4, .annotationBeforeInput("exit")),
        ("get pods\n#> status: ok\n", 2, .unknownKey("status")),
        ("get pods\n#> Ran: kubectl get pods\n", 2, .unknownKey("Ran")),
        ("get pods\n#> exit: zero\n", 2, .invalidExitStatus("zero")),
        ("get pods\n#> exit: 1.5\n", 2, .invalidExitStatus("1.5")),
        ("get pods\n#> exit: 99999999999\n", 2, .invalidExitStatus("99999999999")),
        ("get pods\n#> exit:\n", 2, .invalidExitStatus("")),
        ("get pods\n#> exit: 0\n#> note: again\n#> exit: 1\n", 4, .duplicateKey("exit", inputLine: 1)),
        ("get ns\nget pods\n#> ran: a\n#> ran: b\n", 4, .duplicateKey("ran", inputLine: 2)),
        ("?x\n#> answer: a\n#> answer: b\n", 3, .duplicateKey("answer", inputLine: 1)),
        ("get pods\n#> just words\n", 2, .malformedAnnotation),
        ("get pods\n#>: value\n", 2, .malformedAnnotation),
        ("get pods\nget\u{0}nodes\n", 2, .nulByte),
        ("# k1 session v2\nget pods\n", 1, .unsupportedVersion("v2")),
    ])
    func errorsNameTheLine(_ text: String, _ line: Int, _ reason: SessionFileError.Reason) {
        #expect(throws: SessionFileError(source: "bad.k1", line: line, reason: reason)) {
            try SessionFileParser.parse(text, source: "bad.k1")
        }
    }

    @Test func headerLikeCommentAfterContentIsJustAComment() throws {
        let file = try SessionFileParser.parse("get pods\n# k1 session v2\n", source: "x")
        #expect(file.entries.map(\.input) == ["get pods"])
    }

    @Test func errorDescriptionIsOneActionableLine() {
        let error = SessionFileError(source: "/tmp/s.k1", line: 7, reason: .unknownKey("status"))
        #expect(error.description == "/tmp/s.k1:7: unknown annotation '#> status:' (known: answer, ran, exit, skipped, note)")
        let early = SessionFileError(source: "s.k1", line: 1, reason: .annotationBeforeInput("ran"))
        #expect(early.description == "s.k1:1: '#> ran:' comes before any input line; annotations belong under the line they describe")
        #expect(!SessionFileError(source: "s", reason: .unreadable("no such file")).description.contains("\n"))
    }

    @Test func invalidUTF8NamesItsLine() {
        var bytes = Array("# k1 session v1\nget pods\n".utf8)
        bytes += [0x67, 0x65, 0x74, 0x20, 0xC3, 0x28, 0x0A]
        bytes += Array("get nodes\n".utf8)
        #expect(throws: SessionFileError(source: "x.k1", line: 3, reason: .invalidUTF8)) {
            try SessionFileParser.parse(Data(bytes), source: "x.k1")
        }
    }
}
