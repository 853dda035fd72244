/// One row of `kubectl get` output.
public struct ListingRow: Sendable, Hashable {
    /// The type of the table the row belongs to, if known.
    public let resource: ResourceType?
    /// The `NAMESPACE` cell (`-A` output), or nil.
    public let namespace: String?
    /// The object's name without any `kind/` prefix (`web-0` for `pod/web-0`). Tables
    /// without a `NAME` column (default event listings) use the `OBJECT` cell, else the
    /// first cell.
    public let name: String
    /// Every cell by column header, exactly as printed (`<none>`, `<pending>`, empty).
    public let cells: [String: String]

    /// Creates a row.
    public init(resource: ResourceType?, namespace: String?, name: String, cells: [String: String]) {
        self.resource = resource
        self.namespace = namespace
        self.name = name
        self.cells = cells
    }

    /// The cell under a column, with `<none>`, `<unknown>` and empty cells as nil.
    public func value(_ column: String) -> String? {
        guard let cell = cells[column], !cell.isEmpty, cell != "<none>", cell != "<unknown>" else { return nil }
        return cell
    }

    /// The `STATUS` cell (`Running`, `CrashLoopBackOff`, `Ready,SchedulingDisabled`, `Bound`).
    public var status: String? { value("STATUS") }

    /// The `READY` cell as printed (`1/2` for pods and deployments, a count for replica sets).
    public var ready: String? { value("READY") }

    /// `READY` of the form `a/b` as numbers.
    public var readyCount: (ready: Int, total: Int)? {
        guard let ready, let counts = Self.fraction(ready) else { return nil }
        return (counts.0, counts.1)
    }

    /// The restart count from `RESTARTS` (`3` for `3 (2m ago)`).
    public var restarts: Int? { value("RESTARTS").flatMap(Self.leadingInteger) }

    /// The object this row shows, typed by the table's resource when known.
    public var objectRef: ObjectRef {
        ObjectRef(resource: resource, resourceWord: resource?.plural ?? "", name: name)
    }

    /// A heuristic for "is this one failing": false for a row in trouble, true for a
    /// healthy one, nil when the type has no rule or the cells needed are missing.
    ///
    /// Pods: STATUS other than Running/Completed/Succeeded, or Running with READY `a/b`
    /// where a < b. Deployments and stateful sets: READY `a/b` with a < b, or AVAILABLE
    /// below the desired count. Replica sets, replication controllers and daemon sets:
    /// READY (or AVAILABLE) below DESIRED. Nodes: NotReady, Unknown or
    /// SchedulingDisabled. Jobs: Failed (one still running is not failing; without a STATUS column, COMPLETIONS short of the total). Persistent volume claims: not Bound.
    /// Persistent volumes: Failed or Pending. Namespaces: not Active. Events: Warning.
    public var isHealthy: Bool? {
        switch resource?.plural ?? inferredPlural {
        case "pods": podHealth
        case "deployments", "statefulsets": rolloutHealth
        case "replicasets", "replicationcontrollers", "daemonsets": desiredHealth
        // A cordoned node (`Ready,SchedulingDisabled`) is an operator's choice, not a fault.
        case "nodes": status.map { !($0.contains("NotReady") || $0.contains("Unknown")) }
        case "jobs": jobHealth
        case "persistentvolumeclaims": status.map { $0 == "Bound" }
        case "persistentvolumes": status.map { $0 != "Failed" && $0 != "Pending" }
        case "namespaces": status.map { $0 == "Active" }
        case "events": value("TYPE").map { $0 != "Warning" }
        default: nil
        }
    }

    // MARK: - Rules

    /// The type guessed from the columns when the table's type is unknown.
    private var inferredPlural: String? {
        cells["READY"] != nil && cells["STATUS"] != nil && cells["RESTARTS"] != nil ? "pods" : nil
    }

    private var podHealth: Bool? {
        guard let status else { return nil }
        switch status {
        case "Completed", "Succeeded":
            return true
        case "Running":
            if let counts = readyCount, counts.ready < counts.total { return false }
            return true
        default:
            return false
        }
    }

    private var rolloutHealth: Bool? {
        guard let counts = readyCount else { return nil }
        if counts.ready < counts.total { return false }
        if let available = value("AVAILABLE").flatMap(Self.leadingInteger), available < counts.total { return false }
        return true
    }

    private var desiredHealth: Bool? {
        guard let desired = value("DESIRED").flatMap(Self.leadingInteger) else { return nil }
        for column in ["READY", "AVAILABLE", "CURRENT"] {
            if let count = value(column).flatMap(Self.leadingInteger), count < desired { return false }
        }
        return true
    }

    private var jobHealth: Bool? {
        // A job still running (or suspended) is not failing.
        if let status { return status != "Failed" && status != "FailureTarget" }
        guard let completions = value("COMPLETIONS"), let counts = Self.fraction(completions) else { return nil }
        return counts.0 >= counts.1
    }

    static func fraction(_ text: String) -> (Int, Int)? {
        guard let slash = text.firstIndex(of: "/"),
              let done = Int(text[..<slash]),
              let total = Int(text[text.index(after: slash)...])
        else { return nil }
        return (done, total)
    }

    static func leadingInteger(_ text: String) -> Int? {
        Int(text.prefix { $0.isASCII && $0.isNumber })
    }
}
