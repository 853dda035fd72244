import Foundation

/// Why an end-to-end helper gave up, with what it saw, so a failing test explains itself.
enum E2EError: Error, CustomStringConvertible {
    /// A condition did not hold before the deadline; `screen` is the last thing captured.
    case timedOut(waitingFor: String, after: Duration, screen: String)
    /// A helper process could not be started or did not behave.
    case processFailed(String)

    var description: String {
        switch self {
        case let .timedOut(what, after, screen):
            "timed out after \(after) waiting for \(what); last screen:\n\(screen)"
        case let .processFailed(message):
            message
        }
    }
}
