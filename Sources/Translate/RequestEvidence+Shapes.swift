import Foundation
import KubectlKit

extension RequestEvidence {
    // MARK: - Selectors

    /// `-l stage!=dev -l stage!=test`: kubectl keeps only the last `-l`, so the terms join one selector.
    static let mergedSelectors: Check = { words, _ in
        let spans = words.spans.filter { $0.flag.name == "selector" }
        guard spans.count > 1 else { return nil }
        // A term written twice is left to `repeatedSelectorTerms`, which runs after every other check.
        let terms = spans.compactMap(\.flag.value).flatMap(selectorTerms)
        while let span = words.span("selector") { words.remove(span) }
        words.append(["-l", terms.joined(separator: ",")])
        return EvidenceFix(.selector, "one -l for \(spans.count): kubectl reads only the last")
    }

    /// `--field-selector=status.phase=Running --field-selector=spec.nodeName=nd-4`: kubectl keeps only the last, so the
    /// terms join one field selector.
    static let mergedFieldSelectors: Check = { words, _ in
        let spans = words.spans.filter { $0.flag.name == "field-selector" }
        guard spans.count > 1 else { return nil }
        var terms: [String] = []
        for term in spans.compactMap(\.flag.value).flatMap({ $0.split(separator: ",").map(String.init) }) where !terms.contains(term) {
            terms.append(term)
        }
        while let span = words.span("field-selector") { words.remove(span) }
        words.append(["--field-selector=" + terms.joined(separator: ",")])
        return EvidenceFix(.fieldSelector, "one --field-selector for \(spans.count): kubectl reads only the last")
    }

    /// "neither dev nor test" for terms of one key (`stage!=dev,stage!=test` or `stage=dev`): `stage notin (dev,test)`.
    static let neitherNor: Check = { words, evidence in
        let tokens = evidence.text.tokens
        guard let neither = tokens.firstIndex(of: "neither"), neither + 3 < tokens.count, tokens[neither + 2] == "nor",
              let span = words.span("selector"), let selector = span.flag.value else { return nil }
        let first = tokens[neither + 1]
        let second = tokens[neither + 3]
        let terms = selectorTerms(selector)
        func parts(_ term: String) -> (key: String, value: String)? {
            if let equal = equality(term) { return equal }
            guard let range = term.range(of: "!=") else { return nil }
            return (String(term[..<range.lowerBound]), String(term[range.upperBound...]))
        }
        let matching = terms.filter { term in parts(term).map { [first, second].contains($0.value.lowercased()) } ?? false }
        guard let key = matching.first.flatMap(parts)?.key, matching.allSatisfy({ parts($0)?.key == key }) else { return nil }
        let replacement = "\(key) notin (\(first),\(second))"
        var kept = terms.filter { !matching.contains($0) }
        kept.append(replacement)
        words.setValue(kept.joined(separator: ","), of: span)
        return EvidenceFix(.selector, "selector \(replacement) for \"neither … nor\"")
    }

    /// Words that ask about a pod's phase or health.
    static let phaseAskingWords: [String] = [
        "running", "pending", "fail", "succeeded", "success", "complete", "finished", "done", "phase", "crash", "error",
        "stuck", "healthy", "unhealthy", "broken", "dead", "ready", "active", "alive", "live", "evicted", "terminat",
        "status", "state", "up", "down", "started", "starting", "stopped", "bad", "ok", "problem", "issue",
    ]

    /// A `status.phase` term that no word of the request asks for (`--field-selector=status.phase!=Running` for "pods
    /// app!=legacy") narrows a listing by a guess: it goes.
    static let unaskedPhase: Check = { words, evidence in
        // "the failing ones" picks rows of a listing by their status.
        guard let span = words.span("field-selector"), let selector = span.flag.value,
              !evidence.text.hasAny(["ones", "them", "those", "these", "they", "it"]) else { return nil }
        let asked = FlagEvidence.askedText(evidence.request)
        guard !phaseAskingWords.contains(where: { FlagEvidence.mentions(asked, $0) }) else { return nil }
        let terms = selector.split(separator: ",").map(String.init)
        let kept = terms.filter { !$0.hasPrefix("status.phase") }
        guard kept.count < terms.count else { return nil }
        if kept.isEmpty { words.remove(span) } else { words.setValue(kept.joined(separator: ","), of: span) }
        return EvidenceFix(.inventedValue, "dropped status.phase nobody asked for")
    }

