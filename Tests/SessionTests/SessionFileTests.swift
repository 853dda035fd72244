import Foundation
import Testing
import Session
import TestSupport

@Suite struct SessionFileTests {
    @Test func readsAFile() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("# k1 session v1\nget pods\n#> exit: 0\n", to: "s.k1")
        #expect(try SessionFile.read(url) == SessionFile(entries: [SessionEntry(lineNumber: 2, input: "get pods", exitStatus: 0)]))
    }

    @Test func missingFileIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let url = directory.file("nope.k1")
        #expect(throws: SessionFileError(source: url.path, reason: .unreadable("no such file"))) { try SessionFile.read(url) }
        do {
            _ = try SessionFile.read(url)
        } catch {
            #expect(error.description == "\(url.path): cannot read the session file (no such file)")
        }
    }

    @Test func directoryIsAClearError() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: SessionFileError(source: directory.url.path, reason: .unreadable("is a directory, not a file"))) {
            try SessionFile.read(directory.url)
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can read any file"))
    func unreadableFileIsAClearError() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write("get pods\n", to: "locked.k1")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: url.path)
        #expect(throws: SessionFileError(source: url.path, reason: .unreadable("permission denied"))) { try SessionFile.read(url) }
    }

    @Test func invalidUTF8InAFileNamesFileAndLine() throws {
        let directory = try TemporaryDirectory()
        let url = try directory.write(Array("get pods\n".utf8) + [0xFF, 0x0A], to: "bin.k1")
        #expect(throws: SessionFileError(source: url.path, line: 2, reason: .invalidUTF8)) { try SessionFile.read(url) }
    }
}
