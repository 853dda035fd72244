import ArgumentParser
import Foundation
import Support
import Translate

/// `k1 cache stats|list|clear`: the answer cache of `?` requests (`~/.cache/k1/llm_cache.json`).
struct CacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Inspect or clear the answer cache.",
        discussion: """
        Answers are keyed by the request, the session context the prompt used, the model and the prompt version. \
        Commands you edit before running replace the model's answer ("learned").
        """,
        subcommands: [Stats.self, List.self, Clear.self],
        defaultSubcommand: Stats.self
    )

    /// The cache, or exit status 1 when its file exists but cannot be read (the cache has said why, in one line).
    static func openCache() throws -> (AnswerCache, K1Config) {
        let config = Environment.loadConfig(strict: false)
        let cache = AnswerCache(config: config, url: Environment.paths.answerCacheFile)
        if cache.readProblem != nil { throw ExitCode(1) }
        return (cache, config)
    }

    /// `2026-11-25 04:02` in local time.
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// `k1 cache stats`.
    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the number of answers, hits, size and age.")

        func run() async throws {
            let (cache, config) = try CacheCommand.openCache()
            let stats = cache.stats()
            print("file:     \(stats.url.path) (\(ByteCountFormatter.string(fromByteCount: Int64(stats.fileBytes), countStyle: .file)))")
            print("answers:  \(stats.entries) (\(stats.editedEntries) learned from edits)")
            print("hits:     \(stats.hits)")
            if let oldest = stats.oldest, let newest = stats.newest {
                print("stored:   \(CacheCommand.format(oldest)) … \(CacheCommand.format(newest))")
            }
            let ttl = config.cacheTTLDays > 0 ? "\(config.cacheTTLDays) days" : "never expire"
            print("settings: \(config.cacheEnabled ? "enabled" : "disabled"), answers \(ttl), at most \(config.cacheMaxEntries)")
        }
    }

    /// `k1 cache list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List cached answers, most recently used first.")

        @Option(name: .long, help: "Show at most this many (0: all).")
        var limit = 50

        @Flag(name: .long, help: "Print one JSON object per answer.")
        var json = false

        func run() async throws {
            let (cache, _) = try CacheCommand.openCache()
            let entries = cache.list()
            let shown = limit > 0 ? Array(entries.prefix(limit)) : entries
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                for entry in shown { print(String(decoding: try encoder.encode(entry), as: UTF8.self)) }
                return
            }
            if entries.isEmpty {
                print("no cached answers (\(cache.url.path))")
                return
            }
            let style = TerminalStyle()
            for entry in shown {
                let when = CacheCommand.format(entry.lastUsed)
                let source = entry.source == .edited ? style.apply(.yellow, "edited") : style.apply(.gray, "model ")
                let uses = String(entry.uses).leftPad(4)
                print("\(style.apply(.gray, when)) \(uses)× \(source) \(TerminalText.escaped(entry.request)) \(style.apply(.gray, "→")) \(style.apply(.bold, TerminalText.escaped(entry.command)))")
            }
            if shown.count < entries.count {
                print(style.apply(.gray, "… \(entries.count - shown.count) more (--limit 0 shows all)"))
            }
        }
    }

    /// `k1 cache clear`.
    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove every cached answer.")

        func run() async throws {
            let (cache, _) = try CacheCommand.openCache()
            do {
                let count = try cache.clear()
                print("cleared \(count) answer\(count == 1 ? "" : "s") from \(cache.url.path)")
            } catch {
                printError("k1: cannot clear the answer cache: \(error)")
                throw ExitCode.failure
            }
        }
    }
}

extension String {
    /// Pads on the left with spaces to `width` characters.
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
