/// The built-in resource types of a standard Kubernetes 1.32 cluster and name lookups.
public enum ResourceCatalog {
    /// Every built-in type, in `kubectl api-resources` order (core group first).
    public static let all: [ResourceType] = [
        // Core group (v1).
        ResourceType(plural: "bindings", singular: "binding", kind: "Binding", namespaced: true),
        ResourceType(plural: "componentstatuses", singular: "componentstatus", shortNames: ["cs"], kind: "ComponentStatus", namespaced: false),
        ResourceType(plural: "configmaps", singular: "configmap", shortNames: ["cm"], kind: "ConfigMap", namespaced: true),
        ResourceType(plural: "endpoints", singular: "endpoints", shortNames: ["ep"], kind: "Endpoints", namespaced: true),
        ResourceType(plural: "events", singular: "event", shortNames: ["ev"], kind: "Event", namespaced: true),
        ResourceType(plural: "limitranges", singular: "limitrange", shortNames: ["limits"], kind: "LimitRange", namespaced: true),
        ResourceType(plural: "namespaces", singular: "namespace", shortNames: ["ns"], kind: "Namespace", namespaced: false),
        ResourceType(plural: "nodes", singular: "node", shortNames: ["no"], kind: "Node", namespaced: false),
        ResourceType(plural: "persistentvolumeclaims", singular: "persistentvolumeclaim", shortNames: ["pvc"], kind: "PersistentVolumeClaim", namespaced: true),
        ResourceType(plural: "persistentvolumes", singular: "persistentvolume", shortNames: ["pv"], kind: "PersistentVolume", namespaced: false),
        ResourceType(plural: "pods", singular: "pod", shortNames: ["po"], kind: "Pod", namespaced: true),
        ResourceType(plural: "podtemplates", singular: "podtemplate", kind: "PodTemplate", namespaced: true),
        ResourceType(plural: "replicationcontrollers", singular: "replicationcontroller", shortNames: ["rc"], kind: "ReplicationController", namespaced: true),
        ResourceType(plural: "resourcequotas", singular: "resourcequota", shortNames: ["quota"], kind: "ResourceQuota", namespaced: true),
        ResourceType(plural: "secrets", singular: "secret", kind: "Secret", namespaced: true),
        ResourceType(plural: "serviceaccounts", singular: "serviceaccount", shortNames: ["sa"], kind: "ServiceAccount", namespaced: true),
        ResourceType(plural: "services", singular: "service", shortNames: ["svc"], kind: "Service", namespaced: true),
        // admissionregistration.k8s.io/v1
        ResourceType(plural: "mutatingwebhookconfigurations", singular: "mutatingwebhookconfiguration", kind: "MutatingWebhookConfiguration", group: "admissionregistration.k8s.io", namespaced: false),
        ResourceType(plural: "validatingadmissionpolicies", singular: "validatingadmissionpolicy", kind: "ValidatingAdmissionPolicy", group: "admissionregistration.k8s.io", namespaced: false),
        ResourceType(plural: "validatingadmissionpolicybindings", singular: "validatingadmissionpolicybinding", kind: "ValidatingAdmissionPolicyBinding", group: "admissionregistration.k8s.io", namespaced: false),
        ResourceType(plural: "validatingwebhookconfigurations", singular: "validatingwebhookconfiguration", kind: "ValidatingWebhookConfiguration", group: "admissionregistration.k8s.io", namespaced: false),
        // apiextensions.k8s.io/v1
        ResourceType(plural: "customresourcedefinitions", singular: "customresourcedefinition", shortNames: ["crd", "crds"], kind: "CustomResourceDefinition", group: "apiextensions.k8s.io", namespaced: false),
        // apiregistration.k8s.io/v1
        ResourceType(plural: "apiservices", singular: "apiservice", kind: "APIService", group: "apiregistration.k8s.io", namespaced: false),
        // apps/v1
        ResourceType(plural: "controllerrevisions", singular: "controllerrevision", kind: "ControllerRevision", group: "apps", namespaced: true),
        ResourceType(plural: "daemonsets", singular: "daemonset", shortNames: ["ds"], kind: "DaemonSet", group: "apps", namespaced: true),
        ResourceType(plural: "deployments", singular: "deployment", shortNames: ["deploy"], kind: "Deployment", group: "apps", namespaced: true),
        ResourceType(plural: "replicasets", singular: "replicaset", shortNames: ["rs"], kind: "ReplicaSet", group: "apps", namespaced: true),
        ResourceType(plural: "statefulsets", singular: "statefulset", shortNames: ["sts"], kind: "StatefulSet", group: "apps", namespaced: true),
        // authentication.k8s.io/v1
        ResourceType(plural: "selfsubjectreviews", singular: "selfsubjectreview", kind: "SelfSubjectReview", group: "authentication.k8s.io", namespaced: false),
        ResourceType(plural: "tokenreviews", singular: "tokenreview", kind: "TokenReview", group: "authentication.k8s.io", namespaced: false),
        // authorization.k8s.io/v1
        ResourceType(plural: "localsubjectaccessreviews", singular: "localsubjectaccessreview", kind: "LocalSubjectAccessReview", group: "authorization.k8s.io", namespaced: true),
        ResourceType(plural: "selfsubjectaccessreviews", singular: "selfsubjectaccessreview", kind: "SelfSubjectAccessReview", group: "authorization.k8s.io", namespaced: false),
        ResourceType(plural: "selfsubjectrulesreviews", singular: "selfsubjectrulesreview", kind: "SelfSubjectRulesReview", group: "authorization.k8s.io", namespaced: false),
        ResourceType(plural: "subjectaccessreviews", singular: "subjectaccessreview", kind: "SubjectAccessReview", group: "authorization.k8s.io", namespaced: false),
        // autoscaling/v2
        ResourceType(plural: "horizontalpodautoscalers", singular: "horizontalpodautoscaler", shortNames: ["hpa"], kind: "HorizontalPodAutoscaler", group: "autoscaling", version: "v2", namespaced: true),
        // batch/v1
        ResourceType(plural: "cronjobs", singular: "cronjob", shortNames: ["cj"], kind: "CronJob", group: "batch", namespaced: true),
        ResourceType(plural: "jobs", singular: "job", kind: "Job", group: "batch", namespaced: true),
        // certificates.k8s.io/v1
        ResourceType(plural: "certificatesigningrequests", singular: "certificatesigningrequest", shortNames: ["csr"], kind: "CertificateSigningRequest", group: "certificates.k8s.io", namespaced: false),
        // coordination.k8s.io/v1
        ResourceType(plural: "leases", singular: "lease", kind: "Lease", group: "coordination.k8s.io", namespaced: true),
        // discovery.k8s.io/v1
        ResourceType(plural: "endpointslices", singular: "endpointslice", kind: "EndpointSlice", group: "discovery.k8s.io", namespaced: true),
        // events.k8s.io/v1 (the core `events` wins for unqualified names)
        ResourceType(plural: "events", singular: "event", shortNames: ["ev"], kind: "Event", group: "events.k8s.io", namespaced: true),
        // flowcontrol.apiserver.k8s.io/v1
        ResourceType(plural: "flowschemas", singular: "flowschema", kind: "FlowSchema", group: "flowcontrol.apiserver.k8s.io", namespaced: false),
        ResourceType(plural: "prioritylevelconfigurations", singular: "prioritylevelconfiguration", kind: "PriorityLevelConfiguration", group: "flowcontrol.apiserver.k8s.io", namespaced: false),
        // networking.k8s.io/v1
        ResourceType(plural: "ingressclasses", singular: "ingressclass", kind: "IngressClass", group: "networking.k8s.io", namespaced: false),
        ResourceType(plural: "ingresses", singular: "ingress", shortNames: ["ing"], kind: "Ingress", group: "networking.k8s.io", namespaced: true),
        ResourceType(plural: "networkpolicies", singular: "networkpolicy", shortNames: ["netpol"], kind: "NetworkPolicy", group: "networking.k8s.io", namespaced: true),
        // node.k8s.io/v1
        ResourceType(plural: "runtimeclasses", singular: "runtimeclass", kind: "RuntimeClass", group: "node.k8s.io", namespaced: false),
        // policy/v1
        ResourceType(plural: "poddisruptionbudgets", singular: "poddisruptionbudget", shortNames: ["pdb"], kind: "PodDisruptionBudget", group: "policy", namespaced: true),
        // rbac.authorization.k8s.io/v1
        ResourceType(plural: "clusterrolebindings", singular: "clusterrolebinding", kind: "ClusterRoleBinding", group: "rbac.authorization.k8s.io", namespaced: false),
        ResourceType(plural: "clusterroles", singular: "clusterrole", kind: "ClusterRole", group: "rbac.authorization.k8s.io", namespaced: false),
        ResourceType(plural: "rolebindings", singular: "rolebinding", kind: "RoleBinding", group: "rbac.authorization.k8s.io", namespaced: true),
        ResourceType(plural: "roles", singular: "role", kind: "Role", group: "rbac.authorization.k8s.io", namespaced: true),
        // scheduling.k8s.io/v1
        ResourceType(plural: "priorityclasses", singular: "priorityclass", shortNames: ["pc"], kind: "PriorityClass", group: "scheduling.k8s.io", namespaced: false),
        // storage.k8s.io/v1
        ResourceType(plural: "csidrivers", singular: "csidriver", kind: "CSIDriver", group: "storage.k8s.io", namespaced: false),
        ResourceType(plural: "csinodes", singular: "csinode", kind: "CSINode", group: "storage.k8s.io", namespaced: false),
        ResourceType(plural: "csistoragecapacities", singular: "csistoragecapacity", kind: "CSIStorageCapacity", group: "storage.k8s.io", namespaced: true),
        ResourceType(plural: "storageclasses", singular: "storageclass", shortNames: ["sc"], kind: "StorageClass", group: "storage.k8s.io", namespaced: false),
        ResourceType(plural: "volumeattachments", singular: "volumeattachment", kind: "VolumeAttachment", group: "storage.k8s.io", namespaced: false),
    ]

