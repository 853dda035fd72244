import Foundation
import Testing

/// Under CI (`CI=true`) every end-to-end prerequisite must be present: the suites that need one are skipped when it
/// is missing, and a skipped suite must not pass for a tested one. Outside CI this suite does not run.
@Suite("CI: end-to-end prerequisites", .enabled(if: ProcessInfo.processInfo.environment["CI"] == "true",
                                                 "only under CI=true"))
struct CIPrerequisiteTests {
    @Test("kubectl, python3, tmux and the built k1 are there")
    func hostTools() {
        #expect(HostTools.kubectl != nil, "kubectl is not on PATH")
        #expect(HostTools.python3 != nil, "python3 is not on PATH")
        #expect(HostTools.tmux != nil, "tmux is not on PATH")
        #expect(K1Binary.isAvailable, "no k1 binary at \(K1Binary.path): run swift build")
    }

    @Test("the small model and llama-server are there (K1_TEST_GGUF, K1_LLAMA_SERVER)")
    func model() {
        #expect(ModelPrerequisites.gguf != nil, "K1_TEST_GGUF does not name a file: run ./bootstrap test")
        #expect(ModelPrerequisites.server != nil, "K1_LLAMA_SERVER is not an executable: run ./bootstrap test")
    }
}
