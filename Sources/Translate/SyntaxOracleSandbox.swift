import Foundation
import Support

/// The throw-away place where the syntax oracle runs kubectl: a temporary directory that is at once `HOME`, the
/// working directory and the home of a kubeconfig whose only cluster is a closed loopback port. Nothing the command
/// names can reach a real cluster: flags that would point kubectl elsewhere (`--kubeconfig`, `--server`/`-s`) are
/// redirected into the sandbox, `PATH` holds no plugins, and standard input is empty.
public enum SyntaxOracleSandbox {
    /// The API server address of the sandbox kubeconfig: port 1 on loopback, where nothing listens.
    public static let deadServer = "http://127.0.0.1:1"

    /// The sandbox kubeconfig: one cluster at ``deadServer``, one context `k1-oracle`, a dummy token (so kubectl never
    /// prompts for a user name).
    public static let kubeconfig = """
    apiVersion: v1
    kind: Config
    clusters:
    - name: k1-oracle
      cluster:
        server: "\(deadServer)"
    contexts:
    - name: k1-oracle
      context:
        cluster: k1-oracle
        user: k1-oracle
        namespace: default
    current-context: k1-oracle
    users:
    - name: k1-oracle
      user:
        token: k1-oracle-token

    """

    /// `arguments` with every value of `--kubeconfig` replaced by `kubeconfigPath` and every `--server`/`-s` value by
    /// ``deadServer``; words after `--` are left alone. Pure.
    public static func confine(_ arguments: [String], kubeconfigPath: String) -> [String] {
        var out: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                out.append(contentsOf: arguments[index...])
                break
            }
            if let replacement = replacement(forFlag: word, kubeconfigPath: kubeconfigPath) {
                out.append(word)
                if index + 1 < arguments.count {
                    out.append(replacement)
                    index += 1
                }
            } else if let (flag, replacement) = inlineReplacement(word, kubeconfigPath: kubeconfigPath) {
                out.append(flag + replacement)
            } else {
                out.append(word)
            }
            index += 1
        }
        return out
    }

    /// The value to put after a flag given as its own word (`--kubeconfig PATH`, `-s URL`).
    private static func replacement(forFlag word: String, kubeconfigPath: String) -> String? {
        switch word {
        case "--kubeconfig": kubeconfigPath
        case "--server", "-s": deadServer
        default: nil
        }
    }

    /// The flag prefix and value for a flag with an attached value (`--kubeconfig=PATH`, `--server=URL`, `-sURL`).
    private static func inlineReplacement(_ word: String, kubeconfigPath: String) -> (String, String)? {
        if word.hasPrefix("--kubeconfig=") { return ("--kubeconfig=", kubeconfigPath) }
        if word.hasPrefix("--server=") { return ("--server=", deadServer) }
        if word.hasPrefix("-s="), word.count > 3 { return ("-s=", deadServer) }
        if word.hasPrefix("-s"), !word.hasPrefix("--"), word.count > 2 { return ("-s", deadServer) }
        return nil
    }

    /// Where sandboxes are made: `cache/k1/sandboxes`. A sandbox left by a process that was killed is removed at the next
    /// start (``StaleTempFiles``: sandboxes are named `<pid>-<uuid>`).
    public static var parentDirectory: URL { XDGPaths().cache.appendingPathComponent("sandboxes", isDirectory: true) }

    /// A fresh sandbox directory with the kubeconfig written; remove it with ``remove(_:)``.
    /// - Returns: the directory and the kubeconfig path inside it.
    public static func make(in parent: URL = parentDirectory) throws -> (directory: URL, kubeconfig: URL) {
        let directory = parent.appendingPathComponent("\(getpid())-\(UUID().uuidString)", isDirectory: true)
        try XDGPaths.ensureDirectory(directory.appendingPathComponent("bin"))
        let config = directory.appendingPathComponent("kubeconfig")
        try Data(kubeconfig.utf8).write(to: config)
        return (directory, config)
    }

    /// Removes a sandbox directory.
    public static func remove(_ directory: URL) {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The whole environment kubectl runs with: nothing of the caller's but the locale.
    public static func environment(directory: URL, kubeconfig: URL) -> [String: String] {
        [
            "HOME": directory.path,
            "KUBECONFIG": kubeconfig.path,
            "PATH": directory.appendingPathComponent("bin").path,
            "LANG": "C",
            "KUBECTL_EXTERNAL_DIFF": "true",
        ]
    }
}
