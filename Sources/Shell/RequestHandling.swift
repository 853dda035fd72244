import Session

/// A command proposed for a `?` request, with the line shown above it.
public struct Suggestion: Sendable, Equatable {
    /// The command to pre-fill.
    public var command: String
    /// The context it was made for (for learning from edits).
    public var context: SessionContext

    /// Creates a suggestion.
    public init(command: String, context: SessionContext) {
        self.command = command
        self.context = context
    }
}

/// Turns `?` requests into suggestions (shows progress and the preview line itself) and learns from edits.
public protocol RequestHandling: Sendable {
    /// Returns a suggestion, or nil after printing a one-line reason (cancelled, no backend, no command…).
    func suggest(request: String, context: SessionContext) async -> Suggestion?
    /// Records that the user edited the suggestion for `request` into `command` before running it.
    func learn(request: String, context: SessionContext, command: String)
    /// The edit line at a pause in typing, before Enter: a handler may start on a `?` request ahead of time. Returns
    /// at once.
    func typing(_ line: String, context: SessionContext)
    /// Drops any work started by ``typing(_:context:)`` (the line was cancelled).
    func cancelTyping()
}

extension RequestHandling {
    /// Does nothing: this handler starts no work ahead of Enter.
    public func typing(_ line: String, context: SessionContext) {}
    /// Does nothing: this handler starts no work ahead of Enter.
    public func cancelTyping() {}
}
