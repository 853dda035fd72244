import Foundation
import Testing
@testable import KubectlKit

@Suite("KubectlCommandTable")
struct KubectlCommandTableTests {
    @Test func listsTheTopLevelCommandsSorted() {
        let names = KubectlCommandTable.verbs.map(\.name)
        #expect(names == names.sorted())
        for verb in ["get", "describe", "logs", "exec", "apply", "delete", "rollout", "config", "auth", "top",
                     "certificate", "create", "set", "plugin", "api-resources", "port-forward", "help", "options"] {
            #expect(names.contains(verb), "missing \(verb)")
        }
        #expect(KubectlCommandTable.kubectlVersion.hasPrefix("v1."))
    }

    @Test func knowsSubcommandsAndAliases() throws {
        let rollout = try #require(KubectlCommandTable.spec(forVerb: "rollout"))
        #expect(Set(rollout.subcommands.map(\.name)) == ["history", "pause", "restart", "resume", "status", "undo"])
        #expect(KubectlCommandTable.spec(forVerb: "top", subverb: "pods")?.name == "pod")
        #expect(KubectlCommandTable.spec(forVerb: "create", subverb: "deploy")?.name == "deployment")
        #expect(KubectlCommandTable.spec(forVerb: "create", subverb: "secret generic")?.name == "generic")
        #expect(KubectlCommandTable.spec(forVerb: "apply", subverb: "edit-last-applied") != nil)
        #expect(KubectlCommandTable.spec(forVerb: "config", subverb: "use-context") != nil)
        #expect(KubectlCommandTable.spec(forVerb: "auth", subverb: "can-i") != nil)
        #expect(KubectlCommandTable.spec(forVerb: "rollout", subverb: "bogus") == nil)
        #expect(KubectlCommandTable.spec(forVerb: "gett") == nil)
    }

    @Test("flags of get", arguments: [
        ("-o", "output", true),
        ("--output", "output", true),
        ("--output=json", "output", true),
        ("-owide", "output", true),
        ("-A", "all-namespaces", false),
        ("-l", "selector", true),
        ("-w", "watch", false),
        ("--show-labels", "show-labels", false),
        ("-L", "label-columns", true),
        ("-n", "namespace", true),
        ("--namespace=x", "namespace", true),
        ("namespace", "namespace", true),
        ("--context", "context", true),
        ("-v", "v", true),
    ])
    func getFlags(spelling: String, long: String, takesValue: Bool) throws {
        let flag = try #require(KubectlCommandTable.flag(named: spelling, verb: "get"))
        #expect(flag.long == long)
        #expect(flag.takesValue == takesValue)
    }

    @Test func dashFMeansFollowForLogsAndFilenameForApply() throws {
        let follow = try #require(KubectlCommandTable.flag(named: "-f", verb: "logs"))
        #expect(follow.long == "follow")
        #expect(!follow.takesValue)
        let filename = try #require(KubectlCommandTable.flag(named: "-f", verb: "apply"))
        #expect(filename.long == "filename")
        #expect(filename.takesValue)
        #expect(KubectlCommandTable.flag(named: "-c", verb: "logs")?.long == "container")
        #expect(KubectlCommandTable.flag(named: "-p", verb: "logs")?.long == "previous")
        #expect(KubectlCommandTable.flag(named: "-p", verb: "patch")?.long == "patch")
    }

    @Test func subcommandFlagsAndParents() throws {
        #expect(KubectlCommandTable.flag(named: "--image", verb: "create", subverb: "deployment")?.takesValue == true)
        #expect(KubectlCommandTable.flag(named: "--from-literal", verb: "create", subverb: "secret generic")?.takesValue == true)
        #expect(KubectlCommandTable.flag(named: "--to-revision", verb: "rollout", subverb: "undo")?.takesValue == true)
        #expect(KubectlCommandTable.flag(named: "--to-revision", verb: "rollout", subverb: "restart") == nil)
        #expect(KubectlCommandTable.flag(named: "--containers", verb: "top", subverb: "pods")?.takesValue == false)
    }

