import Foundation
import KubectlKit

/// The kind of command or object the request asks for, where the answer took another: a new object's manifest
/// answered with `get`, a file nobody wrote, a pod for a deployment, a role for a cluster role, a cron job "resumed"
/// by `rollout`, a lone name for a workload, and a follow-up's type.
extension RequestEvidence {
    /// Types whose `create` needs nothing but a name.
    static let createdByName: [String: String] = [
        "serviceaccounts": "serviceaccount", "namespaces": "namespace", "configmaps": "configmap",
    ]

    /// `get serviceaccount robot -o yaml` for "the manifest of a new service account robot without creating it": the
    /// object does not exist yet, so it is `create serviceaccount robot --dry-run=client -o yaml`.
    static let newObjectManifest: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard parsed.verb == "get" || parsed.verb == "describe", parsed.objects.count == 1, let object = parsed.objects.first,
              let type = object.resource?.plural, let kind = createdByName[type],
              text.hasAny(["new", "manifest", "yaml", "yml", "json"]), noCreatePhrases.contains(where: text.has),
              !text.hasAny(["existing", "current", "live"]) else { return nil }
        let format = text.has("json") ? "json" : "yaml"
        var line = ["kubectl", "create", kind, object.name]
        // "with the key mode=fast": the data the request gives a config map.
        if kind == "configmap" {
            let pairs = evidence.request.split(whereSeparator: { $0.isWhitespace || $0 == "," })
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".;:'\"`()")) }
                .filter { $0.contains("=") && !$0.hasPrefix("-") && !$0.hasPrefix("=") }
            line += pairs.map { "--from-literal=" + $0 }
        }
        if let namespace = parsed.namespace, kind != "namespace" { line += ["-n", namespace] }
        line += ["--dry-run=client", "-o", format]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "create \(kind) \(object.name) --dry-run=client: the object is new, so there is nothing to get")
    }

    /// `create role secret-reader` for "a cluster role named secret-reader", or the other way round: the kind the
    /// request names (a cluster role has no namespace).
    static let roleScope: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "create", let kind = parsed.subverb, kind == "role" || kind == "clusterrole",
              let name = parsed.names.first?.lowercased() else { return nil }
        let (plain, cluster) = roleNaming(name, in: evidence.text)
        if kind == "role", cluster, !plain {
            words.replaceWord("role", with: "clusterrole")
            if let span = words.span("namespace") { words.remove(span) }
            return EvidenceFix(.objectForm, "clusterrole: the request names a cluster role")
        }
        if kind == "clusterrole", plain, !cluster {
            words.replaceWord("clusterrole", with: "role")
            return EvidenceFix(.objectForm, "role: the request names a role, not a cluster role")
        }
        return nil
    }

    /// Whether the request writes a file or directory (`web.yaml`, `./k8s`, `manifests/`).
    static func writesPath(_ text: RequestText) -> Bool {
        text.tokens.contains { token in
            token.contains("/") || [".yaml", ".yml", ".json", ".txt", ".env", ".properties"].contains(where: token.hasSuffix)
        }
    }

    /// `apply -f checkout.yaml` for "deploy checkout yaml": the request writes no file, so the one on the line is made
    /// up; it asks for the YAML of the object it names, which is `get deployment checkout -o yaml`.
    static let inventedFile: Check = { words, evidence in
        let parsed = words.parsed
        let text = evidence.text
        guard let verb = parsed.verb, ["apply", "create", "replace"].contains(verb), parsed.hasFlag("filename"),
              !writesPath(text), text.hasAny(["yaml", "yml", "json"]) else { return nil }
        let objects = namedObjects(text)
        guard objects.count == 1, let object = objects.first else { return nil }
        var line = ["kubectl", "get", object.type.singular, object.name]
        if let namespace = parsed.namespace { line += ["-n", namespace] }
        line += ["-o", text.has("json") ? "json" : "yaml"]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "get \(object.type.singular) \(object.name): the request names no file, only the object")
    }

    /// `run nginx --image=nginx --dry-run=client -o yaml` for "yaml for a deployment web running nginx": `run` makes a
    /// pod; a deployment is `create deployment web --image=nginx`, keeping the dry run, output, namespace, replicas and
    /// port.
    static let runForDeployment: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "run", let image = parsed.flag("image")?.value, !evidence.text.hasAny(["pod", "pods", "po"]) else { return nil }
        let deployments = namedObjects(evidence.text).filter { $0.type.plural == "deployments" }
        guard deployments.count == 1, let name = deployments.first?.name else { return nil }
        var line = ["kubectl", "create", "deployment", name, "--image=" + image]
        for span in words.spans where ["dry-run", "output", "namespace", "replicas", "port"].contains(span.flag.name) {
            line += words.text(of: span).split(separator: " ").map(String.init)
        }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "create deployment \(name): run makes a pod; the request asks for a deployment")
    }

    /// `get deployments -A` for "now in all namespaces" after a listing of pods: a request that names no type of its
    /// own means the session's last type (`last type: pods`).
    static let sessionType: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, ["get", "describe", "top"].contains(verb), parsed.names.isEmpty, parsed.objects.isEmpty,
              let line = evidence.context.first(where: { $0.hasPrefix("last type: ") }),
              let last = ResourceCatalog.lookup(String(line.dropFirst("last type: ".count))),
              let index = words.positionalIndices.dropFirst().first, let type = ResourceCatalog.lookup(words.words[index]),
              type.plural != last.plural else { return nil }
        let tokens = evidence.text.tokens
        // "in all namespaces" names where, not what.
        guard !tokens.indices.contains(where: { index in
            if let type = ResourceCatalog.lookup(tokens[index]) { return type.plural != "namespaces" }
            return compoundType(tokens, at: index) != nil
        }) else { return nil }
        words.replaceWord(words.words[index], with: last.plural)
        return EvidenceFix(.objectForm, "\(last.plural): the session's last type; the request names no other")
    }

    /// `scale quartz --replicas=0`: kubectl reads a lone word as a type; a name the request gives no type is a
    /// deployment's, the object `scale` and `rollout` meet most.
    static let bareWorkload: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, verb == "scale" || verb == "rollout", !parsed.hasFlag("selector"), !parsed.hasFlag("filename"),
              !parsed.hasFlag("all") else { return nil }
        let positions = Array(words.positionalIndices.dropFirst(verb == "rollout" ? 2 : 1))
        guard positions.count == 1, let index = positions.first else { return nil }
        let word = words.words[index]
        guard !word.contains("/"), ResourceCatalog.lookup(word) == nil, looksLikeName(word.lowercased()),
              namedObject(word, in: evidence.text) == nil else { return nil }
        words.replaceWord(word, with: "deployment/" + word)
        return EvidenceFix(.objectForm, "deployment/\(word): kubectl reads a lone word as a type")
    }

    /// `rollout resume cronjob nightly` (kubectl cannot): a cron job is paused and resumed by its `suspend` field.
    static let cronJobSuspend: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "rollout", let sub = parsed.subverb, sub == "pause" || sub == "resume",
              let object = parsed.objects.first, object.resource?.plural == "cronjobs" else { return nil }
        var line = ["kubectl", "patch", "cronjob", object.name]
        if let namespace = parsed.namespace { line += ["-n", namespace] }
        line += ["-p", "{\"spec\":{\"suspend\":\(sub == "pause")}}"]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "patch suspend=\(sub == "pause"): a cron job is \(sub)d by its suspend field")
    }
}
