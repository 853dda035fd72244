/// Static risk rules for kubectl command lines, decided from the words alone.
///
/// Read-only verbs (`get`, `describe`, `logs`, `rollout status`, `auth can-i`,
/// `config view`, …) are ``Risk/readOnly``; verbs that write (`apply`, `scale`,
/// `exec`, `label`, `config use-context`, …) are ``Risk/changes``; `delete`, `drain`,
/// `--force`, `--grace-period=0`, `apply --prune` and `config delete-*` are
/// ``Risk/deletes``. A dry run (`--dry-run=client|server`) or `--local` turns a
/// write into a read. Anything a static look cannot vouch for is ``Risk/unknown``.
public enum RiskClassifier {
    /// Classifies one command line, with or without its `kubectl` prefix.
    public static func classify(_ line: String) -> RiskAssessment {
        if line.allSatisfy(\.isWhitespace) { return unknown("empty command") }
        if let feature = ShellWords.firstShellFeature(in: line) {
            switch feature {
            case .commandSeparator: return unknown("several commands")
            case .commandSubstitution: return unknown(line.contains("$(") ? "$( substitution" : "backtick substitution")
            case .redirection: return unknown("redirection")
            case .parameterExpansion: return unknown("variable expansion")
            }
        }
        let words: [String]
        do {
            words = try ShellWords.split(line)
        } catch {
            return unknown("unbalanced quotes")
        }
        return classify(KubectlCommand.parse(words))
    }

    /// Classifies an already parsed command.
    public static func classify(_ command: KubectlCommand) -> RiskAssessment {
        guard let first = command.words.first else { return unknown("empty command") }
        if !command.hasKubectlPrefix, !CommandParser.isFlagWord(first),
           KubectlCommandTable.spec(forVerb: first) == nil {
            return unknown("not a kubectl command: \(first)")
        }
        if command.hasFlag("help") { return RiskAssessment(risk: .readOnly, reason: "shows help") }
        guard let verb = command.verb else { return RiskAssessment(risk: .readOnly, reason: "shows help") }
        guard let verbSpec = KubectlCommandTable.spec(forVerb: verb) else { return unknown("unknown command \(verb)") }
        if !verbSpec.subcommands.isEmpty, command.subverb == nil, !verbRuns(verb) {
            if let word = command.positionals.first { return unknown("unknown \(verb) command \(word)") }
            return RiskAssessment(risk: .readOnly, reason: "shows help")
        }

        let base = baseAssessment(command, verb: verb)
        guard base.risk == .changes || base.risk == .deletes else { return base }

        let spec = command.spec
        let knows: (String) -> Bool = { name in spec?.flags.contains { $0.long == name } ?? false }
        if command.isDryRun, knows("dry-run") {
            return RiskAssessment(risk: .readOnly, reason: "dry run: " + base.reason)
        }
        if let local = command.flag("local"), local.isOn, knows("local") {
            return RiskAssessment(risk: .readOnly, reason: "local only: " + base.reason)
        }
        if base.risk == .changes {
            if let force = command.flag("force"), force.isOn {
                return RiskAssessment(risk: .deletes, reason: "--force: \(verb) deletes and recreates \(target(command))")
            }
            if command.flag("grace-period")?.value == "0" {
                return RiskAssessment(risk: .deletes, reason: "--grace-period=0: \(verb) deletes \(target(command))")
            }
            if verb == "apply", let prune = command.flag("prune"), prune.isOn {
                return RiskAssessment(risk: .deletes, reason: "apply --prune deletes resources missing from the files")
            }
        }
        return base
    }

    // MARK: - Rules

    /// Commands with sub-commands that also do something of their own.
    private static func verbRuns(_ verb: String) -> Bool {
        ["create", "apply", "cluster-info"].contains(verb)
    }

    private static let readVerbs: Set<String> = [
        "get", "describe", "explain", "top", "logs", "api-resources", "api-versions", "version",
        "cluster-info", "wait", "diff", "kustomize", "help", "options", "completion", "events",
        "port-forward", "proxy", "plugin",
    ]

    /// Verb → phrase for commands that change objects.
    private static let writePhrases: [String: String] = [
        "create": "creates", "apply": "applies changes to", "edit": "edits", "patch": "patches",
        "replace": "replaces", "scale": "scales", "autoscale": "autoscales", "expose": "exposes",
        "run": "runs", "exec": "runs a command in", "set": "updates", "label": "labels",
        "annotate": "annotates", "taint": "taints", "cordon": "cordons", "uncordon": "uncordons",
        "debug": "debugs", "attach": "attaches to", "cp": "copies files to or from",
    ]

