import Foundation
import KubectlKit
import Session

/// Which rows of the last listing a request picks, decided by k1 rather than the model: "the failing ones",
/// "the pending pods", "the ones that aren't ready", "the ones with restarts", "all of them", "the first two",
/// "the web ones". Pure.
///
/// The table (``rules``) maps words to a predicate over a row's STATUS, READY, RESTARTS and NAME. Every rule a
/// request matches must hold (`the failing web ones` is failing *and* named `web…`); `first N` / `last N` then
/// take rows in listing order. A request picks nothing (nil) when it asks for a fresh listing (`show the failing
/// pods`, `which nodes are not ready`) rather than pointing back at the shown rows, when it names another
/// resource type or namespace than the listing's, or when no rule matches.
public enum ListingSelector {
    /// One entry of the words → predicate table.
    public struct Rule: Sendable {
        /// The phrases that select this rule (lower-case, matched on word boundaries).
        public let phrases: [String]
        /// The state, as in "nothing … is failing".
        public let state: String
        /// Whether a row is picked.
        public let matches: @Sendable (ListedObject) -> Bool
    }

    /// The words → predicate table.
    public static let rules: [Rule] = [
        Rule(phrases: ["crashing", "crashlooping", "crash looping", "crash-looping", "crashloop", "crashloopbackoff",
                       "crashed", "in crash loop"],
             state: "crashing") { row in
            cell(row, "STATUS")?.contains("CrashLoopBackOff") == true
        },
        Rule(phrases: ["pending"], state: "pending") { row in cell(row, "STATUS") == "Pending" },
        Rule(phrases: ["not ready", "aren't ready", "arent ready", "isn't ready", "isnt ready", "unready", "notready",
                       "not-ready", "not fully ready", "aren't fully ready", "arent fully ready", "isn't fully ready",
                       "not fully available", "isn't fully available", "aren't fully available", "unavailable",
                       "not available", "degraded", "not all ready"],
             state: "not ready") { row in
            if let status = cell(row, "STATUS"), status.contains("NotReady") { return true }
            if let ready = cell(row, "READY"), let counts = fraction(ready) {
                if counts.ready < counts.total { return true }
                if let available = cell(row, "AVAILABLE").flatMap(leadingInteger), available < counts.total { return true }
            }
            return false
        },
        Rule(phrases: ["completed", "finished", "succeeded", "successful", "have completed", "that completed"], state: "completed") { row in
            if let status = cell(row, "STATUS") {
                if ["Completed", "Succeeded", "Complete", "SuccessCriteriaMet"].contains(status) { return true }
                if cell(row, "COMPLETIONS") == nil { return false }
            }
            guard let completions = cell(row, "COMPLETIONS"), let counts = fraction(completions) else { return false }
            return counts.total > 0 && counts.ready >= counts.total
        },
        Rule(phrases: ["evicted"], state: "evicted") { row in cell(row, "STATUS") == "Evicted" },
        Rule(phrases: ["error state", "in error", "errored", "status error", "in the error", "with error", "error status",
                       "error one", "error ones"],
             state: "in error") { row in cell(row, "STATUS") == "Error" },
        Rule(phrases: ["oomkilled", "oom killed", "oom-killed", "out of memory", "oom"], state: "OOMKilled") { row in
            cell(row, "STATUS")?.contains("OOMKilled") == true
        },
        Rule(phrases: ["imagepullbackoff", "errimagepull", "image pull", "pull errors", "can't pull", "cannot pull",
                       "cant pull", "pull error"],
             state: "failing to pull their image") { row in
            cell(row, "STATUS").map { $0.contains("ImagePull") || $0.contains("ErrImage") } == true
        },
        Rule(phrases: ["cordoned", "schedulingdisabled", "unschedulable", "scheduling disabled"], state: "cordoned") { row in
            cell(row, "STATUS")?.contains("SchedulingDisabled") == true
        },
        Rule(phrases: ["at 0", "at zero", "scaled to 0", "scaled to zero", "scaled down to 0", "scaled down to zero",
                       "with 0 replicas", "with zero replicas", "at 0 replicas", "at zero replicas", "scaled to nothing"],
             state: "scaled to zero") { row in
            cell(row, "READY").flatMap(fraction).map { $0.total == 0 } == true
        },
        Rule(phrases: ["terminating", "stuck terminating"], state: "terminating") { row in cell(row, "STATUS") == "Terminating" },
        Rule(phrases: ["with restarts", "that restarted", "restarted", "restarting", "have restarts", "had restarts",
                       "with a restart", "that have restarted"],
             state: "restarting") { row in
            (cell(row, "RESTARTS").flatMap(leadingInteger) ?? 0) > 0
        },
        Rule(phrases: ["failing", "failed", "broken", "unhealthy", "erroring", "in error", "not healthy", "bad ones",
                       "not working"],
             state: "failing") { row in row.healthy == false },
        Rule(phrases: ["all of them", "all of those", "all of these", "them all", "all the listed", "all listed",
                       "every one of them", "all those", "all these", "all the ones", "each of them"],
             state: "listed") { _ in true },
    ]

