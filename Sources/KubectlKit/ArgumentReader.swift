/// Reads the positional words of a command according to the shape of its verb.
struct ArgumentReader {
    let verb: String?
    let subPath: [String]
    let positionals: [String]

    func read() -> ArgumentLayout {
        guard let verb else { return ArgumentLayout(arguments: positionals) }
        let sub = subPath.first
        switch verb {
        case "get", "describe", "delete", "edit", "patch", "scale", "autoscale", "expose", "wait", "rollout":
            return typed(positionals)
        case "label", "annotate":
            return typed(positionals) { $0.contains("=") || $0.hasSuffix("-") }
        case "taint":
            return typed(positionals) { $0.contains("=") || $0.contains(":") || $0.hasSuffix("-") }
        case "set":
            switch sub {
            case "image", "env", "selector":
                return typed(positionals) { $0.contains("=") || $0.hasSuffix("-") }
            case "serviceaccount":
                // `set serviceaccount TYPE NAME SERVICE_ACCOUNT`: the last word is the account.
                guard positionals.count > 1, let account = positionals.last else { return typed(positionals) }
                var layout = typed(Array(positionals.dropLast()))
                layout.arguments.append(account)
                return layout
            default:
                return typed(positionals)
            }
        case "apply":
            return sub == nil ? ArgumentLayout(arguments: positionals) : typed(positionals)
        case "logs", "attach", "port-forward", "exec", "debug":
            return focused(positionals)
        case "cp":
            return copyPaths(positionals)
        case "run":
            return named(positionals, implied: ResourceCatalog.pods)
        case "create":
            guard let sub else { return ArgumentLayout(arguments: positionals) }
            let implied = sub == "token" ? ResourceCatalog.lookup("serviceaccounts") : ResourceCatalog.lookup(sub)
            return named(positionals, implied: implied)
        case "cordon", "uncordon", "drain":
            return implied(positionals, ResourceCatalog.lookup("nodes"))
        case "top":
            guard let sub else { return ArgumentLayout(arguments: positionals) }
            return implied(positionals, ResourceCatalog.lookup(sub))
        case "certificate":
            guard sub != nil else { return ArgumentLayout(arguments: positionals) }
            return implied(positionals, ResourceCatalog.lookup("certificatesigningrequests"))
        case "explain":
            return explain(positionals)
        case "auth":
            return sub == "can-i" ? canI(positionals) : ArgumentLayout(arguments: positionals)
        case "config":
            switch sub {
            case "use-context", "delete-context", "rename-context", "get-contexts", "set-context",
                 "delete-cluster", "set-cluster", "delete-user", "set-credentials":
                return ArgumentLayout(names: positionals)
            default:
                return ArgumentLayout(arguments: positionals)
            }
        default:
            return ArgumentLayout(arguments: positionals)
        }
    }

    /// `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`; words matching `isArgument` are set aside.
    private func typed(_ words: [String], isArgument: (String) -> Bool = { _ in false }) -> ArgumentLayout {
        var layout = ArgumentLayout()
        var candidates: [String] = []
        for word in words {
            if isArgument(word) { layout.arguments.append(word) } else { candidates.append(word) }
        }
        guard let first = candidates.first else { return layout }

        if first.contains("/") {
            layout.shape = .typed(slashForm: true)
            var leftovers: [String] = []
            for word in candidates {
                guard let slash = word.firstIndex(of: "/") else {
                    leftovers.append(word)
                    continue
                }
                let typeWord = String(word[..<slash])
                let name = String(word[word.index(after: slash)...])
                let object = ObjectRef(resourceWord: typeWord, name: name)
                layout.objects.append(object)
                layout.names.append(name)
                if !layout.resourceWords.contains(typeWord) { layout.resourceWords.append(typeWord) }
            }
            layout.arguments = leftovers + layout.arguments
            let types = Set(layout.objects.map { $0.resource?.qualifiedName ?? $0.resourceWord.lowercased() })
            if types.count == 1, let object = layout.objects.first {
                layout.resource = object.resource
                layout.resourceWord = object.resourceWord
            }
            return layout
        }

        layout.shape = .typed(slashForm: false)
        layout.resourceWord = first
        layout.resourceWords = first.split(separator: ",", omittingEmptySubsequences: true).map(String.init)
        layout.names = Array(candidates.dropFirst())
        let types = layout.resourceWords.map { ($0, ResourceCatalog.lookup($0)) }
        if types.count == 1 { layout.resource = types[0].1 }
        for (word, type) in types {
            for name in layout.names {
                layout.objects.append(ObjectRef(resource: type, resourceWord: word, name: name))
            }
        }
        return layout
    }

