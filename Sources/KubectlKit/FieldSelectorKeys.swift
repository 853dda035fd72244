/// The `--field-selector` keys an API server accepts for each built-in resource type, checked by hand against
/// Kubernetes' "Field Selectors" page and the API server's field label conversion functions. Every type accepts
/// `metadata.name` and `metadata.namespace`; any other key is rejected by the server with "is not a known field
/// selector".
///
/// ```swift
/// FieldSelectorKeys.supports("status.podIP", for: "pods")   // true
/// FieldSelectorKeys.supports("status.phase", for: "nodes")  // false
/// ```
public enum FieldSelectorKeys {
    /// Keys every type accepts.
    public static let common: [String] = ["metadata.name", "metadata.namespace"]

    /// The keys beyond ``common``, by the type's plural name.
    public static let byType: [String: [String]] = [
        "pods": [
            "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "spec.hostNetwork",
            "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName",
        ],
        "nodes": ["spec.unschedulable"],
        "events": [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
            "reportingComponent", "source", "type",
        ],
        "secrets": ["type"],
        "namespaces": ["status.phase"],
        "replicasets": ["status.replicas"],
        "replicationcontrollers": ["status.replicas"],
        "jobs": ["status.successful"],
        "services": ["spec.clusterIP"],
        "certificatesigningrequests": ["spec.signerName"],
    ]

    /// Every key `type` accepts, ``common`` first.
    public static func keys(for type: ResourceType) -> [String] {
        common + (byType[type.plural] ?? [])
    }

    /// Whether the API server accepts `key` in a field selector for the type named `typeWord` (any spelling
    /// ``ResourceCatalog`` knows). Unknown types (custom resources) are given the benefit of the doubt.
    public static func supports(_ key: String, for typeWord: String) -> Bool {
        guard let type = ResourceCatalog.lookup(typeWord) else { return true }
        return keys(for: type).contains(key)
    }

    /// The key and value of each term of a field selector (`status.phase!=Running,spec.nodeName=n1`), with the
    /// operator (`=`, `==` or `!=`).
    public static func terms(of selector: String) -> [(key: String, op: String, value: String)] {
        selector.split(separator: ",").compactMap { term in
            let text = Array(term)
            guard let equals = text.firstIndex(of: "=") else { return nil }
            if equals > 0, text[equals - 1] == "!" {
                return (String(text[..<(equals - 1)]), "!=", String(text[(equals + 1)...]))
            }
            if equals + 1 < text.count, text[equals + 1] == "=" {
                return (String(text[..<equals]), "==", String(text[(equals + 2)...]))
            }
            return (String(text[..<equals]), "=", String(text[(equals + 1)...]))
        }
    }
}