    @Test func optionalValueFlags() throws {
        let dryRun = try #require(KubectlCommandTable.flag(named: "--dry-run", verb: "apply"))
        #expect(dryRun.takesValue && dryRun.valueIsOptional && !dryRun.consumesNextWord)
        #expect(KubectlCommandTable.flag(named: "--cascade", verb: "delete")?.valueIsOptional == true)
        #expect(KubectlCommandTable.flag(named: "--output", verb: "get")?.valueIsOptional == false)
    }

    @Test func globalFlagsOnly() {
        #expect(KubectlCommandTable.flag(named: "-n")?.long == "namespace")
        #expect(KubectlCommandTable.flag(named: "--kubeconfig")?.takesValue == true)
        #expect(KubectlCommandTable.flag(named: "-o") == nil)
        #expect(KubectlCommandTable.globalFlags.contains { $0.long == "context" })
        #expect(KubectlCommandTable.flag(named: "--bogus", verb: "get") == nil)
    }

    @Test func everyFlagHasASummaryAndUniqueAliases() {
        func visit(_ spec: KubectlVerbSpec) {
            #expect(!spec.summary.isEmpty, "\(spec.name) has no summary")
            var shorts: Set<String> = []
            for flag in spec.flags {
                #expect(!flag.summary.isEmpty, "\(spec.name) --\(flag.long) has no summary")
                if let short = flag.short { #expect(shorts.insert(short).inserted, "\(spec.name) -\(short) twice") }
            }
            spec.subcommands.forEach(visit)
        }
        KubectlCommandTable.verbs.forEach(visit)
    }

    // MARK: - Against the real binary

    static let kubectlPath = "/usr/bin/kubectl"
    static let hasKubectl = FileManager.default.isExecutableFile(atPath: kubectlPath)

    private static func help(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: kubectlPath)
        process.arguments = arguments + ["--help"]
        var environment = ProcessInfo.processInfo.environment
        environment["KUBECONFIG"] = "/dev/null"
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
        "agrees with the installed kubectl",
        .enabled(if: hasKubectl, "needs /usr/bin/kubectl"),
        arguments: [
            (["get"], "output", "o", true),
            (["get"], "all-namespaces", "A", false),
            (["logs"], "follow", "f", false),
            (["logs"], "container", "c", true),
            (["apply"], "filename", "f", true),
            (["exec"], "stdin", "i", false),
            (["scale"], "replicas", nil, true),
            (["drain"], "ignore-daemonsets", nil, false),
            (["create", "deployment"], "image", nil, true),
            (["rollout", "undo"], "to-revision", nil, true),
        ] as [([String], String, String?, Bool)]
    )
    func agreesWithKubectl(path: [String], long: String, short: String?, takesValue: Bool) throws {
        let text = try Self.help(path)
        let line = try #require(text.split(separator: "\n").first { $0.contains("--\(long)=") })
        if let short {
            #expect(line.contains("-\(short), --\(long)="))
        } else {
            #expect(!line.contains(", --\(long)="))
        }
        let isSwitch = line.hasSuffix("=false:") || line.hasSuffix("=true:")
        #expect(isSwitch == !takesValue)
        let verb = path[0]
        let subverb = path.count > 1 ? path.dropFirst().joined(separator: " ") : nil
        let spec = try #require(KubectlCommandTable.flag(named: "--\(long)", verb: verb, subverb: subverb))
        #expect(spec.takesValue == takesValue)
        #expect(spec.short == short)
    }

    @Test("lists every command the installed kubectl lists", .enabled(if: hasKubectl, "needs /usr/bin/kubectl"))
    func sameCommandsAsKubectl() throws {
        let text = try Self.help([])
        var listed: [String] = []
        var inPlugins = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") { inPlugins = line.hasPrefix("Subcommands provided by plugins") }
            if line.hasPrefix("Usage:") { break }
            guard !inPlugins, line.hasPrefix("  "), let word = line.split(separator: " ").first else { continue }
            listed.append(String(word))
        }
        #expect(listed.count > 30)
        for name in listed {
            #expect(KubectlCommandTable.spec(forVerb: name) != nil, "kubectl lists \(name)")
        }
    }
}
