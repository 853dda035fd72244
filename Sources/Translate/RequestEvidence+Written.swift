import Foundation
import KubectlKit

/// Checks that put back what the request wrote and the answer changed or made up: a mistyped type, an adjective read
/// as a namespace, a container nobody named, kubectl's flags behind a program's `--`, a file's path.
extension RequestEvidence {
    /// Verbs whose first positional word is a resource type.
    static let typeFirstVerbs: Set<String> = ["get", "describe", "delete", "edit", "label", "annotate", "explain", "patch", "wait"]

    /// `get ingresss -n orchard` for "get ingresss in orchard": a type no cluster knows, one or two letters away from
    /// a built-in one, is that type (kubectl would answer "the server doesn't have a resource type").
    static let mistypedType: Check = { words, _ in
        let parsed = words.parsed
        guard let verb = parsed.verb, typeFirstVerbs.contains(verb), parsed.resource == nil, let typed = parsed.resourceWord,
              typed.count >= 5, typed.allSatisfy({ $0.isLetter }) else { return nil }
        let names = ResourceCatalog.all.flatMap { [$0.plural, $0.singular] }
        guard let nearest = ClosestName.find(typed, among: names),
              ClosestName.distance(typed, nearest) <= (typed.count <= 8 ? 1 : 2) else { return nil }
        words.replaceWord(typed, with: nearest)
        return EvidenceFix(.objectForm, "\(nearest): \(typed) is no resource type")
    }

    /// Nouns a word can describe: "the default editor", "its default container" name no namespace.
    static let describedNouns: Set<String> = [
        "editor", "container", "shell", "context", "output", "format", "image", "port", "storageclass", "storage", "class",
        "service", "account", "sa", "serviceaccount", "value", "values", "settings", "config", "configuration", "behavior",
        "behaviour", "timeout", "limit", "limits", "policy", "rules", "backend", "profile", "user", "cluster", "scheduler",
        "registry", "way", "mode", "page", "columns", "view", "kubeconfig", "token", "one",
    ]

    /// `edit svc orchard -n default` for "… in the default editor": `-n X` where the request writes X only after an
    /// article, to describe something else ("the default editor"), and never as a namespace goes.
    static let namespaceAsAdjective: Check = { words, evidence in
        guard let span = words.span("namespace"), let value = span.flag.value?.lowercased(), !value.isEmpty else { return nil }
        let tokens = evidence.text.tokens
        let uses = tokens.indices.filter { tokens[$0] == value }
        guard !uses.isEmpty, !evidence.context.contains(where: { $0.lowercased().hasSuffix(": " + value) }) else { return nil }
        let described = uses.allSatisfy { index in
            // "the default editor", "its default container"; not "deploy ledger-api billing limits".
            let before = index > 0 ? tokens[index - 1] : ""
            guard index + 1 < tokens.count, ["the", "a", "an", "its", "their", "my", "your", "our"].contains(before)
            else { return false }
            return describedNouns.contains(tokens[index + 1])
        }
        guard described else { return nil }
        words.remove(span)
        return EvidenceFix(.namespace, "dropped -n \(value): the request's \(value) names no namespace")
    }

    /// `logs ledger-0 -c ledger -p` for "logs ledger-0 prev container": a `-c` value the request never writes as a
    /// word of its own (here only the start of the pod's name) and the session never shows is the model's; kubectl
    /// picks the pod's default container.
    static let unaskedContainer: Check = { words, evidence in
        let parsed = words.parsed
        guard ["logs", "exec", "attach", "cp"].contains(parsed.verb ?? ""), let span = words.span("container"),
              let value = span.flag.value?.lowercased(), !value.isEmpty, namedContainer(evidence.text) == nil,
              !evidence.text.set.contains(value), !evidence.context.contains(where: { $0.lowercased().contains(value) })
        else { return nil }
        let ownName = (parsed.names + parsed.objects.map(\.name)).contains { $0.lowercased().hasPrefix(value + "-") }
        guard ownName else { return nil }
        words.remove(span)
        return EvidenceFix(.container, "dropped -c \(value): the request names no container")
    }

