import Foundation
import Testing
@testable import KubectlKit

@Suite("KubectlKnowledge")
struct KubectlKnowledgeTests {
    @Test func describesCommandPathsWithUsageAndExamples() throws {
        let undo = try #require(KubectlKnowledge.command(path: ["rollout", "undo"]))
        #expect(undo.path == ["rollout", "undo"])
        #expect(undo.headline == "Roll back to a previous rollout.")
        #expect(undo.usage.hasPrefix("kubectl rollout undo"))
        #expect(undo.examples.contains("kubectl rollout undo deployment/abc"))
        #expect(undo.flag(named: "--to-revision")?.defaultValue == "0")
        #expect(undo.flag(named: "--to-revision")?.valueType == .int)
    }

    @Test func resolvesAliasesToTheCanonicalPath() throws {
        #expect(KubectlKnowledge.command(path: ["top", "pods"])?.path == ["top", "pod"])
        #expect(KubectlKnowledge.command("create deploy")?.pathText == "create deployment")
        #expect(KubectlKnowledge.command("create secret generic")?.flag(named: "--from-literal")?.valueType == .list)
        #expect(KubectlKnowledge.command("rollout bogus") == nil)
        #expect(KubectlKnowledge.command("gett") == nil)
        let parsed = try KubectlCommand.parse(line: "kubectl rollout restart deploy/web")
        #expect(KubectlKnowledge.command(for: parsed)?.pathText == "rollout restart")
    }

    @Test func everyTablePathHasHelp() {
        func visit(_ spec: KubectlVerbSpec, path: [String]) {
            let help = KubectlKnowledge.command(path: path)
            #expect(help != nil, "\(path)")
            if !["help", "options"].contains(path[0]) {
                #expect(help?.usage.hasPrefix("kubectl") == true, "\(path) usage")
                #expect(help?.description.isEmpty == false, "\(path) description")
            }
            for sub in spec.subcommands { visit(sub, path: path + [sub.name]) }
        }
        for verb in KubectlCommandTable.verbs { visit(verb, path: [verb.name]) }
        #expect(KubectlKnowledge.paths.count >= 100)
        #expect(KubectlKnowledge.kubectlVersion == KubectlCommandTable.kubectlVersion)
    }

    @Test func flagDefaultsAndValueTypes() throws {
        let drain = try #require(KubectlKnowledge.command("drain"))
        #expect(drain.flag(named: "--ignore-daemonsets")?.defaultValue == "false")
        #expect(drain.flag(named: "--ignore-daemonsets")?.valueType == .bool)
        #expect(drain.flag(named: "--timeout")?.valueType == .duration)
        #expect(drain.flag(named: "--grace-period")?.meaningfulDefault == "-1")
        let delete = try #require(KubectlKnowledge.command("delete"))
        #expect(delete.flag(named: "--cascade")?.meaningfulDefault == "background")
        #expect(delete.flag(named: "-n")?.isGlobal == true)
        #expect(KubectlKnowledge.globalFlag("cache-dir")?.defaultValue == "'$HOME/.kube/cache'")
        #expect(KubectlKnowledge.globalFlags.count == KubectlCommandTable.globalFlags.count)
    }

    @Test func caveatsComeFromTheDescription() throws {
        let drain = try #require(KubectlKnowledge.command("drain"))
        let flags = drain.caveats.map(\.flag)
        #expect(flags.contains("ignore-daemonsets"))
        #expect(flags.contains("force"))
        #expect(drain.caveats.first { $0.flag == "ignore-daemonsets" }?.sentence.contains("will not proceed") == true)
        #expect(KubectlKnowledge.command("get")?.caveats.isEmpty == true)
    }

    @Test func requiredFlagsComeFromTheUsageLine() {
        #expect(KubectlKnowledge.command("scale")?.requiredFlags == ["replicas"])
        #expect(KubectlKnowledge.command("create deployment")?.requiredFlags == ["image"])
        #expect(KubectlKnowledge.command("get")?.requiredFlags == [])
    }

    @Test("value types from defaults", arguments: [
        ("false", false, KubectlValueType.bool), ("''", true, .string), ("[]", true, .list), ("0s", true, .duration),
        ("5m0s", true, .duration), ("-1", true, .int), ("'background'", true, .string), ("map[]", true, .list),
    ])
    func valueTypes(defaultValue: String, takesValue: Bool, type: KubectlValueType) {
        #expect(KubectlValueType.of(defaultValue: defaultValue, takesValue: takesValue) == type)
    }

    @Test func parsesTheRecordFormat() {
        let index = KubectlKnowledge.parse("G\tv\t0\nC\tx y\tkubectl x y NAME\nD\tFirst.\nE\t# c\nE\tkubectl x y a\nF\tall\tfalse\nC\tz\t")
        #expect(index.globalDefaults["v"] == "0")
        #expect(index.commands["x y"]?.usage == "kubectl x y NAME")
        #expect(index.commands["x y"]?.description == ["First."])
        #expect(index.commands["x y"]?.examples == ["# c", "kubectl x y a"])
        #expect(index.commands["x y"]?.defaults["all"] == "false")
        #expect(index.commands["z"]?.usage == "")
    }

    // MARK: - Against the real binary

    static let kubectlPath = "/usr/bin/kubectl"
    static let hasKubectl = FileManager.default.isExecutableFile(atPath: kubectlPath)

    private static func help(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectlPath)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = "/dev/null"
        environment["COLUMNS"] = "400"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(
        "agrees with the installed kubectl's help",
        .enabled(if: hasKubectl, "needs /usr/bin/kubectl"),
        arguments: ["drain", "rollout undo", "scale", "create secret generic", "logs", "delete", "config use-context",
                    "top pod", "set image", "auth can-i"]
    )
    func agreesWithKubectl(path: String) throws {
        let words = path.split(separator: " ").map(String.init)
        let text = try Self.help(words + ["--help"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let help = try #require(KubectlKnowledge.command(path: words))
        #expect(lines.first == help.headline)
        let usageIndex = try #require(lines.firstIndex(of: "Usage:"))
        #expect(lines[usageIndex + 1].trimmingCharacters(in: .whitespaces) == help.usage)
        for flag in help.flags where help.spec.flags.contains(flag.spec) {
            let line = lines.first { $0.contains("--\(flag.spec.long)=") && $0.hasSuffix(":") }
            #expect(line?.hasSuffix("--\(flag.spec.long)=\(flag.defaultValue):") == true, "\(path) --\(flag.spec.long)")
        }
        let exampleCommands = lines[..<usageIndex].filter { $0.hasPrefix("  kubectl ") }.count
        #expect(help.examples.filter { $0.hasPrefix("kubectl ") }.count == exampleCommands)
    }

    @Test("global defaults agree with kubectl options", .enabled(if: hasKubectl, "needs /usr/bin/kubectl"))
    func globalDefaultsAgree() throws {
        let text = try Self.help(["options"])
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        for flag in KubectlKnowledge.globalFlags {
            let shown = flag.defaultValue.replacingOccurrences(of: "$HOME", with: home)
            #expect(text.contains("--\(flag.spec.long)=\(shown):"), "--\(flag.spec.long)")
        }
    }
}
