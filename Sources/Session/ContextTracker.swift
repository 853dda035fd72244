import KubectlKit

/// Updates the session context from the kubectl commands the user runs. Pure: no I/O.
///
/// What a command changes:
/// - `lastNamespace`: the namespace a namespaced command worked in — its `-n`, else the session namespace,
///   else kubeconfig's, else `default` (kubectl's own fallback). Commands with `-A`, commands on
///   cluster-scoped types (`get nodes`), commands that address no namespace (`config`, `version`,
///   `cluster-info`, `drain`, …) and unknown verbs (plugins) leave it alone.
/// - `lastResource`: the canonical plural of a built-in type the command names or implies
///   (`get po` and `logs web-0` both give `pods`); a custom type word (`widgets.example.com`) as typed,
///   lower-cased, but only after it succeeded. Several types (`get pods,svc`, `get all`) leave it alone.
/// - `selection`: the one object the command focuses on (`describe deploy/web`, `logs web-0` → `pods/web-0`,
///   `exec`, `edit`, `scale`, `rollout … deploy/web`, `get pod web-0`, …), with its namespace.
///   A successful `delete` of the selected object clears it instead.
/// - `listing`: replaced by a successful `get` whose output was captured, in the default table format,
///   `-o wide` or `-o name` (at most `maxListedObjects` rows, the first ones). Other output formats
///   (`json`, `yaml`, `jsonpath`, …), `--watch` and `--no-headers` leave it alone. A successful `delete`
///   drops the objects it names from the listing.
/// - `kubeconfigContext`: set by a successful `config use-context X`; kubeconfig's namespace then becomes
///   unknown (nil) until the caller reads kubeconfig again, and when no session context overrides it,
///   the selection and listing (from the previous cluster) are cleared.
///   `config set-context --current --namespace X` (or naming the current context) sets `kubeconfigNamespace`.
///
/// A command that failed (non-zero exit status) still updates `lastNamespace` and `lastResource` (built-in
/// types only): they say where the user is working, which holds even when the command did not succeed.
/// It changes nothing else — its objects may not exist, its output is an error, and kubeconfig was not changed.
public enum ContextTracker {
    /// Most rows a listing keeps.
    public static let maxListedObjects = 200

    /// Verbs whose commands do not work in a namespace, whatever their flags.
    static let namespacelessVerbs: Set<String> = [
        "alpha", "api-resources", "api-versions", "auth", "certificate", "cluster-info", "completion", "config",
        "cordon", "drain", "explain", "help", "kustomize", "options", "plugin", "proxy", "taint", "uncordon", "version",
    ]

    /// Updates `context` after `command` ran.
    /// - Parameters:
    ///   - command: the parsed command that ran (with any `-n`/`--context` the shell added).
    ///   - line: the command line as run, kept as the listing's `command`.
    ///   - exitStatus: kubectl's exit status.
    ///   - output: its standard output when it was captured; nil when it went straight to the terminal.
    public static func apply(_ command: KubectlCommand, line: String, exitStatus: Int32, output: String?,
                             to context: inout SessionContext) {
        guard let verb = command.verb else { return }
        let succeeded = exitStatus == 0

        if command.isKnownVerb, let namespace = workingNamespace(of: command, in: context) {
            context.lastNamespace = namespace
        }
        if let resource = command.resource {
            context.lastResource = resource.canonicalName
        } else if succeeded, command.resourceWords.count == 1, let word = command.resourceWord?.lowercased(),
                  word != "all", !word.contains(",") {
            context.lastResource = word
        }
        guard succeeded else { return }

        switch verb {
        case "config":
            applyConfig(command, to: &context)
        case "delete":
            applyDelete(command, in: &context)
        default:
            if let object = command.selectedObject {
                context.selection = ObjectSelection(resource: object.resource?.canonicalName ?? object.resourceWord,
                                                    name: object.name,
                                                    namespace: namespace(for: object.resource, of: command, in: context))
            }
            if verb == "get", let output,
               let listing = ListingReader.listing(of: command, line: line, output: output,
                                                   namespace: listingNamespace(of: command, in: context),
                                                   limit: maxListedObjects) {
                context.listing = listing
            }
        }
    }

    /// The namespace kubectl uses for `command` when it names none: the session's, kubeconfig's, else `default`.
    static func defaultNamespace(in context: SessionContext) -> String {
        context.effectiveNamespace ?? "default"
    }

    /// The namespace `command` worked in, or nil when it did not work in one namespace.
    public static func workingNamespace(of command: KubectlCommand, in context: SessionContext) -> String? {
        guard let verb = command.verb, !namespacelessVerbs.contains(verb), !command.allNamespaces else { return nil }
        if command.resource?.namespaced == false { return nil }
        return command.namespace ?? defaultNamespace(in: context)
    }

    /// The namespace of an object of type `resource`: nil for cluster-scoped types and `-A`.
    static func namespace(for resource: ResourceType?, of command: KubectlCommand, in context: SessionContext) -> String? {
        if resource?.namespaced == false || command.allNamespaces { return nil }
        return command.namespace ?? defaultNamespace(in: context)
    }

    /// The namespace a `get` listed: nil for `-A` and cluster-scoped types.
    static func listingNamespace(of command: KubectlCommand, in context: SessionContext) -> String? {
        namespace(for: command.resource, of: command, in: context)
    }

    private static func applyConfig(_ command: KubectlCommand, to context: inout SessionContext) {
        switch command.subverb {
        case "use-context":
            guard let name = command.positionals.first, name != context.kubeconfigContext else { return }
            context.kubeconfigContext = name
            context.kubeconfigNamespace = nil
            if context.kubeContext == nil {
                context.selection = nil
                context.listing = nil
            }
        case "set-context":
            guard let namespace = command.namespace else { return }
            let target = command.positionals.first
            if command.flag("current")?.isOn == true || (target != nil && target == context.kubeconfigContext) {
                context.kubeconfigNamespace = namespace.isEmpty ? nil : namespace
            }
        default:
            return
        }
    }

    private static func applyDelete(_ command: KubectlCommand, in context: inout SessionContext) {
        for object in command.objects {
            let resource = object.resource?.canonicalName ?? object.resourceWord
            let namespace = namespace(for: object.resource, of: command, in: context)
            if let selection = context.selection, selection.name == object.name, selection.resource == resource,
               command.allNamespaces || selection.namespace == namespace {
                context.selection = nil
            }
            let listedResource = context.listing?.resource
            context.listing?.objects.removeAll { listed in
                listed.name == object.name && (listed.resource ?? listedResource) == resource
                    && (listed.namespace == nil || namespace == nil || listed.namespace == namespace)
            }
        }
    }
}
