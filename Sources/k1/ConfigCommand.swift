import ArgumentParser
import Foundation
import Support

/// `k1 config show|path|init`: the effective settings and where each came from, the file's path, a fresh file.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show or create k1's configuration.",
        subcommands: [Show.self, Path.self, Init.self],
        defaultSubcommand: Show.self
    )

    /// `k1 config show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective settings and where each comes from (default, file or env).")

        func run() async throws {
            let paths = Environment.paths
            let file = paths.configFile
            let environment = ProcessInfo.processInfo.environment
            let config: K1Config
            do { config = try ConfigLoader.load(file: file, environment: environment) } catch {
                printError("k1: \(error.description)")
                throw ExitCode(1)
            }
            let text = (try? String(contentsOf: file, encoding: .utf8))
            print("# \(file.path)\(text == nil ? " (not found: built-in defaults)" : "")")
            let fileKeys = text.map(ConfigCommand.keysSet(in:)) ?? []
            let envKeys: [String: String] = ["provider": "K1_PROVIDER", "model": "K1_MODEL", "url": "K1_URL"]
            let rows: [(String, String)] = [
                ("provider", config.provider.rawValue), ("model", config.model), ("url", config.url),
                ("api_key_env", config.apiKeyEnv), ("timeout", ConfigCommand.number(config.timeoutSeconds)),
                ("threads", String(config.threads)), ("context_size", String(config.contextSize)),
                ("gpu_layers", String(config.gpuLayers)), ("idle_minutes", String(config.idleMinutes)),
                ("repack", String(config.repack)), ("server_args", config.serverArguments.joined(separator: " ")),
                ("prompt_version", config.promptVersion), ("kubectl", config.kubectl),
                ("examples", String(config.retrievedExamples)), ("warm_up", String(config.warmUp)),
                ("preview", String(config.preview)), ("preview_timeout", ConfigCommand.number(config.previewTimeoutSeconds)),
                ("answer_while_typing", String(config.answerWhileTyping)),
                ("typing_pause_ms", String(config.typingPauseMilliseconds)), ("read_ahead", String(config.readAhead)),
                ("cache.enabled", String(config.cacheEnabled)), ("cache.ttl_days", String(config.cacheTTLDays)),
                ("cache.max_entries", String(config.cacheMaxEntries)), ("history.size", String(config.historySize)),
            ]
            let style = TerminalStyle()
            for (key, value) in rows {
                let source: String
                if let variable = envKeys[key], let set = environment[variable], !set.isEmpty {
                    source = "env \(variable)"
                } else if fileKeys.contains(key) {
                    source = "file"
                } else {
                    source = "default"
                }
                let shown = value.isEmpty ? "\"\"" : value
                let padded = key.padding(toLength: 20, withPad: " ", startingAt: 0) + shown.padding(toLength: max(24, shown.count + 2), withPad: " ", startingAt: 0)
                print(padded + style.apply(.gray, source))
            }
        }
    }

    /// `k1 config path`.
    struct Path: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the path of config.yaml.")

        func run() async throws {
            print(Environment.paths.configFile.path)
        }
    }

    /// `k1 config init [--force]`.
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a commented config.yaml with the defaults.")

        @Flag(name: .long, help: "Replace an existing config.yaml.")
        var force = false

        func run() async throws {
            let file = Environment.paths.configFile
            if FileManager.default.fileExists(atPath: file.path) && !force {
                printError("k1: \(file.path) already exists; use k1 config init --force to replace it")
                throw ExitCode(1)
            }
            do { try AtomicFile.write(K1Config.template, to: file) } catch {
                printError("k1: cannot write \(error.description)")
                throw ExitCode(1)
            }
            print("wrote \(file.path)")
        }
    }

    /// The dotted keys a (valid) config file sets: top-level keys, and `cache.*` / `history.*` sub-keys.
    static func keysSet(in text: String) -> Set<String> {
        var keys = Set<String>()
        var parent: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)
            if line.first == " " || line.first == "\t" {
                if let parent { keys.insert("\(parent).\(key)") }
            } else {
                keys.insert(key)
                parent = ["cache", "history"].contains(key) ? key : nil
            }
        }
        return keys
    }

    /// `60` rather than `60.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
