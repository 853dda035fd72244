import Foundation

/// Checks a model server's base URL from the configuration, the environment or a flag before anything connects to
/// it, so that a typo gets a one-line error instead of a transport error code. Pure.
public enum ServerURL {
    /// Why `text` is not a usable base URL, or nil when it is (or is empty: the backend's default).
    public static func problem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        guard let schemeEnd = trimmed.range(of: "://") else {
            return "'\(trimmed)' is not a URL; write it like http://127.0.0.1:8080"
        }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            return "'\(trimmed)' must start with http:// or https://"
        }
        let rest = trimmed[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        var host = hostPort
        var portText: String?
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return "'\(trimmed)' has an unclosed [ in its host" }
            host = String(hostPort[...close])
            let after = hostPort[hostPort.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) } else if !after.isEmpty {
                return "'\(trimmed)' has text after its host"
            }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            portText = String(hostPort[hostPort.index(after: colon)...])
        }
        if host.isEmpty { return "'\(trimmed)' has no host" }
        if host.contains(where: { $0.isWhitespace }) { return "'\(trimmed)' has a space in its host" }
        if let portText {
            guard let port = Int(portText), portText.allSatisfy(\.isASCII) else {
                return "'\(trimmed)' has a port that is not a number ('\(portText)')"
            }
            guard (1...65_535).contains(port) else {
                return "'\(trimmed)' has port \(port); a port is between 1 and 65535"
            }
        }
        guard URL(string: trimmed) != nil else { return "'\(trimmed)' is not a valid URL" }
        return nil
    }
}
