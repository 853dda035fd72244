import Foundation
import HTTP

/// The llama-server k1 starts and stops itself, as the backends see it. `ManagedServer` conforms.
public protocol ManagedServerProviding: Sendable {
    /// Starts the server if it is not running and waits until its model is loaded.
    /// - Returns: its base URL (loopback).
    func ensureRunning() async throws(LLMError) -> URL
    /// Stops the server (if anything is left of it) and starts it again, waiting until it is ready.
    /// - Returns: its base URL (loopback).
    func restart() async throws(LLMError) -> URL
    /// Records that the server was just used, pushing back its idle stop.
    func noteUsed()
    /// The model the server runs, as shown to the user and used in cache keys.
    var modelName: String { get }
    /// Called after a request whose prompt had `promptTokens` tokens (read or reused), so the server can keep its
    /// prompt cache for its next start.
    func promptCacheFilled(promptTokens: Int) async
    /// True when no saved prompt cache exists for this server yet, so a warm-up should come first to create one.
    var needsPromptSnapshot: Bool { get }
}

extension ManagedServerProviding {
    /// Keeps nothing.
    public func promptCacheFilled(promptTokens: Int) async {}
    /// Never asks for a warm-up.
    public var needsPromptSnapshot: Bool { false }
}
