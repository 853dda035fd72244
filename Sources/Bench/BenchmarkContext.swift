import KubectlKit
import Session

/// The session context a benchmark case is asked in, as written in the dataset:
///
/// ```json
/// {"namespace": "shop", "resource": "pods", "selection": "deployment/web in shop",
///  "listing": {"command": "kubectl get pods", "output": "NAME   READY   STATUS ..."},
///  "last": {"command": "kubectl get deploymnets", "exit": 1, "error": "error: the server doesn't have …"}}
/// ```
///
/// - `namespace`: the session namespace (`:ns shop`); k1 adds `-n` for it to lines that name none.
/// - `resource`: the last resource type worked with (any spelling: `po`, `pods`, `deployment`).
/// - `selection`: the focused object, `TYPE/NAME`, optionally followed by ` in NAMESPACE` (default: `namespace`).
/// - `listing`: the last `get` and its output exactly as kubectl printed it; it goes through the shell's own
///   context tracker, so rows, statuses and health are read the way `k1 shell` reads them.
/// - `last`: the last command, which failed, its exit status (default 1) and its standard error as kubectl printed
///   it; kept the way `k1 shell` keeps it (``FailureTracker``).
public struct BenchmarkContext: Sendable, Equatable, Codable {
    /// The session namespace.
    public var namespace: String?
    /// The last resource type.
    public var resource: String?
    /// The focused object, `TYPE/NAME[ in NAMESPACE]`.
    public var selection: String?
    /// The last listing.
    public var listing: BenchmarkListing?
    /// The last command, which failed.
    public var last: BenchmarkLastCommand?

    /// Creates a context.
    public init(namespace: String? = nil, resource: String? = nil, selection: String? = nil,
                listing: BenchmarkListing? = nil, last: BenchmarkLastCommand? = nil) {
        self.namespace = namespace
        self.resource = resource
        self.selection = selection
        self.listing = listing
        self.last = last
    }

    /// The parsed selection, nil when absent or not `TYPE/NAME`.
    public var objectSelection: ObjectSelection? {
        guard let selection, !selection.isEmpty else { return nil }
        var text = Substring(selection)
        var selectionNamespace = namespace
        if let range = text.range(of: " in ") {
            selectionNamespace = String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces)
            text = text[..<range.lowerBound]
        }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let word = String(text[..<slash])
        let name = String(text[text.index(after: slash)...])
        guard !word.isEmpty, !name.isEmpty else { return nil }
        let type = ResourceCatalog.lookup(word)
        return ObjectSelection(resource: type?.canonicalName ?? word.lowercased(), name: name,
                               namespace: type?.namespaced == false ? nil : selectionNamespace)
    }

    /// The session context k1 would have: the namespace, the last type (canonical plural), the selection and the
    /// listing as ``ContextTracker`` reads the `get` and its output.
    public func sessionContext() -> SessionContext {
        var context = SessionContext(namespace: namespace)
        if let listing, let command = try? KubectlCommand.parse(line: listing.command) {
            var scratch = SessionContext(namespace: namespace)
            ContextTracker.apply(command, line: listing.command, exitStatus: 0, output: listing.output, to: &scratch)
            context.listing = scratch.listing
            context.lastNamespace = scratch.lastNamespace
            context.lastResource = scratch.lastResource
        }
        if let resource, !resource.isEmpty {
            context.lastResource = ResourceCatalog.lookup(resource)?.canonicalName ?? resource.lowercased()
        }
        context.selection = objectSelection
        if let last {
            FailureTracker.apply(line: last.command, exitStatus: last.exit ?? 1, errorOutput: last.error, to: &context)
        }
        return context
    }
}

/// The last `get` of a benchmark context: the command line and what kubectl printed.
public struct BenchmarkListing: Sendable, Equatable, Codable {
    /// The `kubectl get …` line.
    public var command: String
    /// Its standard output, a table as kubectl prints it.
    public var output: String

    /// Creates a listing.
    public init(command: String, output: String) {
        self.command = command
        self.output = output
    }
}

/// The last command of a benchmark context, which failed: the line as run, its exit status and its standard error.
public struct BenchmarkLastCommand: Sendable, Equatable, Codable {
    /// The `kubectl …` line.
    public var command: String
    /// Its exit status; nil means 1.
    public var exit: Int32?
    /// Its standard error as kubectl printed it.
    public var error: String

    /// Creates a failed command.
    public init(command: String, exit: Int32? = nil, error: String) {
        self.command = command
        self.exit = exit
        self.error = error
    }
}
