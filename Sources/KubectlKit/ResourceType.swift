/// A built-in Kubernetes resource type, as `kubectl api-resources` lists it.
public struct ResourceType: Sendable, Hashable, CustomStringConvertible {
    /// The plural resource name, e.g. `deployments`; kubectl's canonical spelling.
    public let plural: String
    /// The singular name, e.g. `deployment`.
    public let singular: String
    /// Short names, e.g. `deploy`.
    public let shortNames: [String]
    /// The kind, e.g. `Deployment`.
    public let kind: String
    /// The API group, e.g. `apps`; empty for the core group.
    public let group: String
    /// The preferred API version within the group, e.g. `v1`.
    public let version: String
    /// Whether objects of this type live in a namespace.
    public let namespaced: Bool

    /// Creates a resource type description.
    public init(
        plural: String,
        singular: String,
        shortNames: [String] = [],
        kind: String,
        group: String = "",
        version: String = "v1",
        namespaced: Bool
    ) {
        self.plural = plural
        self.singular = singular
        self.shortNames = shortNames
        self.kind = kind
        self.group = group
        self.version = version
        self.namespaced = namespaced
    }

    /// `plural.group` (`deployments.apps`), or the plural alone for the core group.
    public var qualifiedName: String { group.isEmpty ? plural : plural + "." + group }

    /// The `apiVersion` of objects of this type, e.g. `apps/v1` or `v1`.
    public var apiVersion: String { group.isEmpty ? version : group + "/" + version }

    /// The shortest spelling kubectl resolves to this type without ambiguity
    /// (`plural`, or `plural.group` when another type shares the plural).
    public var canonicalName: String {
        ResourceCatalog.lookup(plural) == self ? plural : qualifiedName
    }

    /// The qualified name, e.g. `deployments.apps`.
    public var description: String { qualifiedName }
}
