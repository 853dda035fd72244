/// Finds literal secret values in a command line or a request, so that k1 never writes them to its answer cache or
/// history: `--from-literal=password=hunter2`, `--docker-password=…`, `--token …`, `password=…`, `token: …`,
/// `Authorization: Bearer …`, and words like "password hunter2" in a request. A path to a secret
/// (`--from-file=key.pem`, `--from-env-file=.env`) is not a secret value. Errs on the side of caution: a line it
/// flags is only kept out of files. Pure.
public enum SecretDetector {
    /// Flags whose value is a literal secret (or holds one, like `--from-literal=key=value`).
    static let secretFlags: Set<String> = [
        "--from-literal", "--docker-password", "--password", "--token", "--client-secret", "--secret",
        "--auth-provider-arg", "--api-key", "--apikey",
    ]
    /// Key names whose value is a secret, in `key=value` or `key: value` form (compared lowercased, `-`/`_` ignored).
    static let secretKeys: Set<String> = [
        "password", "passwd", "pwd", "pass", "passphrase", "token", "secret", "apikey", "accesskey", "secretkey",
        "privatekey", "clientsecret", "authtoken", "accesstoken", "bearer", "credentials", "dbpassword",
    ]
    /// Words after which the next word is taken as a secret value in a request ("with password hunter2").
    static let secretWords: Set<String> = ["password", "passwd", "passphrase", "token", "bearer"]
    /// kubectl verbs after which a secret word names a subcommand or resource, not a value.
    static let commandWords: Set<String> = ["create", "get", "describe", "delete", "edit", "explain"]
    /// Words that may follow a secret word without being a value ("the token of the sa").
    static let fillerWords: Set<String> = [
        "a", "an", "the", "of", "for", "from", "in", "to", "is", "as", "and", "or", "with", "on", "that", "this",
        "it", "its", "value", "field", "key", "secret", "which", "where",
    ]

    /// True when `text` carries a literal secret value.
    public static func containsSecret(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .map { String($0).trimmingCharacters(in: quotes) }
        for (index, word) in words.enumerated() {
            let lower = word.lowercased()
            // --flag=value and --flag value
            if lower.hasPrefix("--") {
                let name = String(lower.prefix { $0 != "=" })
                if secretFlags.contains(name) {
                    if lower.contains("=") { if !lower.hasSuffix("=") { return true } }
                    else if index + 1 < words.count, !words[index + 1].hasPrefix("-") { return true }
                }
            }
            // key=value anywhere in a word (password=x, --from-literal=db_password=x, PGPASSWORD=x)
            if let equals = lower.firstIndex(of: "=") {
                let key = lower[..<equals].split(separator: "=").last.map(String.init) ?? ""
                let value = lower[lower.index(after: equals)...]
                if !value.isEmpty, isSecretKey(String(key.drop { $0 == "-" })) { return true }
            }
            // key: value (a header or YAML-ish request)
            if lower.hasSuffix(":"), isSecretKey(String(lower.dropLast())) || lower == "authorization:",
               index + 1 < words.count {
                return true
            }
            // "password hunter2", "bearer eyJ…" (not `kubectl create token NAME`: there the word is a subcommand)
            let previous = index > 0 ? words[index - 1].lowercased() : ""
            if secretWords.contains(lower.trimmingCharacters(in: punctuation)), index + 1 < words.count,
               !commandWords.contains(previous) {
                let next = words[index + 1].lowercased().trimmingCharacters(in: punctuation)
                if !next.isEmpty, !fillerWords.contains(next), !next.hasPrefix("-") { return true }
            }
        }
        return false
    }

    /// True when `key` names a secret: one of `secretKeys`, or ending in one (`db_password`, `PGPASSWORD`, `api-token`).
    static func isSecretKey(_ key: String) -> Bool {
        let folded = key.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "." }
        guard !folded.isEmpty else { return false }
        if secretKeys.contains(folded) { return true }
        return ["password", "passwd", "token", "secret", "apikey", "passphrase"].contains { folded.hasSuffix($0) }
    }

    private static let quotes: Set<Character> = ["'", "\""]
    private static let punctuation: Set<Character> = [",", ".", ";", ":", "'", "\"", "(", ")"]
}

private extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
