import Foundation
import Testing

/// Under CI (`CI=true`) the real-server suites must run: a missing llama-server or small model fails here instead of
/// silently skipping them. Outside CI this suite does not run.
@Suite("CI: real llama-server prerequisites", .enabled(if: ProcessInfo.processInfo.environment["CI"] == "true",
                                                        "only under CI=true"))
struct CIPrerequisiteTests {
    @Test("llama-server and the small GGUF are there for the live suites")
    func liveServer() {
        #expect(RealLlamaServer.available, "llama-server (k1 venv or K1_TEST_LLAMA_SERVER) or K1_TEST_GGUF is missing")
        #expect(LiveServer.available, "llama-server (k1 setup) or the smollm2-135m GGUF is missing")
    }
}
