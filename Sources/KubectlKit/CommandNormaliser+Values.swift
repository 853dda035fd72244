extension CommandNormaliser {
    /// Flags whose value kubectl reads as a Go duration (`5m` and `300s` are the same wait).
    static let durationFlags: Set<String> = ["timeout", "since", "request-timeout", "pod-running-timeout"]

    /// A Go duration in seconds (`1h30m` → 5400, `90s` → 90, `1.5h` → 5400); nil when `value` is none.
    static func seconds(ofDuration value: String) -> Double? {
        let units: [(String, Double)] = [("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("h", 3600), ("m", 60), ("s", 1)]
        var rest = Substring(value)
        var total = 0.0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let amount = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            total += amount * unit.1
            rest = rest.dropFirst(unit.0.count)
        }
        return total
    }

    /// A flag value in the form kubectl reads the same way whatever its spelling: durations in seconds, `wait`'s
    /// condition name in lower case without `=true` (kubectl compares conditions case-insensitively, and `true` is
    /// the status it waits for by default), and a directory given to `-f`/`-k` without its trailing `/`.
    static func canonicalValue(_ value: String, flag: String) -> String {
        if durationFlags.contains(flag), let seconds = seconds(ofDuration: value) {
            return seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
        }
        if flag == "for", value.lowercased().hasPrefix("condition=") {
            var condition = value.lowercased()
            if condition.hasSuffix("=true") { condition.removeLast("=true".count) }
            return condition
        }
        if flag == "filename" || flag == "kustomize", value.count > 1, value.hasSuffix("/") {
            return String(value.dropLast())
        }
        return value
    }

    /// A label selector's terms in one spelling, sorted (they are ANDed): `k notin (a,b)` becomes `k!=a,k!=b`,
    /// `k in (a)` becomes `k=a` and `k==a` becomes `k=a`. A selector k1 cannot read is returned as it is.
    static func canonicalSelector(_ compact: String) -> String {
        var terms: [String] = []
        var current = ""
        var depth = 0
        for character in compact {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                terms.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        terms.append(current)
        guard depth == 0 else { return compact }
        var out: [String] = []
        for term in terms {
            let spaced = term.split(separator: " ", maxSplits: 2).map(String.init)
            if spaced.count == 3, spaced[1] == "notin" || spaced[1] == "in",
               spaced[2].hasPrefix("("), spaced[2].hasSuffix(")") {
                let values = spaced[2].dropFirst().dropLast().split(separator: ",").map(String.init)
                if spaced[1] == "notin" {
                    out += values.map { spaced[0] + "!=" + $0 }
                } else if values.count == 1 {
                    out.append(spaced[0] + "=" + values[0])
                } else {
                    out.append(spaced[0] + " in (" + values.sorted().joined(separator: ",") + ")")
                }
            } else if !term.contains("!"), case let parts = term.split(separator: "=", omittingEmptySubsequences: false),
                      parts.count == 3, parts[1].isEmpty {
                out.append(parts[0] + "=" + parts[2])
            } else {
                out.append(term)
            }
        }
        return out.sorted().joined(separator: ",")
    }
}
