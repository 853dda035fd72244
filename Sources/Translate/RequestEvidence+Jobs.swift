import KubectlKit

extension RequestEvidence {
    /// The cron job and the new job's name of a request that runs a cron job once ("run cronjob tick now as job
    /// tick-manual", "create a job named rebuild-index from the cron job nightly-report"). Nil unless it names both.
    static func jobFromCronJob(_ text: RequestText) -> (cronJob: String, job: String)? {
        let tokens = text.tokens
        let fillers: Set<String> = ["named", "called", "the", "a", "an", "new", "one-off"]
        let adverbs: Set<String> = ["now", "immediately", "once", "manually", "asap", "today", "right", "again"]
        func name(after index: Int) -> (name: String, at: Int)? {
            var next = index
            while next < tokens.count, fillers.contains(tokens[next]) { next += 1 }
            guard next < tokens.count, looksLikeName(tokens[next]), !connectives.contains(tokens[next]),
                  !adverbs.contains(tokens[next]), ResourceCatalog.lookup(tokens[next]) == nil else { return nil }
            return (tokens[next], next)
        }
        // "kick off nightly-sync cronjob now": the name before the type, when it is written like one.
        func name(before index: Int) -> (name: String, at: Int)? {
            guard index > 0, looksLikeName(tokens[index - 1]), tokens[index - 1].contains(where: { $0 == "-" || $0.isNumber }),
                  ResourceCatalog.lookup(tokens[index - 1]) == nil else { return nil }
            return (tokens[index - 1], index)
        }
        var cronJobs: [String] = []
        var jobs: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if ["cronjob", "cronjobs", "cj", "cronjob.batch"].contains(token),
               let found = name(after: index + 1) ?? name(before: index) {
                cronJobs.append(found.name)
                index = found.at + 1
                continue
            }
            if token == "cron", index + 1 < tokens.count, ["job", "jobs"].contains(tokens[index + 1]),
               let found = name(after: index + 2) {
                cronJobs.append(found.name)
                index = found.at + 1
                continue
            }
            if token.hasPrefix("cronjob/") { cronJobs.append(String(token.dropFirst(8))) }
            if token == "job", let found = name(after: index + 1) { jobs.append(found.name) }
            // "run cronjob sync now as sync-now".
            if token == "as", !cronJobs.isEmpty, index + 1 < tokens.count, tokens[index + 1] != "job",
               let found = name(after: index + 1), !cronJobs.contains(found.name) { jobs.append(found.name) }
            index += 1
        }
        guard Set(cronJobs).count == 1, Set(jobs).count == 1, cronJobs[0] != jobs[0] else { return nil }
        return (cronJobs[0], jobs[0])
    }

    /// A cron job run once as a named job is `create job NAME --from=cronjob/CRON`: a `run`, a `create job` with an
    /// invented image, or one without `--from` becomes that (the namespace is kept).
    static let cronJobRun: Check = { words, evidence in
        let parsed = words.parsed
        guard let (cronJob, job) = jobFromCronJob(evidence.text), ["run", "create"].contains(parsed.verb ?? "") else { return nil }
        let from = "cronjob/" + cronJob
        if parsed.verb == "create", parsed.subverb == "job", parsed.names.first == job,
           words.spans.contains(where: { $0.flag.name == "from" && $0.flag.value == from }) { return nil }
        var line = ["kubectl", "create", "job", job, "--from=" + from]
        if let namespace = words.span("namespace"), let value = namespace.flag.value { line += ["-n", value] }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "create job \(job) --from=\(from): the cron job run once as the job the request names")
    }
}
