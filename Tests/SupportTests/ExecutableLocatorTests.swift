import Foundation
import Testing
@testable import Support

@Suite("Executable lookup in PATH")
struct ExecutableLocatorTests {
    @Test("A name is found in the first PATH directory that holds an executable file of that name")
    func found() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("k1-which-\(UUID().uuidString)")
        let first = root.appendingPathComponent("first"), second = root.appendingPathComponent("second")
        for directory in [first, second] { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        defer { try? FileManager.default.removeItem(at: root) }
        // Not executable in the first directory, a directory of that name in neither counts.
        _ = FileManager.default.createFile(atPath: first.appendingPathComponent("tool").path, contents: Data("x".utf8),
                                       attributes: [.posixPermissions: 0o644])
        try FileManager.default.createDirectory(at: first.appendingPathComponent("dir-tool"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: second.appendingPathComponent("tool").path, contents: Data("#!/bin/sh\n".utf8),
                                       attributes: [.posixPermissions: 0o755])
        let environment = ["PATH": "\(first.path)::\(second.path)/"]
        #expect(ExecutableLocator.locate("tool", environment: environment) == second.appendingPathComponent("tool").path)
        #expect(ExecutableLocator.locate("dir-tool", environment: environment) == nil)
    }

    @Test("A name not on PATH, an empty name and a path that is not executable are not found")
    func notFound() {
        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("k1-plain-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: plain.path, contents: Data("x".utf8), attributes: [.posixPermissions: 0o644])
        defer { try? FileManager.default.removeItem(at: plain) }
        #expect(ExecutableLocator.locate("k1-no-such-program-7c1e", environment: ["PATH": "/usr/bin:/bin"]) == nil)
        #expect(ExecutableLocator.locate("", environment: [:]) == nil)
        #expect(ExecutableLocator.locate(plain.path, environment: [:]) == nil)
        #expect(ExecutableLocator.locate("/bin", environment: [:]) == nil)
    }

    @Test("A path is taken as is; without PATH the default search path is used")
    func pathsAndDefault() {
        #expect(ExecutableLocator.locate("/bin/sh", environment: ["PATH": "/nonexistent"]) == "/bin/sh")
        #expect(ExecutableLocator.locate("sh", environment: [:]).map { $0.hasSuffix("/sh") } == true)
    }
}
