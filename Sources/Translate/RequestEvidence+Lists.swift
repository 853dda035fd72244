import Foundation
import KubectlKit

/// Forms that depend on what the command returns or names: a JSONPath over a list, every permission at once, the
/// container a request gives `set image`, one literal written twice, and a type the request writes in two words.
extension RequestEvidence {
    /// `get pods -o jsonpath='{.spec.containers[*].image}'` lists pods, so the path starts at `.items[*]`: without it
    /// kubectl prints nothing.
    static let listJSONPath: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "get", parsed.names.isEmpty, parsed.objects.isEmpty, !parsed.resourceWords.isEmpty,
              let span = words.span("output"), let value = span.flag.value, value.hasPrefix("jsonpath="),
              case let path = String(value.dropFirst("jsonpath=".count)),
              !path.contains(".items"), !path.contains("range"), path.contains("{.") else { return nil }
        let fixed = path.replacingOccurrences(of: "{.", with: "{.items[*].")
        words.setValue("jsonpath=" + fixed, of: span)
        return EvidenceFix(.output, "jsonpath over .items[*]: the command lists several objects")
    }

    /// Words that ask for every permission.
    static let everythingWords: Set<String> = ["everything", "all", "every", "list", "which", "what"]

    /// `auth can-i '*' '*'` for "everything I may do": kubectl lists the permissions with `--list`.
    static let canIList: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "auth", parsed.subverb == "can-i", !parsed.hasFlag("list"),
              evidence.text.hasAny(everythingWords), !evidence.text.hasAny(["whether", "if"]) else { return nil }
        let positional = words.positionalIndices.filter { !["auth", "can-i"].contains(words.words[$0]) }
        // "every action the user may perform": no verb or type of the request's own, so every permission.
        let everyAction = ["every action", "all actions", "allowed to perform", "allowed to do", "what can i do",
                           "all permissions", "every permission", "all my permissions", "all the actions"].contains(where: evidence.text.has)
        let namesNone = !evidence.text.tokens.contains { token in
            guard let type = ResourceCatalog.lookup(token) else { return false }
            return !["namespaces"].contains(type.plural) && !["all", "list", "do"].contains(token)
        }
        let guessed = everyAction && namesNone && positional.count == 2
        guard positional.count == 2, guessed || positional.allSatisfy({ words.words[$0] == "*" }) else { return nil }
        var line = words.words
        for index in positional.reversed() { line.remove(at: index) }
        line.insert("--list", at: min(3, line.count))
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "auth can-i --list: every permission")
    }

    /// `set image deployment/mill init=alpine` for "the init container setup": the container the request names
    /// replaces one it never mentions.
    static let imageContainer: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "set", parsed.subverb == "image", let container = namedContainer(evidence.text) else { return nil }
        let pairs = words.positional.filter { $0.contains("=") && !$0.hasPrefix("*=") }
        guard pairs.count == 1, let pair = pairs.first, let equals = pair.firstIndex(of: "="),
              case let key = String(pair[..<equals]), key.lowercased() != container,
              !evidence.text.set.contains(key.lowercased()) || ["init", "main", "app", "container"].contains(key.lowercased())
                || key.lowercased() == parsed.namespace?.lowercased()
        else { return nil }
        words.replaceWord(pair, with: container + pair[equals...])
        return EvidenceFix(.container, "\(container)=: the container the request names")
    }

    /// `--from-literal=key=abc123 --from-literal=token=abc123` for "key token=abc123": a literal that only repeats
    /// the value of another, under a key the request never writes with it, goes.
    static let repeatedLiteral: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "create" else { return nil }
        let spans = words.spans.filter { $0.flag.name == "from-literal" }
        guard spans.count > 1 else { return nil }
        let asked = Recopy.pathTokens(evidence.request).map { $0.lowercased() }
        func pair(_ span: CommandWords.Span) -> (key: String, value: String)? {
            guard let literal = span.flag.value, let equals = literal.firstIndex(of: "=") else { return nil }
            return (String(literal[..<equals]), String(literal[literal.index(after: equals)...]))
        }
        for span in spans {
            guard let this = pair(span), !asked.contains("\(this.key)=\(this.value)".lowercased()) else { continue }
            let twin = spans.contains { other in
                guard other.index != span.index, let that = pair(other) else { return false }
                return that.value == this.value && asked.contains("\(that.key)=\(that.value)".lowercased())
            }
            guard twin else { continue }
            let text = words.text(of: span)
            words.remove(span)
            return EvidenceFix(.inventedValue, "dropped \(text): it repeats another literal's value")
        }
        return nil
    }

    /// Types operators write in two words, with their own abbreviations: "svc accts", "config maps".
    static let twoWordTypes: [String: String] = [
        "svcacct": "serviceaccounts", "svcaccts": "serviceaccounts", "svcaccount": "serviceaccounts",
        "svcaccounts": "serviceaccounts", "serviceacct": "serviceaccounts", "serviceaccts": "serviceaccounts",
    ]

    /// The first type that adjacent request words name together (`serviceaccounts` for "svc accts"), with its first
    /// word.
    static func twoWordType(_ text: RequestText) -> (first: String, type: ResourceType)? {
        let tokens = text.tokens
        for index in tokens.indices {
            if let (type, _) = compoundType(tokens, at: index) { return (tokens[index], type) }
        }
        return nil
    }

    /// `get svc` for "svc accts ns app": the request's first word of a two-word type taken alone names another type,
    /// so the command's type becomes the one both words name.
    static let twoWordType: Check = { words, evidence in
        let parsed = words.parsed
        guard let word = parsed.resourceWord, !word.contains("/"), parsed.resourceWords.count == 1,
              let (first, type) = twoWordType(evidence.text), let typed = parsed.resource, typed != type,
              ResourceCatalog.lookup(first) == typed || word.lowercased() == first else { return nil }
        let spelled = type.shortNames.first ?? type.plural
        words.replaceWord(word, with: spelled)
        return EvidenceFix(.verb, "\(spelled): the type the request names in two words")
    }
}

extension RequestEvidence {
    /// Words that ask for a secret's value in clear.
    static let decodeWords: Set<String> = ["decode", "decoded", "decoding", "base64", "plaintext", "cleartext", "unencoded"]

    /// `get secret db -o jsonpath='{.data.password}'` for "decode secret db key password": a secret's data is
    /// base64, so the value is piped through `base64 -d`. Nil when nothing changes.
    static func decodedSecret(_ command: String, request: String) -> String? {
        let text = RequestText(request)
        guard text.hasAny(decodeWords) || text.has("clear text") || text.has("plain text"),
              let words = CommandWords(command) else { return nil }
        let parsed = words.parsed
        guard parsed.verb == "get", parsed.resource?.plural == "secrets", parsed.names.count + parsed.objects.count >= 1,
              let output = parsed.output, output.hasPrefix("jsonpath="), output.contains(".data."),
              !output.contains("[*]"), !output.contains("range") else { return nil }
        return command + " | base64 -d"
    }
}
