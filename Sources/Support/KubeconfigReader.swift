import Foundation
import Yams

/// Reads the current context and its default namespace from the user's kubeconfig, without running kubectl.
/// Read-only: k1 never writes kubeconfig.
public enum KubeconfigReader {
    /// What the kubeconfig says about the current context.
    public struct Current: Sendable, Equatable {
        /// `current-context`, if set.
        public var context: String?
        /// The namespace of that context, if set.
        public var namespace: String?
        /// All context names, in file order (for completion of `:ctx`).
        public var contexts: [String]

        /// Creates a value.
        public init(context: String? = nil, namespace: String? = nil, contexts: [String] = []) {
            self.context = context
            self.namespace = namespace
            self.contexts = contexts
        }
    }

    /// The kubeconfig files kubectl would read: `$KUBECONFIG` (colon-separated) or `~/.kube/config`.
    public static func files(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            return list.split(separator: ":").map { URL(fileURLWithPath: String($0)) }
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return [URL(fileURLWithPath: home).appendingPathComponent(".kube/config")]
    }

    /// Reads the files (first `current-context` wins, like kubectl's merge); unreadable or invalid files are skipped.
    public static func read(environment: [String: String] = ProcessInfo.processInfo.environment) -> Current {
        let texts = files(environment: environment).compactMap { url -> String? in
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            return String(data: data, encoding: .utf8)
        }
        return parse(texts)
    }

    /// Merges kubeconfig documents given as YAML text.
    public static func parse(_ texts: [String]) -> Current {
        var current = Current()
        var namespaces: [String: String] = [:]
        for text in texts {
            guard let root = (try? Yams.compose(yaml: text)) ?? nil, let map = root.mapping else { continue }
            if current.context == nil, let name = map["current-context"]?.string, !name.isEmpty {
                current.context = name
            }
            for entry in map["contexts"]?.sequence ?? [] {
                guard let name = entry.mapping?["name"]?.string else { continue }
                if !current.contexts.contains(name) { current.contexts.append(name) }
                if namespaces[name] == nil, let ns = entry.mapping?["context"]?.mapping?["namespace"]?.string, !ns.isEmpty {
                    namespaces[name] = ns
                }
            }
        }
        if let context = current.context { current.namespace = namespaces[context] }
        return current
    }
}
