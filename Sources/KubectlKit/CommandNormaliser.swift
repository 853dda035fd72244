/// Canonical spelling of kubectl commands, to compare them by meaning.
///
/// Two commands normalise to the same string when kubectl would read them the same
/// way: the `kubectl` prefix is added; flags take their canonical long names
/// (`-n` → `--namespace`, `-it` → `--stdin --tty`, `-f` → `--follow` for `logs` but
/// `--filename` elsewhere), are written `--flag=value` and sorted; resource types take
/// their canonical plural (`po`, `pod`, `Pod` → `pods`); `TYPE/NAME` becomes `TYPE NAME`
/// when one type is addressed; quoting and whitespace disappear. Object names, the
/// namespace and the words after `--` keep their order and spelling.
public enum CommandNormaliser {
    /// The canonical form of a command line.
    ///
    /// A pipeline's kubectl part is canonical and the rest is folded. Other lines with unbalanced quotes or with
    /// shell syntax (substitutions, …) are only trimmed, have their whitespace runs folded to one space, and get the
    /// `kubectl` prefix.
    public static func normalise(_ command: String) -> String {
        // `kubectl … | base64 -d`: the kubectl part canonical, the rest of the pipeline as written.
        if let bar = command.indices.first(where: { command[$0...].hasPrefix(" | ") }), case let head = String(command[..<bar]),
           ShellWords.firstShellFeature(in: head) == nil, (try? ShellWords.split(head)) != nil {
            return normalise(head) + " | " + foldWhitespace(String(command[command.index(bar, offsetBy: 3)...]))
        }
        guard ShellWords.firstShellFeature(in: command) == nil,
              let words = try? ShellWords.split(command), !words.isEmpty
        else {
            let folded = foldWhitespace(command)
            if folded.isEmpty || folded == "kubectl" || folded.hasPrefix("kubectl ") { return folded }
            return "kubectl " + folded
        }
        return canonicalWords(of: KubectlCommand.parse(words)).map(ShellWords.quote).joined(separator: " ")
    }

    /// Whether two command lines mean the same kubectl command.
    public static func equivalent(_ a: String, _ b: String) -> Bool {
        normalise(a) == normalise(b)
    }

    /// The canonical words of a parsed command, `kubectl` first.
    public static func canonicalWords(of command: KubectlCommand) -> [String] {
        // `kubectl drain --help` prints what `kubectl help drain` prints.
        if let verb = command.verb, verb != "help", command.flags.map(\.name) == ["help"], command.positionals.isEmpty,
           !command.hasDoubleDash {
            return ["kubectl", "help", verb] + (command.subverb?.split(separator: " ").map(String.init) ?? [])
        }
        var out = ["kubectl"]
        if let verb = command.verb { out.append(verb) }
        if let subverb = command.subverb {
            out.append(contentsOf: subverb.split(separator: " ").map(String.init))
        }

        switch command.shape {
        case .verbatim:
            // `kustomize base/` is `kustomize base`: a directory with or without its slash.
            out.append(contentsOf: command.verb == "kustomize"
                ? command.positionals.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
                : command.positionals)
        case .typed(let slashForm):
            let types = Set(command.objects.map { canonicalType($0.resourceWord) })
            if slashForm, types.count > 1 {
                out.append(contentsOf: command.objects.map { canonicalType($0.resourceWord) + "/" + $0.name })
            } else if slashForm, let first = command.objects.first {
                out.append(canonicalType(first.resourceWord))
                out.append(contentsOf: command.names)
            } else if !command.resourceWords.isEmpty {
                out.append(command.resourceWords.map(canonicalType).joined(separator: ","))
                out.append(contentsOf: command.names)
            }
            out.append(contentsOf: command.arguments)
        case .focused:
            if let object = command.objects.first {
                if object.resource != nil, object.resource == ResourceCatalog.pods {
                    out.append(object.name)
                } else {
                    out.append(canonicalType(object.resourceWord) + "/" + object.name)
                }
            }
            out.append(contentsOf: command.arguments)
        case .explain:
            if let first = command.positionals.first {
                out.append(canonicalExplainPath(first))
                out.append(contentsOf: command.positionals.dropFirst())
            }
        case .canI:
            var words = command.positionals
            if words.count > 1 {
                let target = words[1]
                if let slash = target.firstIndex(of: "/") {
                    words[1] = canonicalType(String(target[..<slash])) + target[slash...]
                } else {
                    words[1] = canonicalType(target)
                }
            }
            out.append(contentsOf: words)
        }

        let table = command.verb.map { KubectlCommandTable.flagTable(verb: $0, subverb: command.subverb) }
            ?? KubectlCommandTable.globalFlagTable
        var flags = command.flags.map { canonicalFlag($0, table: table) }
        flags.sort()
        out.append(contentsOf: flags)

        if command.hasDoubleDash {
            out.append("--")
            out.append(contentsOf: command.afterDoubleDash)
        }
        return out
    }

