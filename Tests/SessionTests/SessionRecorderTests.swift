import Foundation
import Support
import Testing
import Session
import TestSupport

@Suite struct SessionRecorderTests {
    @Test func recordsEntriesThatParseBack() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("sessions/today.k1")
        let recorder = try SessionRecorder(url: url)
        #expect(try directory.contents("sessions/today.k1") == "# k1 session v1\n")
        recorder.record(input: ":ns shop")
        recorder.record(input: "get pods", ran: "kubectl get pods -n shop", exitStatus: 0)
        // Written through at once, before the recorder is closed.
        #expect(try directory.contents("sessions/today.k1").hasSuffix("get pods\n#> ran: kubectl get pods -n shop\n#> exit: 0\n"))
        recorder.record(input: "?delete the failing ones", ran: "kubectl delete pod web-1 -n shop", exitStatus: 0,
                            answer: "kubectl delete pod web-1 -n shop")
        recorder.record(input: "?delete all namespaces", answer: "kubectl delete ns --all", skipped: "declined",
                            notes: ["refused twice"])
        recorder.close()
        let file = try SessionFile.read(url)
        #expect(file.entries == [
            SessionEntry(lineNumber: 2, input: ":ns shop"),
            SessionEntry(lineNumber: 3, input: "get pods", ran: "kubectl get pods -n shop", exitStatus: 0),
            SessionEntry(lineNumber: 6, input: "?delete the failing ones", ran: "kubectl delete pod web-1 -n shop", exitStatus: 0,
                         answer: "kubectl delete pod web-1 -n shop"),
            SessionEntry(lineNumber: 10, input: "?delete all namespaces", answer: "kubectl delete ns --all", skipped: "declined",
                         notes: ["refused twice"]),
        ])
    }

    @Test func continuesAnExistingSession() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("# k1 session v1\nget pods\n#> exit: 0", to: "s.k1")
        do {
            let recorder = try SessionRecorder(url: url)
            recorder.record(input: "get nodes", ran: "kubectl get nodes", exitStatus: 0)
        }
        #expect(try directory.contents("s.k1") == "# k1 session v1\nget pods\n#> exit: 0\nget nodes\n#> ran: kubectl get nodes\n#> exit: 0\n")
        #expect(try SessionFile.read(url).entries.map(\.input) == ["get pods", "get nodes"])
    }

    @Test func emptyExistingFileGetsTheHeader() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("", to: "s.k1")
        let recorder = try SessionRecorder(url: url)
        recorder.record(input: "get pods")
        #expect(try directory.contents("s.k1") == "# k1 session v1\nget pods\n")
    }

    @Test(arguments: [
        "get pods\n#> colour: blue\n",
        "#!/bin/sh\necho hello\n",
        "get pods\n",
    ])
    func refusesToAppendToSomethingElse(_ text: String) throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(text, to: "notes.txt")
        #expect(throws: FileError.self) { try SessionRecorder(url: url) }
        #expect(try directory.contents("notes.txt") == text)
    }

    @Test func recordingAfterCloseDoesNothing() throws {
        let directory = try TemporaryDirectory()
        let recorder = try SessionRecorder(url: directory.file("s.k1"))
        #expect(recorder.isRecording)
        recorder.close()
        #expect(!recorder.isRecording)
        recorder.record(input: "get pods")
        #expect(try directory.contents("s.k1") == "# k1 session v1\n")
        #expect(recorder.failure == nil)
    }

    @Test func recordsToADevice() throws {
        let recorder = try SessionRecorder(url: URL(fileURLWithPath: "/dev/null"))
        recorder.record(input: "get pods", ran: "kubectl get pods", exitStatus: 0)
        #expect(recorder.failure == nil)
    }

    @Test func failedHeaderWriteThrows() throws {
        #expect(throws: FileError.self) { try SessionRecorder(url: URL(fileURLWithPath: "/dev/full")) }
    }

    @Test func directoryIsRefused() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: FileError.self) { try SessionRecorder(url: directory.url) }
    }
}
