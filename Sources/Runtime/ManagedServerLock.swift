import Foundation
import Support
import HTTP

/// An inter-process lock (`flock` on a side file) taken without blocking a concurrency thread: it polls.
/// Each instance opens its own file description, so two instances exclude each other even in one process.
final class ManagedServerLock: Sendable {
    private let lock: FileLock

    /// Opens (creating) the lock file.
    init(_ url: URL) throws(LLMError) {
        do { lock = try FileLock(url) } catch {
            throw LLMError(.notWritable(path: url.path), "cannot create the lock file \(url.path) (\(error.reason)): check that \(url.deletingLastPathComponent().path) is writable")
        }
    }

    /// Waits up to `timeout` for the lock. Returns false on timeout or cancellation.
    func acquire(timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while !lock.tryLock() {
            if clock.now >= deadline || Task.isCancelled { return false }
            try? await Task.sleep(for: .milliseconds(25))
        }
        return true
    }

    /// Releases the lock.
    func release() { lock.unlock() }

    /// Runs `body` holding the lock.
    /// - Throws: `busy` when the lock could not be taken in time, or what `body` throws.
    func withLock<T: Sendable>(timeout: Duration, busy: LLMError,
                               _ body: () async throws(LLMError) -> T) async throws(LLMError) -> T {
        guard await acquire(timeout: timeout) else { throw busy }
        defer { release() }
        return try await body()
    }
}