    /// `exec kestrel-0 -c agent -- env -n harbor`, `create cronjob … -- reconcile --namespace=finance` for "… ns
    /// harbor": the namespace the request names, written behind the program's `--`, would reach the program; it goes
    /// before `--`, where kubectl reads it.
    static let namespaceAfterDash: Check = { words, evidence in
        let parsed = words.parsed
        guard ["exec", "run", "debug", "attach", "create"].contains(parsed.verb ?? ""), parsed.namespace == nil,
              let named = AskedFlags.namedNamespace(evidence.request), let dash = words.words.firstIndex(of: "--") else { return nil }
        var line = words.words
        // `-n NS` and `--namespace NS` are two words, `--namespace=NS` one.
        guard let index = line.indices.dropFirst(dash + 2).first(where: { index in
            line[index].lowercased() == "--namespace=" + named
                || (["-n", "--namespace"].contains(line[index]) && index + 1 < line.count && line[index + 1].lowercased() == named)
        }) else { return nil }
        line.removeSubrange(index...(line[index].contains("=") ? index : index + 1))
        line.insert(contentsOf: ["-n", named], at: dash)
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.namespace, "-n \(named) before --: kubectl's flag, not the program's")
    }

    /// Extensions of files a request names by themselves.
    static let fileExtensions = [".pem", ".crt", ".key", ".cert", ".yaml", ".yml", ".json", ".log", ".txt", ".conf",
                                 ".env", ".properties", ".ini", ".sql", ".tar", ".gz", ".tgz", ".csv", ".sh", ".toml"]

    /// `--cert=certs/quill.pem` for "… cert quill.pem": a file the request writes by its bare name keeps that name; a
    /// folder (or `./`) in front of it is the model's guess.
    static let filePathAsWritten: Check = { words, evidence in
        let written = evidence.request.split(whereSeparator: { $0.isWhitespace || $0 == "," })
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "'\"()")) }
            .map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
            .filter { word in !word.contains("/") && fileExtensions.contains(where: { word.lowercased().hasSuffix($0) }) }
        guard !written.isEmpty else { return nil }
        var line = words.words
        var changed: [String] = []
        let end = line.firstIndex(of: "--") ?? line.count
        for index in 1..<end {
            let word = line[index]
            let prefix: String
            let path: String
            if word.hasPrefix("-"), let equals = word.firstIndex(of: "=") {
                prefix = String(word[...equals])
                path = String(word[word.index(after: equals)...])
            } else {
                prefix = ""
                path = word
            }
            // `POD:/var/log/app.log` is a path in the container, written by the request as it is.
            guard path.contains("/"), !path.contains(":"), !path.hasPrefix("/"), !path.contains("://"),
                  let file = path.split(separator: "/").last.map(String.init), written.contains(file),
                  !evidence.request.contains(path) else { continue }
            line[index] = prefix + file
            changed.append(file)
        }
        guard !changed.isEmpty, let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "\(changed.joined(separator: ", ")): the file as the request names it")
    }

    /// `taint nodes n3 dedicated-NoSchedule:NoSchedule-` for "remove the taint with key dedicated and effect
    /// NoSchedule": the key is the word the request writes after "key".
    static let taintKeyAsWritten: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard parsed.verb == "taint", let at = tokens.firstIndex(of: "key"), at + 1 < tokens.count else { return nil }
        let key = tokens[at + 1]
        guard looksLikeName(key), !["and", "with", "of", "for"].contains(key) else { return nil }
        for argument in parsed.arguments where argument.hasSuffix("-") || argument.contains(":") {
            let end = argument.firstIndex(where: { $0 == "=" || $0 == ":" }) ?? argument.index(before: argument.endIndex)
            let written = argument[..<end]
            guard written.lowercased() != key, written.lowercased().hasPrefix(key + "-") else { continue }
            let fixed = key + argument[end...]
            words.replaceWord(argument, with: fixed)
            return EvidenceFix(.inventedValue, "\(fixed): the key the request names")
        }
        return nil
    }

    /// `--clusterrole=cluster-admin` for "crb ci-admin clusterrole admin …": the role a binding grants is the one the
    /// request writes after "clusterrole" or "role", not a better-known one.
    static let roleAsWritten: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "create", ["rolebinding", "clusterrolebinding"].contains(parsed.subverb ?? "") else { return nil }
        let tokens = evidence.text.tokens
        for flag in ["clusterrole", "role"] {
            guard let span = words.span(flag), let value = span.flag.value, !evidence.known.containsWord(value) else { continue }
            let markers: Set<String> = flag == "clusterrole" ? ["clusterrole", "cr", "--clusterrole"] : ["role", "--role"]
            let written = tokens.indices.compactMap { index -> String? in
                guard markers.contains(tokens[index]), index + 1 < tokens.count else { return nil }
                if flag == "role", index > 0, tokens[index - 1] == "cluster" { return nil }
                let next = tokens[index + 1]
                return looksLikeName(next) && !["named", "called", "binding", "to", "for", "of"].contains(next) ? next : nil
            }
            guard Set(written).count == 1, let role = written.first, role != value.lowercased() else { continue }
            words.setValue(role, of: span)
            return EvidenceFix(.inventedValue, "--\(flag)=\(role): the role the request names")
        }
        return nil
    }

    /// `-n except` for "every namespace except those …": a word that carries the sentence on is no namespace.
    static let namespaceAsSentenceWord: Check = { words, evidence in
        guard let span = words.span("namespace"), let value = span.flag.value?.lowercased(),
              AskedFlags.sentenceWords.contains(value), !evidence.request.contains("-n " + value),
              !evidence.context.contains(where: { $0.lowercased().hasSuffix(": " + value) }) else { return nil }
        words.remove(span)
        return EvidenceFix(.namespace, "dropped -n \(value): a word of the request, not a namespace")
    }

    /// Programs a request names right after "exec" or "run" that print and exit.
    static let oneShotPrograms: Set<String> = [
        "env", "printenv", "date", "hostname", "ps", "df", "du", "ls", "cat", "whoami", "id", "uname", "nslookup", "dig",
        "ip", "ifconfig", "netstat", "ss", "mount", "free", "uptime", "nproc", "java", "python", "node", "pg_isready",
    ]

    /// `exec -it kestrel-0 -- sh` for "exec env in kestrel-0": the program the request names after "exec" runs, not a
    /// shell nobody asked for, and it needs no terminal unless the request asks for one.
    static let namedExecProgram: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard parsed.verb == "exec", parsed.afterDoubleDash.count == 1, shells.contains(parsed.afterDoubleDash[0]),
              let at = tokens.firstIndex(of: "exec"), at + 1 < tokens.count, oneShotPrograms.contains(tokens[at + 1]),
              !evidence.text.hasAny(shells.union(["shell", "interactive", "interactively", "-it", "-ti", "terminal", "tty"])),
              let dash = words.words.firstIndex(of: "--") else { return nil }
        let program = tokens[at + 1]
        var line = Array(words.words[..<dash]).filter { !["-it", "-ti", "-i", "-t", "--stdin", "--tty"].contains($0) }
        line += ["--", program]
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "-- \(program): the program the request runs")
    }
}
