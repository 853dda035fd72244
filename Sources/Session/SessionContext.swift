import Foundation

/// What the session knows about where the user is working, updated from every command they run.
/// It is injected into `?` prompts and drives `-n`/`--context` injection and completion.
public struct SessionContext: Sendable, Equatable, Codable {
    /// The session namespace set with `:ns` (k1 adds `-n` to kubectl lines that do not name one). Nil: kubeconfig's.
    public var namespace: String?
    /// The session kube context set with `:ctx` (k1 adds `--context`). Nil: kubeconfig's current context.
    public var kubeContext: String?
    /// kubeconfig's current context and its namespace, as read at start-up (for display; never written).
    public var kubeconfigContext: String?
    /// The namespace kubeconfig's current context defaults to.
    public var kubeconfigNamespace: String?
    /// The namespace the last kubectl command worked in (its `-n`, or the session namespace).
    public var lastNamespace: String?
    /// The canonical plural resource type of the last command that named one (`pods`, `deployments`).
    public var lastResource: String?
    /// The object the user last focused on (`describe deploy/web`, `logs web-0`).
    public var selection: ObjectSelection?
    /// The objects shown by the last `get` listing, with their status.
    public var listing: Listing?
    /// The last command, when it failed (see ``FailureTracker``).
    public var lastFailure: FailedCommand?

    /// An empty context.
    public init(namespace: String? = nil, kubeContext: String? = nil, kubeconfigContext: String? = nil,
                kubeconfigNamespace: String? = nil, lastNamespace: String? = nil, lastResource: String? = nil,
                selection: ObjectSelection? = nil, listing: Listing? = nil) {
        self.namespace = namespace
        self.kubeContext = kubeContext
        self.kubeconfigContext = kubeconfigContext
        self.kubeconfigNamespace = kubeconfigNamespace
        self.lastNamespace = lastNamespace
        self.lastResource = lastResource
        self.selection = selection
        self.listing = listing
    }

    /// The context kubectl will use: the session's, else kubeconfig's.
    public var effectiveContext: String? { kubeContext ?? kubeconfigContext }
    /// The namespace kubectl will use when a line names none: the session's, else kubeconfig's.
    public var effectiveNamespace: String? { namespace ?? kubeconfigNamespace }
}

/// One object the user focused on.
public struct ObjectSelection: Sendable, Equatable, Codable {
    /// Canonical plural resource type (`pods`), or the word as typed for unknown types.
    public var resource: String
    /// Object name.
    public var name: String
    /// Its namespace, when known.
    public var namespace: String?

    /// Creates a selection.
    public init(resource: String, name: String, namespace: String? = nil) {
        self.resource = resource
        self.name = name
        self.namespace = namespace
    }
}

/// The objects a `get` listing showed.
public struct Listing: Sendable, Equatable, Codable {
    /// Canonical plural resource type when the listing had one type.
    public var resource: String?
    /// The namespace listed (nil for cluster-scoped or all-namespaces listings).
    public var namespace: String?
    /// The kubectl command that produced it.
    public var command: String
    /// The rows, in order.
    public var objects: [ListedObject]

    /// Creates a listing.
    public init(resource: String?, namespace: String?, command: String, objects: [ListedObject]) {
        self.resource = resource
        self.namespace = namespace
        self.command = command
        self.objects = objects
    }
}

/// One row of a listing.
public struct ListedObject: Sendable, Equatable, Codable {
    /// Object name (without a `type/` prefix).
    public var name: String
    /// Its namespace (from a NAMESPACE column or the listing's namespace).
    public var namespace: String?
    /// Canonical plural resource type, when known.
    public var resource: String?
    /// The status columns as shown (`STATUS`, `READY`, `RESTARTS`, `AGE`, …), upper-case header → cell.
    public var columns: [String: String]
    /// false when the row looks unhealthy (CrashLoopBackOff, 0/1 ready, NotReady…), true when healthy, nil when unknown.
    public var healthy: Bool?

    /// Creates a row.
    public init(name: String, namespace: String? = nil, resource: String? = nil, columns: [String: String] = [:],
                healthy: Bool? = nil) {
        self.name = name
        self.namespace = namespace
        self.resource = resource
        self.columns = columns
        self.healthy = healthy
    }
}