    // MARK: - Identities

    /// "get nodes as grp admins user bob": `--as=bob --as-group=admins`, for a command that impersonates no one yet.
    static let impersonation: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        // "whether the group auditors may list secrets": a permission check names whom it asks about.
        let canI = parsed.verb == "auth" && parsed.subverb == "can-i"
        guard !parsed.hasFlag("as"), !parsed.hasFlag("as-group"), parsed.verb != "run", parsed.verb != "exec",
              let start = tokens.firstIndex(where: { $0 == "as" || $0.hasPrefix("impersonat") })
                ?? (canI ? tokens.firstIndex(where: { ["group", "grp", "user", "usr"].contains($0) }).map { $0 - 1 } : nil)
        else { return nil }
        var user: String?
        var group: String?
        var index = start + 1
        // "the current user is allowed": words that follow "user" without naming one.
        func names(_ value: String) -> Bool {
            isLabelKey(value) && !notObjectNames.contains(value) && !connectives.contains(value)
                && !["may", "allowed", "i", "me", "am", "named", "called", "account"].contains(value)
                && !(index > 0 && ["current", "my", "this", "same"].contains(tokens[index - 1]))
        }
        while index + 1 < tokens.count, index <= start + 5 {
            let word = tokens[index]
            var value = tokens[index + 1]
            if ["named", "called"].contains(value), index + 2 < tokens.count { value = tokens[index + 2] }
            if ["user", "usr"].contains(word), user == nil, names(value) { user = value; index += 2; continue }
            if ["group", "grp"].contains(word), group == nil, names(value) { group = value; index += 2; continue }
            index += 1
        }
        guard user != nil || group != nil else { return nil }
        // Flags a model invents for the same identity go.
        for name in ["user", "group", "grantee"] where KubectlCommandTable.flag(named: "--" + name, verb: parsed.verb, subverb: parsed.subverb) == nil {
            while let span = words.spans.first(where: { $0.flag.name == name }) { words.remove(span) }
        }
        var added: [String] = []
        if let user { added.append("--as=" + user) }
        if let group { added.append("--as-group=" + group) }
        words.append(added)
        return EvidenceFix(.identity, "\(added.joined(separator: " ")): the identity the request acts as")
    }

    // MARK: - Names and types

    /// `scale deployment a,b`: kubectl reads commas between types, not names, so `a,b` is one bad name; the names
    /// become separate words.
    static let commaNames: Check = { words, _ in
        let parsed = words.parsed
        guard !parsed.resourceWords.isEmpty, parsed.verb != "create", parsed.verb != "run" else { return nil }
        let joined = parsed.names.filter { name in
            name.contains(",") && name.split(separator: ",").count > 1 && name.split(separator: ",").allSatisfy { looksLikeName(String($0)) }
        }
        guard joined.count == 1, let name = joined.first, let index = words.words.firstIndex(of: name) else { return nil }
        var line = words.words
        line.replaceSubrange(index...index, with: name.split(separator: ",").map(String.init))
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "\(name.replacingOccurrences(of: ",", with: " ")): one word per name")
    }

    /// `set image deployment/ledger …` for "sts ledger": an object whose name the request gives with another type
    /// takes the request's type.
    static let requestedObjectType: Check = { words, evidence in
        let parsed = words.parsed
        // Verbs that act on the object itself (`get endpoints X` for "endpoints of svc X" reads another type on purpose;
        // `autoscale deploy X` for "hpa X" names the target).
        guard ["set", "scale", "rollout", "describe", "delete", "label", "annotate", "edit", "port-forward", "logs", "wait", "patch"].contains(parsed.verb ?? ""),
              parsed.objects.count == 1, let object = parsed.objects.first, let current = object.resource,
              let wanted = namedObject(object.name, in: evidence.text), wanted != current,
              !["namespaces", "nodes"].contains(wanted.plural),
              // "the autoscaler of the deployment api, named api": a type the request names is kept.
              !namesType(current, evidence.text) else { return nil }
        if let slashed = words.words.first(where: { $0.lowercased() == object.resourceWord.lowercased() + "/" + object.name.lowercased() }) {
            words.replaceWord(slashed, with: wanted.singular + "/" + object.name)
        } else if let typed = parsed.resourceWord, parsed.resourceWords.count == 1 {
            words.replaceWord(typed, with: wanted.singular)
        } else {
            return nil
        }
        return EvidenceFix(.objectForm, "\(wanted.singular)/\(object.name): the type the request gives it")
    }

    /// An image the request names (`ledger:5`) written behind a registry nobody named (`registry.local/ledger:5`).
    static let imageAsNamed: Check = { words, evidence in
        let parsed = words.parsed
        guard let verb = parsed.verb, imageVerbs.contains(verb) else { return nil }
        let named = evidence.text.tokens.filter { $0.contains(":") && !$0.contains("=") && !$0.contains("://") }
        var changed: [String] = []
        for span in words.spans where span.flag.name == "image" {
            guard let value = span.flag.value, let match = named.first(where: { value.lowercased().hasSuffix("/" + $0) }) else { continue }
            words.setValue(match, of: span)
            changed.append(match)
        }
        if parsed.verb == "set", parsed.subverb == "image" {
            for argument in parsed.arguments where argument.contains("=") {
                let key = String(argument.prefix { $0 != "=" })
                let image = String(argument.dropFirst(key.count + 1))
                guard let match = named.first(where: { image.lowercased().hasSuffix("/" + $0) }) else { continue }
                words.replaceWord(argument, with: key + "=" + match)
                changed.append(match)
            }
        }
        guard !changed.isEmpty else { return nil }
        return EvidenceFix(.inventedValue, "\(changed.joined(separator: ", ")): the image as the request names it")
    }

    // MARK: - Schedules and usage

    /// The cron schedule of a plain interval ("every hour", "hourly", "every 15 minutes"); nil when the request
    /// gives a time of day or nothing plain.
    static func plainSchedule(_ text: RequestText) -> String? {
        let tokens = text.tokens
        guard !text.hasAny(["at", "am", "pm", "noon", "on"]), !tokens.contains(where: { $0.contains("*") || $0.range(of: #"^\d{1,2}:\d{2}"#, options: .regularExpression) != nil }) else { return nil }
        for (index, token) in tokens.enumerated() {
            switch token {
            case "hourly": return "0 * * * *"
            case "daily", "nightly": return "0 0 * * *"
            case "weekly": return "0 0 * * 0"
            case "monthly": return "0 0 1 * *"
            case "every", "each":
                guard index + 1 < tokens.count else { continue }
                var next = tokens[index + 1]
                var count: Int?
                if let number = Int(next), index + 2 < tokens.count {
                    count = number
                    next = tokens[index + 2]
                }
                switch (next, count) {
                case ("minute", nil): return "* * * * *"
                case ("minutes", let n?), ("min", let n?), ("mins", let n?): return "*/\(n) * * * *"
                case ("hour", nil): return "0 * * * *"
                case ("hours", let n?): return "0 */\(n) * * *"
                case ("day", nil), ("night", nil), ("midnight", nil): return "0 0 * * *"
                case ("week", nil): return "0 0 * * 0"
                case ("month", nil): return "0 0 1 * *"
                default: continue
                }
            default: continue
            }
        }
        return nil
    }

    /// `create cronjob … --schedule` for a plain interval the request gives, when the model's schedule differs.
    static let cronSchedule: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "create", parsed.subverb == "cronjob", let span = words.span("schedule") else { return nil }
        if let schedule = plainSchedule(evidence.text), span.flag.value != schedule {
            words.setValue(schedule, of: span)
            return EvidenceFix(.inventedValue, "--schedule='\(schedule)': the interval the request gives")
        }
        // "every Sunday at 04:15": the time and day the request gives, unless the model's schedule already says them.
        guard let timed = timedSchedule(evidence.text), let value = span.flag.value,
              !sameSchedule(value, timed) else { return nil }
        words.setValue(timed, of: span)
        return EvidenceFix(.inventedValue, "--schedule='\(timed)': the time the request gives")
    }

    /// Days of the week as cron numbers.
    static let weekdays: [String: String] = [
        "sunday": "0", "sundays": "0", "sun": "0", "monday": "1", "mondays": "1", "mon": "1", "tuesday": "2",
        "tuesdays": "2", "tue": "2", "wednesday": "3", "wednesdays": "3", "wed": "3", "thursday": "4", "thursdays": "4",
        "thu": "4", "friday": "5", "fridays": "5", "fri": "5", "saturday": "6", "saturdays": "6", "sat": "6",
        "weekday": "1-5", "weekdays": "1-5", "weekend": "0,6", "weekends": "0,6",
    ]

    /// The schedule of a request that gives one time of day ("at 04:15", "at 2:30 am", "at 11pm", "at midnight"),
    /// daily or on the days of the week it names: `15 4 * * 0` for "every Sunday at 04:15". Nil for anything else.
    static func timedSchedule(_ text: RequestText) -> String? {
        let tokens = text.tokens
        var times: [(hour: Int, minute: Int)] = []
        for (index, token) in tokens.enumerated() {
            var hour: Int?
            var minute = 0
            var rest = token
            if let match = token.range(of: #"^\d{1,2}:\d{2}"#, options: .regularExpression) {
                let parts = token[match].split(separator: ":")
                hour = Int(parts[0])
                minute = Int(parts[1]) ?? 0
                rest = String(token[match.upperBound...])
            } else if index > 0, tokens[index - 1] == "at", let match = token.range(of: #"^\d{1,2}"#, options: .regularExpression) {
                hour = Int(token[match])
                rest = String(token[match.upperBound...])
                // "at 3" alone is no time; "at 3am" and "at 3 pm" are.
                if rest.isEmpty, !(index + 1 < tokens.count && ["am", "pm"].contains(tokens[index + 1])) { hour = nil }
            } else if index > 0, tokens[index - 1] == "at", token == "midnight" || token == "noon" {
                hour = token == "noon" ? 12 : 0
            }
            guard var value = hour else { continue }
            let meridiem = rest.isEmpty && index + 1 < tokens.count ? tokens[index + 1] : rest
            if meridiem == "pm", value < 12 { value += 12 }
            if meridiem == "am", value == 12 { value = 0 }
            guard (0...23).contains(value), (0...59).contains(minute) else { return nil }
            times.append((value, minute))
        }
        guard times.count == 1, let time = times.first else { return nil }
        let days = Array(Set(tokens.compactMap { weekdays[$0] })).sorted()
        guard days.count <= 1 else { return nil }
        // A month or a day of the month is more than this reads.
        guard !text.hasAny(["month", "monthly", "months", "1st", "15th", "first", "last", "hour", "hours", "hourly", "minutes"])
        else { return nil }
        return "\(time.minute) \(time.hour) * * \(days.first ?? "*")"
    }

    /// Whether two cron schedules say the same minute, hour and days (`15 4 * * SUN` and `15 4 * * 0`).
    static func sameSchedule(_ a: String, _ b: String) -> Bool {
        func fields(_ schedule: String) -> [String] {
            schedule.split(separator: " ").map { field in
                let lower = field.lowercased()
                if lower == "7" { return "0" }
                return weekdays[lower] ?? lower.replacingOccurrences(of: "00", with: "0")
            }
        }
        let left = fields(a), right = fields(b)
        guard left.count == 5, right.count == 5 else { return false }
        func number(_ field: String) -> String { Int(field).map(String.init) ?? field }
        return zip(left, right).allSatisfy { number($0) == number($1) }
    }

    /// `get pods --sort-by=memory`: only `kubectl top` sorts by `cpu` or `memory`, so the listing is a `top`.
    static let usageIsTop: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "get", let type = parsed.resource?.plural, type == "pods" || type == "nodes",
              parsed.resourceWords.count == 1,
              let sort = words.span("sort-by")?.flag.value, ["cpu", "memory"].contains(sort.lowercased()) else { return nil }
        var line = ["kubectl", "top", type]
        for span in words.spans where ["namespace", "all-namespaces", "selector", "sort-by", "containers", "no-headers"].contains(span.flag.name) {
            line.append(words.words[span.index])
            if span.valueInNextWord { line.append(words.words[span.index + 1]) }
        }
        line.insert(contentsOf: parsed.names, at: 3)
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "top \(type): usage is sorted by kubectl top")
    }
}