    // MARK: - Pieces

    /// `po` → `pods`, `deploy.apps` → `deployments`, `events.events.k8s.io` stays
    /// qualified; unknown words are lowercased.
    static func canonicalType(_ word: String) -> String {
        if let type = ResourceCatalog.lookup(word) { return type.canonicalName }
        return word.lowercased()
    }

    /// `po.spec.containers` → `pods.spec.containers`.
    static func canonicalExplainPath(_ path: String) -> String {
        if let type = ResourceCatalog.lookup(path) { return type.canonicalName }
        guard let dot = path.firstIndex(of: ".") else { return path.lowercased() }
        let head = String(path[..<dot])
        guard let type = ResourceCatalog.lookup(head) else { return path }
        return type.canonicalName + path[dot...]
    }

    /// `--name=value`; switches given bare or `=true` are written `--name`, and valued
    /// flags given bare take their implicit value (`--dry-run` → `--dry-run=client`).
    static func canonicalFlag(_ flag: ParsedFlag, table: FlagTable) -> String {
        guard flag.isKnown, let spec = table.long[flag.name] else { return flag.description }
        guard let value = flag.value else {
            if spec.takesValue, let implicit = implicitValues[spec.long] { return "--" + spec.long + "=" + implicit }
            return "--" + spec.long
        }
        if !spec.takesValue, value == "true" { return "--" + spec.long }
        if spec.long == "dry-run", value == "true" || value == "unchanged" { return "--dry-run=client" }
        if spec.long == "selector" { return "--selector=" + canonicalSelector(compactSelector(value)) }
        // Field-selector terms are ANDed like a label selector's: their order means nothing.
        if spec.long == "field-selector" {
            return "--" + spec.long + "=" + compactSelector(value).split(separator: ",").map(String.init).sorted().joined(separator: ",")
        }
        return "--" + spec.long + "=" + canonicalValue(value, flag: spec.long)
    }

    /// A selector without the spaces kubectl ignores around its operators and commas: `env != prod, tier=web` →
    /// `env!=prod,tier=web`. Spaces that separate words (`env in (a,b)`) stay.
    static func compactSelector(_ value: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in value {
            if character == " " || character == "\t" {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = out.last, !gluedBefore.contains(character), !gluedAfter.contains(last) {
                out.append(" ")
            }
            pendingSpace = false
            out.append(character)
        }
        return out
    }

    /// Selector characters that take no space before them, and after them.
    private static let gluedBefore: Set<Character> = ["=", "!", ",", ")"]
    private static let gluedAfter: Set<Character> = ["=", "!", ",", "("]

    /// What kubectl uses for a valued flag given bare.
    private static let implicitValues: [String: String] = [
        "dry-run": "client",
        "cascade": "background",
        "validate": "strict",
    ]

    /// Trims the line and folds every run of whitespace into one space.
    static func foldWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }
}