    /// One object first (a bare name is a pod), then arguments (container, ports, command).
    private func focused(_ words: [String]) -> ArgumentLayout {
        var layout = ArgumentLayout(shape: .focused)
        guard let first = words.first else { return layout }
        layout.arguments = Array(words.dropFirst())
        let object: ObjectRef
        if let slash = first.firstIndex(of: "/") {
            let typeWord = String(first[..<slash])
            object = ObjectRef(resourceWord: typeWord, name: String(first[first.index(after: slash)...]))
            layout.resourceWord = typeWord
            layout.resourceWords = [typeWord]
        } else {
            object = ObjectRef(resource: ResourceCatalog.pods, resourceWord: "pods", name: first)
        }
        layout.resource = object.resource
        layout.names = [object.name]
        layout.objects = [object]
        return layout
    }

    /// `cp [NAMESPACE/]POD:PATH LOCAL` and the reverse: the pod side names the object.
    private func copyPaths(_ words: [String]) -> ArgumentLayout {
        var layout = ArgumentLayout(arguments: words)
        for word in words {
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex else { continue }
            var pod = word[..<colon]
            if pod.hasPrefix(".") || pod.hasPrefix("/") || pod.hasPrefix("~") { continue }
            if let slash = pod.lastIndex(of: "/") { pod = pod[pod.index(after: slash)...] }
            guard !pod.isEmpty else { continue }
            layout.names.append(String(pod))
            layout.objects.append(ObjectRef(resource: ResourceCatalog.pods, resourceWord: "pods", name: String(pod)))
        }
        if !layout.objects.isEmpty { layout.resource = ResourceCatalog.pods }
        return layout
    }

    /// `NAME [ARG…]` where the command implies the type (`run`, `create deployment`).
    private func named(_ words: [String], implied type: ResourceType?) -> ArgumentLayout {
        var layout = ArgumentLayout(resource: type)
        guard let name = words.first else { return layout }
        layout.names = [name]
        layout.arguments = Array(words.dropFirst())
        if let type {
            layout.objects = [ObjectRef(resource: type, resourceWord: type.plural, name: name)]
        }
        return layout
    }

    /// `NAME…` where the command implies the type (`drain`, `top pod`, `certificate approve`).
    private func implied(_ words: [String], _ type: ResourceType?) -> ArgumentLayout {
        var layout = ArgumentLayout(resource: type, names: words)
        if let type {
            layout.objects = words.map { ObjectRef(resource: type, resourceWord: type.plural, name: $0) }
        }
        return layout
    }

    /// `explain TYPE[.field…]`.
    private func explain(_ words: [String]) -> ArgumentLayout {
        var layout = ArgumentLayout(arguments: Array(words.dropFirst()), shape: .explain)
        guard let first = words.first else { return layout }
        if let type = ResourceCatalog.lookup(first) {
            layout.resource = type
            layout.resourceWord = first
        } else if let dot = first.firstIndex(of: ".") {
            let typeWord = String(first[..<dot])
            layout.resource = ResourceCatalog.lookup(typeWord)
            layout.resourceWord = typeWord
        } else {
            layout.resourceWord = first
        }
        if let word = layout.resourceWord { layout.resourceWords = [word] }
        return layout
    }

    /// `auth can-i VERB TYPE[/SUBRESOURCE] [NAME]`: nothing is acted on, so no objects.
    private func canI(_ words: [String]) -> ArgumentLayout {
        var layout = ArgumentLayout(shape: .canI)
        guard let action = words.first else { return layout }
        layout.arguments = [action]
        guard words.count > 1 else { return layout }
        let target = words[1]
        let typeWord = target.firstIndex(of: "/").map { String(target[..<$0]) } ?? target
        layout.resourceWord = target
        layout.resourceWords = [target]
        layout.resource = ResourceCatalog.lookup(typeWord)
        layout.names = Array(words.dropFirst(2))
        return layout
    }
}