    /// Words that make a request a fresh query rather than a pick of the shown rows, unless it also points back.
    static let queryWords: Set<String> = ["get", "list", "show", "find", "which", "what", "are", "is", "how", "count",
                                          "display", "watch", "any"]

    /// Words that point back at shown rows.
    static let pointers: Set<String> = ["ones", "one", "them", "those", "these", "listed", "above", "they", "listing"]

    /// Words of an action on rows, which a query word in front does not make a fresh listing.
    static let actionWords: Set<String> = ["logs", "log", "describe", "delete", "remove", "kill", "restart", "scale",
                                           "exec", "shell", "cordon", "uncordon", "drain", "label", "annotate", "edit",
                                           "events", "debug", "forward", "port-forward", "rollout"]

    /// Ordinal words for "the second one", "the 3rd pod".
    static let ordinals: [String: Int] = ["second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
                                          "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8]

    /// The ordinal a request picks a row by ("the second one", "3rd pod"), past `first` and `last`.
    static func ordinal(_ words: [String]) -> Int? {
        let found = Set(words.compactMap { ordinals[$0] })
        return found.count == 1 ? found.first : nil
    }

    /// The column a superlative picks by, how it reads, and whether the highest value wins: "the one with the most
    /// restarts", "restarted the most", "the oldest", "the newest".
    static func superlative(_ words: [String]) -> (column: String, label: String, highest: Bool)? {
        let text = " " + words.joined(separator: " ") + " "
        let restarts = ["most restarts", "most restarted", "restarted the most", "restarted most", "highest restart",
                        "max restarts", "most restarting", "restarts the most", "most number of restarts", "restarting the most"]
        if restarts.contains(where: { text.contains(" \($0)") }) { return ("RESTARTS", "restarted the most", true) }
        if text.contains(" oldest ") { return ("AGE", "the oldest", true) }
        if text.contains(" newest ") || text.contains(" youngest ") || text.contains(" most recent ") { return ("AGE", "the newest", false) }
        return nil
    }

    /// "older than a week" → (604800, true), "newer than 2h" → (7200, false): an age bound in seconds.
    static func ageBound(_ words: [String]) -> (Int, Bool)? {
        guard let at = words.indices.dropLast(2).first(where: { index in
            ["older", "newer", "younger"].contains(words[index]) && words[index + 1] == "than"
        }) else { return nil }
        let older = words[at] == "older"
        var next = at + 2
        var count = 1
        if let number = Int(words[next]) ?? numbers[words[next]] ?? (["a", "an", "one"].contains(words[next]) ? 1 : nil) {
            count = number
            next += 1
        } else if let seconds = CommandRepair.seconds(words[next]) {
            return (seconds, older)
        }
        guard next < words.count else { return nil }
        let units: [String: Int] = ["second": 1, "minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400,
                                    "week": 604_800, "month": 2_592_000, "year": 31_536_000]
        let unit = words[next].hasSuffix("s") ? String(words[next].dropLast()) : words[next]
        guard let seconds = units[unit] else { return nil }
        return (count * seconds, older)
    }

    /// A row's number in `column`: restarts as counted, ages (`3d4h`, `47m`, `12s`) in seconds.
    static func value(_ row: ListedObject, _ column: String) -> Int? {
        guard let text = cell(row, column) else { return nil }
        return column == "AGE" ? CommandRepair.seconds(text) : leadingInteger(text)
    }

    /// Number words for `first two`.
    static let numbers: [String: Int] = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                                         "eight": 8, "nine": 9, "ten": 10]

