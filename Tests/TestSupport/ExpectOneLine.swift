import Testing

/// Checks that a failure reads as one line for the user: present, not empty, no line break, under 400 characters.
/// Failures are reported at the caller's `sourceLocation`.
public func expectOneLine(_ error: (some CustomStringConvertible)?, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error else {
        Issue.record("expected an error", sourceLocation: sourceLocation)
        return
    }
    let message = error.description
    #expect(!message.contains("\n"), "message spans lines: \(message)", sourceLocation: sourceLocation)
    #expect(!message.isEmpty, sourceLocation: sourceLocation)
    #expect(message.count < 400, "message too long: \(message)", sourceLocation: sourceLocation)
}
