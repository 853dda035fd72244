import Foundation
import KubectlKit

/// What a server-side dry run said about a suggestion (``DryRunPreview``).
public struct PreviewResult: Sendable, Equatable {
    /// What happened.
    public enum Outcome: Sendable, Equatable {
        /// The server accepted it; these objects would change (`pod/web-1`), by this verb (`delete`).
        case objects(verb: String, [String])
        /// `scale`: the object, the current replicas and the asked ones.
        case scale(String, from: String, to: String)
        /// The server accepted it but it selects nothing.
        case nothingMatches
        /// The server (or kubectl) rejected it; its own first line.
        case rejected(String)
        /// The verb has no dry run (`exec`), or the line cannot have one (a pipeline).
        case unsupported(String)
        /// No answer within the deadline.
        case timedOut(Duration)
        /// Cancelled with Ctrl-C or Esc.
        case cancelled
    }

    /// What happened.
    public var outcome: Outcome
    /// Wall time of the dry run in milliseconds (0 when nothing ran).
    public var milliseconds: Double

    /// Creates a result.
    public init(_ outcome: Outcome, milliseconds: Double) {
        self.outcome = outcome
        self.milliseconds = milliseconds
    }

    /// The objects the dry run says would change, when it said.
    public var objects: [String]? {
        switch outcome {
        case .objects(_, let objects): objects
        case .scale(let object, _, _): [object]
        case .nothingMatches: []
        default: nil
        }
    }

    /// `2 pods`, `1 deployment`, `3 objects` for the risk label; nil when the dry run did not say.
    public var countText: String? {
        guard let objects else { return nil }
        let types = Set(objects.map { object -> String in
            let word = object.split(separator: "/").first.map(String.init) ?? ""
            return word.split(separator: ".").first.map(String.init) ?? word
        })
        let type = types.count == 1 ? types.first.flatMap { ResourceCatalog.lookup($0) } : nil
        let noun = objects.count == 1 ? (type?.singular ?? "object") : (type?.plural ?? "objects")
        return "\(objects.count) \(noun)"
    }

    /// Whether the line is a warning (⚠).
    public var isWarning: Bool {
        switch outcome {
        case .rejected, .timedOut: true
        default: false
        }
    }

    /// The line printed under the preview line: `would delete: pod/web-1, pod/worker-5c8d-abcde`.
    public var line: String {
        switch outcome {
        case .objects(let verb, let objects):
            let shown = objects.prefix(8).joined(separator: ", ") + (objects.count > 8 ? ", … (\(objects.count) in all)" : "")
            return objects.count == 1 ? "would \(verb) \(shown)" : "would \(verb): \(shown)"
        case .scale(let object, let from, let to):
            return "would scale \(object): \(from) → \(to)"
        case .nothingMatches:
            return "nothing matches"
        case .rejected(let message):
            return "⚠ the server rejects it: \(message)"
        case .unsupported(let verb):
            return "no preview for \(verb)"
        case .timedOut(let limit):
            return "preview: no answer in \(Self.seconds(limit))"
        case .cancelled:
            return "preview cancelled"
        }
    }

    /// `2 s`, `0.5 s`.
    static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