    /// The rows of `listing` that `request` picks, or nil when it picks none by rule (the model decides).
    public static func pick(_ request: String, listing: Listing) -> ListingPick? {
        let text = " " + normalised(request) + " "
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first else { return nil }
        let pointsBack = words.contains { pointers.contains($0) }
        // "show the logs of the one that restarted most" acts on a row; "show the failing pods" asks anew.
        let acts = words.contains { actionWords.contains($0) }
        if queryWords.contains(first) && !pointsBack && !acts { return nil }
        if namesOtherPlace(words, listing: listing) { return nil }
        // "undo that rollout, it's broken": "it" is one object, the selected one, not rows picked by their state.
        if words.contains(where: { ["it", "its", "it's"].contains($0) }),
           !words.contains(where: { ["ones", "one", "them", "those", "these", "they", "all", "listed"].contains($0) }) {
            return nil
        }

        var states: [String] = []
        var rows = listing.objects
        let matched = rules.filter { rule in rule.phrases.contains(where: { text.contains(" \($0) ") }) }
        // "the completed and failed ones", "evicted or oomkilled": either state. Otherwise every state must hold
        // ("not ready" is not also "ready"; "crashing" rows are failing too, so both may match).
        let either = matched.filter { $0.state != "listed" }.count > 1 && (text.contains(" and ") || text.contains(" or "))
        for rule in matched {
            states.append(rule.state)
            if !either { rows = rows.filter(rule.matches) }
        }
        if either {
            let stateRules = matched.filter { $0.state != "listed" }
            rows = rows.filter { row in stateRules.contains { $0.matches(row) } }
            states = [stateRules.map(\.state).joined(separator: " or ")]
        }
        var named: String?
        if let prefix = namePrefix(words, listing: listing) {
            named = prefix
            rows = rows.filter { $0.name == prefix || $0.name.hasPrefix(prefix + "-") }
        }
        // "the sts in monitoring that's not ready", of an `-A` listing: only the rows of the namespace named.
        if let place = AskedFlags.namedNamespace(words.joined(separator: " ")), listing.namespace == nil,
           listing.objects.contains(where: { $0.namespace == place }) {
            rows = rows.filter { $0.namespace == place }
            states.append("in \(place)")
        }
        // "older than a week", "newer than 2h": by the AGE column.
        if let (bound, older) = ageBound(words) {
            rows = rows.filter { row in value(row, "AGE").map { older ? $0 > bound : $0 < bound } ?? false }
            states.append(older ? "older than the age asked" : "newer than the age asked")
        }
        // "the 0/0 ones": rows whose READY (or COMPLETIONS) reads exactly that.
        for word in words where fraction(word) != nil {
            let matching = rows.filter { cell($0, "READY") == word || cell($0, "COMPLETIONS") == word }
            guard !matching.isEmpty || listing.objects.contains(where: { cell($0, "READY") != nil }) else { continue }
            states.append("at \(word)")
            rows = matching
        }
        // "the ones with 0 available", "2 restarts": rows whose column of that name holds that number.
        if let (column, count) = columnCount(words, listing: listing) {
            rows = rows.filter { row in
                guard let text = cell(row, column) else { return false }
                return (fraction(text)?.ready ?? leadingInteger(text)) == count
            }
            states.append("with \(count) \(column.lowercased())")
        }
        if let (column, label, highest) = superlative(words) {
            let values = rows.compactMap { row in value(row, column).map { (row, $0) } }
            if let best = highest ? values.map(\.1).max() : values.map(\.1).min() {
                rows = values.filter { $0.1 == best }.map(\.0)
                states.append(label)
            }
        }
        var position: String?
        if let (word, count) = firstOrLast(words) {
            position = "the \(word) \(count)"
            rows = word == "first" ? Array(rows.prefix(count)) : Array(rows.suffix(count))
        } else if let ordinal = ordinal(words) {
            position = "number \(ordinal)"
            rows = rows.count >= ordinal ? [rows[ordinal - 1]] : []
        }
        if states.count > 1 { states.removeAll { $0 == "listed" } }
        guard !states.isEmpty || named != nil || position != nil else { return nil }
        var state = states.joined(separator: " and ")
        if let named { state = (state.isEmpty || state == "listed" ? "" : state + " and ") + "named \(named)…" }
        if state.isEmpty { state = "listed" }
        return ListingPick(state: state, rows: rows, listing: listing)
    }

