import Foundation

/// Keeps requests to this machine away from HTTP proxies.
///
/// URLSession on Linux runs on libcurl, which sends every request, loopback ones included, through `http_proxy`,
/// `https_proxy` or `all_proxy` when those are set, and FoundationNetworking has no setting to turn that off. Prompts
/// for a local model must not leave the machine, so before the first request k1 adds `localhost,127.0.0.1,::1` to
/// `no_proxy` in its own process environment (only when a proxy variable is set). Remote addresses still use the proxy.
public enum LoopbackProxyBypass {
    /// The hosts added to `no_proxy`.
    public static let loopbackHosts = ["localhost", "127.0.0.1", "::1"]

    private static let applied: Bool = {
        #if os(Linux)
        let environment = ProcessInfo.processInfo.environment
        let proxyVariables = ["http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
        guard proxyVariables.contains(where: { !(environment[$0] ?? "").isEmpty }) else { return false }
        let current = environment["no_proxy"] ?? environment["NO_PROXY"] ?? ""
        let merged = noProxyValue(adding: loopbackHosts, to: current)
        if merged != current { setenv("no_proxy", merged, 1) }
        return true
        #else
        return false
        #endif
    }()

    /// Applies the bypass once per process; cheap after the first call.
    public static func ensure() { _ = applied }

    /// `current` (a comma-separated `no_proxy` list) with `hosts` appended where missing.
    public static func noProxyValue(adding hosts: [String], to current: String) -> String {
        let existing = current.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if existing.contains("*") { return current }
        let missing = hosts.filter { !existing.contains($0) }
        return (existing + missing).joined(separator: ",")
    }
}
