import KubectlKit

/// The words operators and reference pages use for the same kubectl thing, folded to one retrieval feature so that
/// "del svc", "delete the service" and "rm service" meet the same bank examples. A word of a group adds the group's
/// feature (`~service`) next to itself; filler words ("pls") add nothing.
enum RetrievalVocabulary {
    /// Spellings (after ``RetrievalFeatures/words(of:)``: lowercased, a plural `s` dropped from longer words) by the
    /// feature they share.
    static let groups: [String: [String]] = [
        "namespace": ["ns", "namespace", "nspace"],
        "service": ["svc", "service"],
        "deployment": ["deploy", "deployment", "deployments", "dep"],
        "statefulset": ["sts", "statefulset"],
        "daemonset": ["ds", "daemonset"],
        "configmap": ["cm", "configmap"],
        "serviceaccount": ["sa", "serviceaccount"],
        "context": ["ctx", "context", "kubecontext"],
        "kubeconfig": ["kubeconfig", "kubecfg", "cfg"],
        "delete": ["del", "rm", "delete", "remove", "nuke", "delte", "deleting"],
        "pod": ["po", "pod"],
        "ingress": ["ing", "ingress", "ingresss"],
        "cronjob": ["cj", "cronjob"],
        "autoscale": ["hpa", "autoscale", "autoscaler", "horizontalpodautoscaler"],
        "forward": ["pf", "forward", "portforward"],
        "event": ["ev", "evnt", "event"],
        "container": ["ctr", "container", "cntr"],
        "image": ["img", "image"],
        "schedule": ["cordon", "cordoned", "uncordon", "uncordoned", "unschedulable", "schedulable", "scheduling"],
        "ip": ["ip", "podip", "addr", "address"],
        "environment": ["env", "environment", "envvar"],
        "version": ["version", "ver"],
        "revision": ["rev", "revision"],
        "rollback": ["rollback", "undo", "revert"],
        "whoami": ["whoami", "identity"],
        "can": ["can", "may", "allowed", "permitted", "permission", "authorized", "authorised"],
    ]

    /// Words that carry no meaning for retrieval.
    static let filler: Set<String> = ["pls", "plz", "please", "thx", "thanks", "kindly"]

    /// The group feature of each spelling.
    static let featureOf: [String: String] = {
        var map: [String: String] = [:]
        for (name, spellings) in groups {
            for spelling in spellings { map[spelling] = "~" + name }
        }
        return map
    }()

    /// `words` without filler, each followed by its group feature when it has one.
    static func expand(_ words: [String]) -> [String] {
        var result: [String] = []
        for (index, word) in words.enumerated() where !filler.contains(word) {
            result.append(word)
            if let feature = featureOf[word] { result.append(feature) }
            // "service account", "config map": two words for one thing.
            if index + 1 < words.count {
                let pair = word + words[index + 1]
                if pair != word, let feature = featureOf[pair] { result.append(feature) }
            }
        }
        return result
    }

    /// The words of kubectl's command paths (`rollout`, `undo`, `last`, `applied`, `reconcile`, `whoami`).
    /// Resource types (`pod` of `top pod`, `secret` of `create secret`) are left out: a request names them for any
    /// verb.
    static let pathWords: Set<String> = Set(KubectlKnowledge.paths.flatMap { path in
        path.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
    }.filter { ResourceCatalog.lookup($0) == nil && $0 != "get" })

    /// `@WORD` for each word of the command path of a kubectl line.
    static func pathFeatures(ofCommand command: String) -> [String] {
        guard let path = (try? KubectlCommand.parse(line: command))?.commandPath else { return [] }
        return path.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init).filter(pathWords.contains).map { "@" + $0 }
    }

    /// `@WORD` for each request word (or group, `~delete`) that is a word of a kubectl command path.
    static func pathFeatures(ofRequestWords words: [String]) -> [String] {
        var features: [String] = []
        let plainWords = words.filter { !$0.hasPrefix("~") && !$0.hasPrefix("@") }
        var skipped: Set<String> = []
        // "config map" names a type, not the `config` command.
        for (index, word) in plainWords.enumerated() where index + 1 < plainWords.count {
            if featureOf[word + plainWords[index + 1]] != nil { skipped.insert(word) }
        }
        for word in words where !skipped.contains(word) {
            let plain = word.hasPrefix("~") ? String(word.dropFirst()) : word
            if pathWords.contains(plain), !features.contains("@" + plain) { features.append("@" + plain) }
        }
        return features
    }
}