    /// The request lower-cased, punctuation other than `-`, `'`, `/` and `.` inside words turned into spaces.
    static func normalised(_ request: String) -> String {
        let mapped = request.lowercased().map { c -> Character in
            c.isLetter || c.isNumber || c == "-" || c == "'" || c == "/" || c == "." || c == "_" ? c : " "
        }
        // "the 2nd one's logs": the possessive is the row itself.
        return String(mapped).split(separator: " ")
            .map { $0.hasSuffix("'s") ? String($0.dropLast(2)) : String($0) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".")) }
            .filter { !$0.isEmpty }.map(stateSpelling).joined(separator: " ")
    }

    /// The one-word state phrases of ``rules`` ("errored", "crashlooping", "terminating").
    static let stateWords: [String] = Array(Set(rules.flatMap(\.phrases).filter { !$0.contains(" ") && $0.count >= 6 }))
        .sorted()

    /// `word`, or the state word one letter off it ("erorred" → "errored", "pendng" → "pending").
    static func stateSpelling(_ word: String) -> String {
        guard word.count >= 6, word.allSatisfy(\.isLetter), !stateWords.contains(word) else { return word }
        let near = stateWords.filter { ClosestName.distance($0, word) <= 1 }
        return near.count == 1 ? near[0] : word
    }

    /// Whether the request names a resource type or a namespace other than the listing's.
    static func namesOtherPlace(_ words: [String], listing: Listing) -> Bool {
        if let named = AskedFlags.namedNamespace(words.joined(separator: " ")),
           named != listing.namespace, !listing.objects.contains(where: { $0.name == named || $0.namespace == named }) {
            return true
        }
        for (index, word) in words.enumerated() {
            if ["-n", "--namespace", "namespace", "ns"].contains(word), index + 1 < words.count {
                let named = words[index + 1]
                // A namespace among the rows of an `-A` listing picks them, it is no other place.
                if named != listing.namespace, !listing.objects.contains(where: { $0.namespace == named }) { return true }
            }
            if word == "-a" || word == "--all-namespaces" || (word == "namespaces" && index > 0 && words[index - 1] == "all") {
                if listing.namespace != nil { return true }
                continue
            }
            if RequestWords.ambiguousTypeWords.contains(word) || ["logs", "log", "events", "event"].contains(word) {
                continue
            }
            let typeWord = word.split(separator: "/").first.map(String.init) ?? word
            if let type = ResourceCatalog.lookup(typeWord), let listed = listing.resource,
               type.canonicalName != listed {
                return true
            }
        }
        return false
    }

    /// `web` in "the web ones", "the web pods", "web-ish ones": a word right before `ones` or the listing's type
    /// that is a whole name or a dash-prefix of a listed name.
    static func namePrefix(_ words: [String], listing: Listing) -> String? {
        let typeWords: Set<String> = {
            guard let resource = listing.resource, let type = ResourceCatalog.lookup(resource) else { return [] }
            return Set([type.plural, type.singular] + type.shortNames)
        }()
        for (index, word) in words.enumerated() where index + 1 < words.count && word.count >= 2 {
            let next = words[index + 1]
            guard next == "ones" || next == "one" || typeWords.contains(next) else { continue }
            if listing.objects.contains(where: { $0.name == word || $0.name.hasPrefix(word + "-") }) { return word }
        }
        return nil
    }

    /// The listing's column and the number a request gives it: "with 0 available" → (`AVAILABLE`, 0), "no restarts"
    /// → (`RESTARTS`, 0), "zero ready" → (`READY`, 0). Nil unless exactly one such pair is there.
    static func columnCount(_ words: [String], listing: Listing) -> (String, Int)? {
        let headers = Set(listing.objects.flatMap(\.columns.keys)).filter { $0 != "NAME" && $0 != "AGE" }
        var found: [(String, Int)] = []
        for index in words.indices.dropLast() {
            guard let count = Int(words[index]) ?? numbers[words[index]] ?? (["zero", "no"].contains(words[index]) ? 0 : nil)
            else { continue }
            let next = words[index + 1]
            if let header = headers.first(where: { $0.lowercased() == next || $0.lowercased() == next + "s" }) {
                found.append((header, count))
            }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// `first two`, `last 3`, `first one`, `the first pod` (one).
    static func firstOrLast(_ words: [String]) -> (String, Int)? {
        for (index, word) in words.enumerated() where word == "first" || word == "last" {
            guard index + 1 < words.count else { return (word, 1) }
            let next = words[index + 1]
            // "the last listing", "the last get": the listing itself, not its last row.
            if ["listing", "list", "output", "command", "get", "table", "time"].contains(next) { continue }
            if let count = numbers[next] ?? Int(next), count > 0 { return (word, count) }
            return (word, 1)
        }
        return nil
    }

    static func cell(_ row: ListedObject, _ column: String) -> String? {
        guard let value = row.columns[column]?.trimmingCharacters(in: .whitespaces), !value.isEmpty,
              value != "<none>", value != "<unknown>" else { return nil }
        return value
    }

    static func fraction(_ text: String) -> (ready: Int, total: Int)? {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let ready = Int(parts[0]), let total = Int(parts[1]) else { return nil }
        return (ready, total)
    }

    static func leadingInteger(_ text: String) -> Int? {
        Int(text.prefix { $0.isASCII && $0.isNumber })
    }
}
