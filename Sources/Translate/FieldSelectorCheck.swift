import KubectlKit

/// The field selectors the API server accepts, per type: kubectl passes any `--field-selector` through, and the
/// server rejects the rest (`status.phase!=Ready` on nodes is a 400 BadRequest). Pure.
enum FieldSelectorCheck {
    /// Fields every type accepts.
    static let common: Set<String> = ["metadata.name", "metadata.namespace"]

    /// The extra fields of the types that have some (from the API server's field label conversions).
    static let fields: [String: Set<String>] = [
        "pods": ["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
                 "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"],
        "nodes": ["spec.unschedulable"],
        "events": ["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                   "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
                   "reportingComponent", "source", "type"],
        "namespaces": ["status.phase"],
        "secrets": ["type"],
        "replicasets": ["status.replicas"],
        "replicationcontrollers": ["status.replicas"],
        "jobs": ["status.successful"],
        "certificatesigningrequests": ["spec.signerName"],
    ]

    /// The values `status.phase` can take, per type.
    static let phases: [String: Set<String>] = [
        "pods": ["Pending", "Running", "Succeeded", "Failed", "Unknown"],
        "namespaces": ["Active", "Terminating"],
    ]

    /// What is wrong with `command`'s field selector, or nil (also nil for types k1 does not know).
    static func issue(in command: KubectlCommand) -> ValidationIssue? {
        guard let selector = command.fieldSelector, let type = command.resource?.canonicalName else { return nil }
        let known = common.union(fields[type] ?? [])
        for clause in selector.split(separator: ",") {
            let text = String(clause).replacingOccurrences(of: "!=", with: "=").replacingOccurrences(of: "==", with: "=")
            let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let field = parts.first, !field.isEmpty else { continue }
            if !known.contains(field) {
                return ValidationIssue(.fieldSelector, "the server rejects --field-selector \(field) on \(type) "
                                           + "(it knows \(known.sorted().joined(separator: ", ")))")
            }
            if field == "status.phase", parts.count == 2, let values = phases[type], !values.contains(parts[1]) {
                return ValidationIssue(.fieldSelector, "\(parts[1]) is not a \(type) phase (\(values.sorted().joined(separator: ", "))); "
                                           + "the selector matches nothing")
            }
        }
        return nil
    }
}