extension RequestEvidence {
    // MARK: - Removals, debugging, commands

    /// A taint removal keeps only what the request names: "untaint node nd-5 dedicated" removes `dedicated-`, not an
    /// effect or value the model added (`dedicated:NoSchedule-`).
    static let taintRemovalParts: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "taint" else { return nil }
        var changed: [String] = []
        for argument in parsed.arguments where argument.hasSuffix("-") && argument.count > 1 {
            var body = String(argument.dropLast())
            // "remove taint dedicated=ml:NoSchedule": a whole taint the request writes is the one removed.
            let key = body.prefix { $0 != "=" && $0 != ":" }.lowercased()
            if let written = writtenTaint(key: key, in: evidence.request) {
                guard written + "-" != argument else { continue }
                words.replaceWord(argument, with: written + "-")
                changed.append(written + "-")
                continue
            }
            if let colon = body.firstIndex(of: ":") {
                let effect = String(body[body.index(after: colon)...])
                if !evidence.text.tokens.contains(where: { $0.contains(effect.lowercased()) }) { body = String(body[..<colon]) }
            }
            if let equals = body.firstIndex(of: "=") {
                let value = String(body[body.index(after: equals)...])
                if body[..<equals].lowercased() == "key", evidence.text.has("key \(value.lowercased())") {
                    // "untaint node n3 key gpu": the word "key" written as the key.
                    body = value
                } else if !evidence.known.contains(value) {
                    body = String(body[..<equals])
                }
            }
            // "the NoSchedule taint with key dedicated": the effect the request names is part of what goes.
            let effects = ["noschedule": "NoSchedule", "prefernoschedule": "PreferNoSchedule", "noexecute": "NoExecute"]
            let named = Set(evidence.text.tokens.compactMap { effects[$0] })
            if !body.contains(":"), !body.isEmpty, named.count == 1, let effect = named.first { body += ":" + effect }
            // "take the dedicated=ml:NoSchedule taint off": the taint exactly as the request writes it.
            if let colon = body.firstIndex(of: ":") {
                let key = body[..<colon].prefix { $0 != "=" }.lowercased()
                let effect = body[body.index(after: colon)...].lowercased()
                if let written = evidence.request.split(whereSeparator: \.isWhitespace).map(String.init).first(where: {
                    $0.lowercased().hasPrefix(key + "=") && $0.lowercased().hasSuffix(":" + effect)
                }) { body = written }
            }
            guard body + "-" != argument, !body.isEmpty else { continue }
            words.replaceWord(argument, with: body + "-")
            changed.append(body + "-")
        }
        guard !changed.isEmpty else { return nil }
        return EvidenceFix(.inventedValue, "\(changed.joined(separator: ", ")): the taint as the request names it")
    }

    /// The taint `KEY[=VALUE]:EFFECT` the request writes for `key`, as it writes it (a trailing `-` cut).
    static func writtenTaint(key: String, in request: String) -> String? {
        let effects = ["noschedule", "prefernoschedule", "noexecute"]
        let found = request.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { word -> String in
            var text = word.trimmingCharacters(in: CharacterSet(charactersIn: "'\"()."))
            if text.hasSuffix("-") { text.removeLast() }
            return text
        }.filter { word in
            guard let colon = word.lastIndex(of: ":") else { return false }
            let head = word[..<colon].prefix { $0 != "=" }.lowercased()
            return head == key && effects.contains(word[word.index(after: colon)...].lowercased())
        }
        return Set(found).count == 1 ? found.first : nil
    }

    /// `debug POD --image=…` with no command to run is a debugging session: it needs `-it` to be one.
    static let interactiveDebug: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "debug", parsed.hasFlag("image"), !parsed.hasFlag("stdin"), !parsed.hasFlag("tty"),
              parsed.afterDoubleDash.isEmpty else { return nil }
        var line = words.words
        guard let target = line.indices.dropFirst(2).first(where: { !line[$0].hasPrefix("-") }) else { return nil }
        line.insert("-it", at: target + 1)
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.output, "added -it: a debugging session is interactive")
    }

    /// `create job pi --image=perl --command=perl -v`: the command a job, cron job or deployment runs goes after
    /// `--`, not in a `--command` kubectl does not have there.
    static let commandAfterDash: Check = { words, _ in
        let parsed = words.parsed
        guard parsed.verb == "create", ["job", "cronjob", "deployment"].contains(parsed.subverb ?? ""), !parsed.hasDoubleDash,
              let index = words.words.firstIndex(where: { $0.hasPrefix("--command=") }) else { return nil }
        let first = String(words.words[index].dropFirst("--command=".count))
        guard !first.isEmpty else { return nil }
        let rest = Array(words.words[(index + 1)...])
        let line = Array(words.words[..<index]) + ["--"] + first.split(separator: " ").map(String.init) + rest
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.objectForm, "-- \(first): the command goes after --")
    }
}
