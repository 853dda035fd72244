import Foundation
import KubectlKit

/// Puts back values the model garbled while copying them from the request or the session. A small model copies
/// names and values well but not perfectly: it glues a listed name to its namespace (`payments-ledger-84c6d-wq5hn`
/// for the listed `ledger-84c6d-wq5hn`), renames a key (`username=admin` for "user=admin"), "corrects" a value
/// (`s3cret` for "s3cr3t") or makes up a file (`certs/shop.crt` for "tls.crt"). Each fix needs exactly one value of
/// the request or session that the garbled one is evidently a copy of; anything less certain is left for the
/// validator to flag.
public enum Recopy {
    /// One value put back.
    public struct Fix: Sendable, Equatable {
        /// What the model wrote.
        public var from: String
        /// What the request or session says.
        public var to: String
    }

    /// `command` with garbled copies put back, and the fixes made. Commands with shell syntax or bad quoting are
    /// returned unchanged.
    public static func repair(_ command: String, request: String, context: [String]) -> (command: String, fixes: [Fix]) {
        guard !ShellWords.hasShellSyntax(command), let words = try? ShellWords.split(command), words.first == "kubectl" else {
            return (command, [])
        }
        var fixes: [Fix] = []
        let known = knownNames(request: request, context: context)
        let unknown = Grounding.unknownNames(in: command, request: request, context: context)
        for name in unknown {
            if let match = uniqueNameMatch(for: name, among: known) { fixes.append(Fix(from: name, to: match)) }
        }
        // Glued copies read as mentioned across words (`quartz-5d7ctr` for "quartz-5d7 ctr"), so they are checked
        // among all the command's values.
        let requestWords = Set(RequestText(request).tokens)
        let knownLower = Set(known.map { $0.lowercased() })
        for value in commandValues(words) where !requestWords.contains(value.lowercased()) && !knownLower.contains(value.lowercased()) {
            if let split = gluedName(value, known: known, requestWords: requestWords) { fixes.append(Fix(from: value, to: split)) }
        }
        // One made-up name and one name of the request that the command does not use, sharing their first word
        // (`gpu-node-1` copied from an example for "gpu-1").
        if unknown.count == 1, fixes.isEmpty {
            let unused = knownNames(request: request, context: []).filter { !Mentions(request: command, context: []).contains($0) }
            if unused.count == 1, sharedStem(unknown[0], unused[0]) { fixes.append(Fix(from: unknown[0], to: unused[0])) }
        }
        let values = commandValues(words)
        let asked = requestTokens(request)
        fixes += keyValueFixes(values: values, asked: asked)
        // Files keep the `./` the request writes (`./ingest.properties`).
        fixes += fileFixes(values: values, asked: pathTokens(request))
        // `--role=viewer` for "role=viewer" is the pair already, written as a flag.
        fixes += truncatedFixes(values: values, asked: asked).filter { fix in
            !words.contains("--" + fix.to) && !words.contains("-" + fix.to)
        }
        fixes += pathFixes(values: values, asked: pathTokens(request))
        guard !fixes.isEmpty else { return (command, []) }
        var text = command
        var made: [Fix] = []
        for fix in fixes where fix.from != fix.to {
            let replaced = replacingWhole(fix.from, with: fix.to, in: text)
            if replaced != text {
                text = replaced
                made.append(fix)
            }
        }
        return (text, made)
    }

    // MARK: - Object names

    /// Names the request and session show: words with a digit, a dash or a dot, and the names of listed and selected
    /// objects.
    static func knownNames(request: String, context: [String]) -> [String] {
        var names: [String] = []
        func add(_ word: String) {
            let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:'\"()[]"))
            guard trimmed.count >= 3, trimmed.contains(where: \.isLetter),
                  trimmed.contains(where: { $0 == "-" || $0.isNumber || $0 == "." }), !names.contains(trimmed) else { return }
            names.append(trimmed)
        }
        for word in request.split(whereSeparator: \.isWhitespace) { add(String(word)) }
        for line in context {
            var body = Substring(line)
            if let colon = line.firstIndex(of: ":"), line.hasPrefix("selected: ") || line.hasPrefix("failing: ") {
                body = line[line.index(after: colon)...]
            }
            for word in body.split(whereSeparator: \.isWhitespace) {
                let part = word.split(separator: "/").last.map(String.init) ?? String(word)
                add(part)
            }
        }
        return names
    }