    /// Sub-command rules: verb → sub-command → (risk, phrase).
    private static let subcommandRules: [String: [String: (Risk, String)]] = [
        "rollout": [
            "status": (.readOnly, "reads the rollout status of"), "history": (.readOnly, "reads the rollout history of"),
            "restart": (.changes, "restarts"), "pause": (.changes, "pauses"), "resume": (.changes, "resumes"),
            "undo": (.changes, "rolls back"),
        ],
        "auth": [
            "can-i": (.readOnly, "checks permissions"), "whoami": (.readOnly, "shows the current user"),
            "reconcile": (.changes, "reconciles RBAC rules for"),
        ],
        "certificate": ["approve": (.changes, "approves"), "deny": (.changes, "denies")],
        "apply": [
            "view-last-applied": (.readOnly, "reads the last-applied configuration of"),
            "edit-last-applied": (.changes, "edits the last-applied configuration of"),
            "set-last-applied": (.changes, "sets the last-applied configuration of"),
        ],
        "config": [
            "view": (.readOnly, "reads the kubeconfig"), "get-contexts": (.readOnly, "reads the kubeconfig"),
            "current-context": (.readOnly, "reads the kubeconfig"), "get-clusters": (.readOnly, "reads the kubeconfig"),
            "get-users": (.readOnly, "reads the kubeconfig"),
            "use-context": (.changes, "switches the kubeconfig context"), "set-context": (.changes, "changes a kubeconfig context"),
            "set": (.changes, "changes the kubeconfig"), "unset": (.changes, "changes the kubeconfig"),
            "set-cluster": (.changes, "changes a kubeconfig cluster"), "set-credentials": (.changes, "changes kubeconfig credentials"),
            "rename-context": (.changes, "renames a kubeconfig context"),
            "delete-context": (.deletes, "deletes a kubeconfig context"), "delete-cluster": (.deletes, "deletes a kubeconfig cluster"),
            "delete-user": (.deletes, "deletes a kubeconfig user"),
        ],
    ]

    private static func baseAssessment(_ command: KubectlCommand, verb: String) -> RiskAssessment {
        let subverb = command.subverb?.split(separator: " ").first.map(String.init)
        if let rules = subcommandRules[verb], let subverb, let (risk, phrase) = rules[subverb] {
            let reason = verb == "config" || ["can-i", "whoami"].contains(subverb) ? phrase : phrase + " " + target(command)
            return RiskAssessment(risk: risk, reason: reason)
        }
        if verb == "label" || verb == "annotate", let list = command.flag("list"), list.isOn {
            return RiskAssessment(risk: .readOnly, reason: "lists \(verb == "label" ? "labels" : "annotations") of \(target(command))")
        }
        switch verb {
        case "delete":
            let what = target(command)
            if let force = command.flag("force"), force.isOn {
                return RiskAssessment(risk: .deletes, reason: "force-deletes \(what)")
            }
            if command.flag("grace-period")?.value == "0" {
                return RiskAssessment(risk: .deletes, reason: "deletes \(what) immediately")
            }
            if let all = command.flag("all"), all.isOn {
                return RiskAssessment(risk: .deletes, reason: "deletes all \(what)" + (command.allNamespaces ? " in all namespaces" : ""))
            }
            return RiskAssessment(risk: .deletes, reason: "deletes \(what)")
        case "drain":
            return RiskAssessment(risk: .deletes, reason: "drains \(target(command)), evicting its pods")
        default:
            break
        }
        if readVerbs.contains(verb) {
            return RiskAssessment(risk: .readOnly, reason: readReason(command, verb: verb))
        }
        if let phrase = writePhrases[verb] {
            return RiskAssessment(risk: .changes, reason: phrase + " " + target(command))
        }
        return unknown("no rule for \(verb)")
    }

    private static func readReason(_ command: KubectlCommand, verb: String) -> String {
        switch verb {
        case "logs": return "reads logs of \(target(command))"
        case "port-forward": return "forwards local ports to \(target(command))"
        case "proxy": return "runs a local API proxy"
        case "help", "options": return "shows help"
        case "completion": return "prints shell completion code"
        case "version", "api-versions", "api-resources", "cluster-info": return "reads cluster information"
        case "explain": return "reads API documentation"
        case "kustomize": return "renders a kustomization"
        case "diff": return "compares with the live objects"
        case "plugin": return "lists plugins"
        case "events": return "reads events"
        default: return "reads \(target(command))"
        }
    }

    /// A few words naming what the command addresses: `pod web-0`, `pods`, `resources from files`.
    static func target(_ command: KubectlCommand) -> String {
        if let object = command.selectedObject {
            return (object.resource?.singular ?? object.resourceWord) + " " + object.name
        }
        if let resource = command.resource { return resource.plural }
        if let word = command.resourceWord { return word }
        if command.hasFlag("filename") { return "resources from files" }
        if command.hasFlag("kustomize") { return "resources from a kustomization" }
        return "resources"
    }

    private static func unknown(_ reason: String) -> RiskAssessment {
        RiskAssessment(risk: .unknown, reason: reason)
    }
}
