import Foundation
import KubectlKit

/// The field selectors the API server accepts: kubectl passes any `--field-selector` through, and the server rejects
/// keys it does not know for the type (`status.phase!=Ready` on nodes is a 400 BadRequest). The keys come from
/// ``FieldSelectorKeys``; this adds the phase values, which the server accepts but which then match nothing. Pure.
enum FieldSelectorCheck {
    /// The values `status.phase` can take, per type.
    static let phases: [String: Set<String>] = [
        "pods": ["Pending", "Running", "Succeeded", "Failed", "Unknown"],
        "namespaces": ["Active", "Terminating"],
    ]

    /// What is wrong with `command`'s field selector, or nil (also nil for types k1 does not know).
    static func issue(in command: KubectlCommand) -> ValidationIssue? {
        guard let selector = command.fieldSelector, let type = selectedType(command) else { return nil }
        for term in FieldSelectorKeys.terms(of: selector) {
            let key = term.key.trimmingCharacters(in: .whitespaces)
            let value = term.value.trimmingCharacters(in: .whitespaces)
            if !FieldSelectorKeys.keys(for: type).contains(key) {
                return ValidationIssue(.fieldSelector, "the server rejects --field-selector \(key) on \(type.plural) "
                                           + "(it knows \(FieldSelectorKeys.keys(for: type).joined(separator: ", ")))")
            }
            if key == "status.phase", let values = phases[type.plural], !values.contains(value) {
                return ValidationIssue(.fieldSelector, "\(value) is not a \(type.plural) phase "
                                           + "(\(values.sorted().joined(separator: ", "))); the selector matches nothing")
            }
        }
        return nil
    }

    /// The type the selector applies to: the command's resource, or events for `kubectl events`.
    private static func selectedType(_ command: KubectlCommand) -> ResourceType? {
        if let type = command.resource { return type }
        return command.verb == "events" ? ResourceCatalog.lookup("events") : nil
    }
}
