import Foundation
import Support
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The process runner keeps its deadline and its cancellation while every thread Swift concurrency shares is blocked.
/// Here rather than in SupportTests: these tests block those threads for seconds, which the timeout tests of the
/// in-process suites running beside them would feel; the end-to-end suites run one at a time.
@Suite("Process runner while Swift concurrency's threads are all blocked", .serialized)
struct ProcessRunnerBlockedPoolTests {
    @Test("The deadline stops the child on time even while every shared thread is blocked")
    func deadlineWhilePoolBlocked() async throws {
        let (started, starting) = AsyncStream<Int32>.makeStream()
        let run = Task {
            try await Support.ProcessRunner.run(ProcessCommand("/bin/sh", arguments: ["-c", "sleep 2; exit 0"],
                                                       deadline: .milliseconds(500), onStart: { starting.yield($0) }))
        }
        for await _ in started { break }
        // Without a thread of its own, the runner's timer would wait for these and the child would exit 0 first.
        for _ in 0..<ProcessInfo.processInfo.activeProcessorCount {
            Task.detached { usleep(3_000_000) }
        }
        let result = try await run.value
        #expect(result.timedOut)
        #expect(result.termination == .signaled(SIGTERM))
    }

    @Test("Cancelling the caller stops the child at once even while every shared thread is blocked")
    func cancellationWhilePoolBlocked() async throws {
        let (started, starting) = AsyncStream<Int32>.makeStream()
        let run = Task {
            try await Support.ProcessRunner.run(ProcessCommand("/bin/sh", arguments: ["-c", "sleep 2; exit 0"],
                                                       onStart: { starting.yield($0) }))
        }
        for await _ in started { break }
        run.cancel()
        // swift-subprocess's own teardown would wait for these, and the child would exit 0 first.
        for _ in 0..<ProcessInfo.processInfo.activeProcessorCount {
            Task.detached { usleep(3_000_000) }
        }
        let result = try await run.value
        #expect(!result.timedOut)
        #expect(result.termination == .signaled(SIGTERM))
    }
}