    /// Resolves a resource word as kubectl does for built-in types.
    ///
    /// Accepts the plural, singular, short names and kind in any letter case
    /// (`pods`, `pod`, `po`, `Pod`), and the qualified forms `name.group` and
    /// `name.version.group` (`deployments.apps`, `deploy.apps`, `deployments.v1.apps`).
    /// Returns nil for words that name no built-in type, such as custom resources.
    public static func lookup(_ word: String) -> ResourceType? {
        if let type = byName[word] { return type }
        let lowered = word.lowercased()
        if let type = byName[lowered] { return type }
        guard let dot = lowered.firstIndex(of: ".") else { return nil }
        let name = String(lowered[..<dot])
        let rest = lowered[lowered.index(after: dot)...]
        guard !rest.isEmpty else { return byName[name] }
        for type in all where type.matches(name) {
            if rest == type.group || rest == type.version + "." + type.group
                || (type.group.isEmpty && rest == type.version) {
                return type
            }
        }
        return nil
    }

    /// `pods`, the type implied by `logs`, `exec`, `attach`, `port-forward`, `cp` and `run`.
    static let pods: ResourceType? = lookup("pods")

    /// Every name a type answers to, lowercased, mapped to the first type that claims it.
    static let byName: [String: ResourceType] = {
        var index: [String: ResourceType] = [:]
        for type in all {
            for name in type.names where index[name] == nil {
                index[name] = type
            }
        }
        return index
    }()
}

extension ResourceType {
    /// The lowercased names this type answers to: plural, singular, short names and kind.
    var names: [String] {
        [plural, singular] + shortNames + [kind.lowercased()]
    }

    /// Whether `name` (lowercased) is one of the type's names.
    func matches(_ name: String) -> Bool {
        plural == name || singular == name || kind.lowercased() == name || shortNames.contains(name)
    }
}
