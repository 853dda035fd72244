import Foundation
import Support

/// The key of a cached answer: a stable hash of everything the answer depends on — the normalised request, the
/// context fields the prompt showed, the model and the prompt version. A different namespace, selection, listing,
/// model or prompt never hits another's answer; letter case, spacing and trailing punctuation of the request do not
/// matter.
public struct AnswerCacheKey: Sendable, Hashable, CustomStringConvertible {
    /// 32 hex digits.
    public let value: String

    /// Wraps a stored key.
    public init(value: String) { self.value = value }

    /// Computes the key.
    public init(request: String, contextFields: [String: String], model: String, promptVersion: String) {
        self.value = StableHash.hex(Self.material(request: request, contextFields: contextFields, model: model,
                                                  promptVersion: promptVersion))
    }

    /// The exact string that is hashed: every part length-prefixed so no two inputs run together.
    public static func material(request: String, contextFields: [String: String], model: String, promptVersion: String) -> String {
        var parts = ["k1-cache-1", normaliseRequest(request), model, promptVersion]
        for name in contextFields.keys.sorted() {
            parts.append(name)
            parts.append(contextFields[name] ?? "")
        }
        return parts.map { "\($0.utf8.count):\($0)" }.joined()
    }

    /// Lowercased, whitespace folded, a leading `?` and trailing punctuation removed: `  Show PODS?? ` → `show pods`.
    public static func normaliseRequest(_ request: String) -> String {
        var text = request.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if text.hasPrefix("?") { text = String(text.dropFirst()).trimmingCharacters(in: .whitespaces) }
        while let last = text.last, ".?!,;:".contains(last) || last == " " { text.removeLast() }
        return text
    }

    public var description: String { value }
}