    /// The one known name that `name` is evidently a garbled copy of: it contains it or is contained in it at a dash
    /// boundary, or is at most two edits away (one for short names). Nil when none or several match.
    static func uniqueNameMatch(for name: String, among known: [String]) -> String? {
        let lower = name.lowercased()
        let matches = known.filter { candidate in
            let other = candidate.lowercased()
            guard other != lower else { return false }
            if other.count >= 6 && (lower.hasSuffix("-" + other) || lower.hasPrefix(other + "-")) { return true }
            if lower.count >= 6 && other.hasSuffix("-" + lower) { return true }
            let allowed = min(lower.count, other.count) >= 10 ? 2 : (min(lower.count, other.count) >= 5 ? 1 : 0)
            return allowed > 0 && abs(lower.count - other.count) <= allowed && editDistance(lower, other) <= allowed
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// A known name with a request word glued to it (`quartz-5d7ctr` for "quartz-5d7 ctr sidecar") is the name; with
    /// a sentence's full stop and ports after it (`quartz-5d7.5000:80`), the name and the ports as two words.
    static func gluedName(_ name: String, known: [String], requestWords: Set<String>) -> String? {
        let lower = name.lowercased()
        let matches = known.compactMap { candidate -> String? in
            let other = candidate.lowercased()
            guard other.count >= 5, lower.count > other.count, lower.hasPrefix(other) else { return nil }
            let rest = String(lower.dropFirst(other.count))
            if rest.count >= 2, requestWords.contains(rest) { return candidate }
            if rest.hasPrefix("."), rest.count > 1, rest.dropFirst().allSatisfy({ $0.isNumber || $0 == ":" }) {
                return candidate + " " + rest.dropFirst()
            }
            return nil
        }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Whether two names start with the same word of three or more characters before a dash (`gpu-node-1`, `gpu-1`).
    static func sharedStem(_ a: String, _ b: String) -> Bool {
        let partsA = a.lowercased().split(separator: "-").map(String.init)
        let partsB = b.lowercased().split(separator: "-").map(String.init)
        let stemA = partsA.first ?? ""
        if stemA.count >= 3 && stemA == partsB.first && partsA.count > 1 && partsB.count > 1 { return true }
        // `worker-5f6b9-qx7lm` for "cart-5f6b9-qx7lm": the same generated suffix (a hash with a digit) under
        // another prefix.
        let tailA = partsA.suffix(2), tailB = partsB.suffix(2)
        return partsA.count >= 3 && partsB.count >= 3 && tailA == tailB && tailA.joined().contains(where: \.isNumber)
            && tailA.joined().count >= 8
    }

    // MARK: - key=value and files

    /// The values in a command: positional words and the values of `--flag=value` and `--flag value`.
    static func commandValues(_ words: [String]) -> [String] {
        var values: [String] = []
        for word in words.dropFirst() where word != "--" {
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                values.append(String(word[word.index(after: equals)...]))
            } else if !word.hasPrefix("-") {
                values.append(word)
            }
        }
        return values
    }

    /// The request's words, without surrounding punctuation.
    static func requestTokens(_ request: String) -> [String] {
        request.split(whereSeparator: \.isWhitespace).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: ",;'\"()[]")).trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }.filter { !$0.isEmpty }
    }

    /// `key=value` values the request does not have, where it has exactly one unused `key=value` with the same key
    /// or the same value (`username=admin` for "user=admin", `password=s3cret` for "password=s3cr3t"). A value that
    /// starts with the request's (`dedicated=ml:NoSchedule` for "dedicated=ml") is a deliberate extension, not a copy.
    static func keyValueFixes(values: [String], asked: [String]) -> [Fix] {
        let pairs = asked.filter { $0.contains("=") && !$0.hasPrefix("=") && !$0.hasSuffix("=") }
        guard !pairs.isEmpty else { return [] }
        let present = Set(pairs.filter { pair in values.contains { $0.hasPrefix(pair) } })
        var fixes: [Fix] = []
        for value in values where value.contains("=") && !pairs.contains(value) {
            // `tier!=cache` excludes the request's `tier=cache`: an operator, not a garbled copy.
            guard !pairs.contains(where: { value.hasPrefix($0) }), !value.contains("!=") else { continue }
            let (key, rest) = split(value)
            let candidates = pairs.filter { pair in
                guard !present.contains(pair) else { return false }
                let (pairKey, pairValue) = split(pair)
                // Same key, same value, or the request's pair behind a prefix copied from an example
                // (`nvidia.com/gpu=true:NoSchedule` for "gpu=true:NoSchedule").
                return pairKey == key || pairValue == rest || value.hasSuffix(pair)
            }
            if candidates.count == 1 { fixes.append(Fix(from: value, to: candidates[0])) }
        }
        return fixes
    }

    /// A value that is the request's `key=value` without its key (`db:NoSchedule` for "role=db:NoSchedule").
    static func truncatedFixes(values: [String], asked: [String]) -> [Fix] {
        var fixes: [Fix] = []
        for value in values where !value.contains("=") && value.count >= 3 && !asked.contains(value) {
            // `SIZE=.status.capacity.storage` names a column's path, not a pair a value was cut from.
            let sources = Set(asked.filter { $0.contains("=") && !$0.contains("=.") && $0.hasSuffix("=" + value) && !values.contains($0) })
            if sources.count == 1, let source = sources.first { fixes.append(Fix(from: value, to: source)) }
        }
        return fixes
    }

    /// The request's words as paths: surrounding quotes and brackets cut, a sentence's final full stop too, but
    /// not the dot of `./env`.
    static func pathTokens(_ request: String) -> [String] {
        request.split(whereSeparator: \.isWhitespace).map { word in
            var token = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;'\"()[]"))
            if token.hasSuffix("."), token.count > 1 { token.removeLast() }
            return token
        }.filter { !$0.isEmpty }
    }

    /// A path the request does not have, where it names exactly one unused path with the same last part
    /// (`envs/prod` for "./env/prod", `./conf/` for "./conf").
    static func pathFixes(values: [String], asked: [String]) -> [Fix] {
        func isPath(_ word: String) -> Bool {
            word.contains("/") && !word.contains("=") && !word.contains("://") && !word.contains(":")
                && (word.hasPrefix(".") || word.hasPrefix("/") || word.hasPrefix("~") || word.split(separator: "/").count > 1)
                && ResourceCatalog.lookup(String(word.split(separator: "/").first ?? "")) == nil
        }
        func last(_ word: String) -> String { word.split(separator: "/").last.map(String.init) ?? word }
        let paths = asked.filter(isPath)
        guard !paths.isEmpty else { return [] }
        var fixes: [Fix] = []
        // `deploy/prod` for "./deploy/prod": the same path, written as the request writes it.
        for value in values where value.contains("/") && !asked.contains(value) && paths.contains("./" + value) {
            fixes.append(Fix(from: value, to: "./" + value))
        }
        for value in values where isPath(value) && !asked.contains(value) && !paths.contains(where: { value.contains($0) || $0.contains(value) }) {
            // A path already inside another value (`web-1:/var/log/app.log`) is used there.
            let candidates = paths.filter { path in
                last(path) == last(value) && !values.contains(where: { $0 == path || $0.hasSuffix(":" + path) })
            }
            if candidates.count == 1 { fixes.append(Fix(from: value, to: candidates[0])) }
        }
        return fixes
    }

    /// File names the request does not have, where it names exactly one unused file with the same extension
    /// (`certs/shop.crt` for "tls.crt").
    static func fileFixes(values: [String], asked: [String]) -> [Fix] {
        let files = asked.filter { fileExtension($0) != nil && !$0.contains("=") && !$0.contains("://") }
        guard !files.isEmpty else { return [] }
        var fixes: [Fix] = []
        // A value that holds one of the request's files (`web-0:/app/config.json` for "/app/config.json") is built
        // from it, not a copy of it.
        for value in values where !value.contains("=") && !value.contains("://")
            && !files.contains(where: { value.contains($0) }) {
            guard let ext = fileExtension(value) else { continue }
            // A file already inside another value (`web-1:/var/log/app.log`) is used there.
            let candidates = files.filter { file in
                fileExtension(file) == ext && !values.contains(where: { $0 == file || $0.hasSuffix(":" + file) })
            }
            if candidates.count == 1 { fixes.append(Fix(from: value, to: candidates[0])) }
        }
        return fixes
    }

    /// `crt` for `tls.crt`; nil for words that are not file names (`1.27`, `pod.spec`, `example.com`).
    static func fileExtension(_ word: String) -> String? {
        guard let dot = word.lastIndex(of: "."), dot != word.startIndex else { return nil }
        let ext = word[word.index(after: dot)...].lowercased()
        return fileExtensions.contains(ext) ? ext : nil
    }

    /// Extensions of files operators pass to kubectl.
    static let fileExtensions: Set<String> = [
        "yaml", "yml", "json", "crt", "pem", "key", "cert", "csr", "properties", "env", "conf", "cfg", "ini", "txt",
        "sql", "sh", "py", "toml", "xml", "tar", "gz", "tgz", "zip", "log", "jks", "p12",
    ]

    static func split(_ pair: String) -> (key: String, value: String) {
        guard let equals = pair.firstIndex(of: "=") else { return (pair, "") }
        return (String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
    }

    // MARK: - Text

    /// `text` with every whole occurrence of `from` replaced: bounded by the start, a space, `/`, `=` or `:` before and
    /// the end, a space, `,` or `:` after.
    static func replacingWhole(_ from: String, with to: String, in text: String) -> String {
        guard !from.isEmpty else { return text }
        var result = ""
        var rest = Substring(text)
        let before: Set<Character> = [" ", "/", "=", ":"]
        let after: Set<Character> = [" ", ",", ":"]
        while let range = rest.range(of: from) {
            let startOK = range.lowerBound == rest.startIndex
                ? (result.last.map { before.contains($0) } ?? true)
                : before.contains(rest[rest.index(before: range.lowerBound)])
            let endOK = range.upperBound == rest.endIndex || after.contains(rest[range.upperBound])
            result += rest[..<range.lowerBound]
            result += startOK && endOK ? to : from
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
