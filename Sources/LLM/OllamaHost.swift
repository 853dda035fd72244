import Foundation
import HTTP

/// Where Ollama listens: the configured `url`, else `OLLAMA_HOST` read the way the `ollama` CLI reads it, else
/// `http://127.0.0.1:11434`.
public enum OllamaHost {
    /// Ollama's default address.
    public static let defaultURL = URL(string: "http://127.0.0.1:11434")!
    /// Ollama's default port.
    public static let defaultPort = 11434

    /// Resolves the base URL.
    /// - Parameters:
    ///   - url: the configured `url` (wins when not empty).
    ///   - environment: where `OLLAMA_HOST` is read.
    /// - Throws: `LLMError(.configuration)` when `url` or `OLLAMA_HOST` cannot be read as an address.
    public static func resolve(url: String, environment: [String: String]) throws(LLMError) -> URL {
        if !url.trimmingCharacters(in: .whitespaces).isEmpty { return try URLPath.parseBaseURL(url) }
        if let value = environment["OLLAMA_HOST"], !value.trimmingCharacters(in: .whitespaces).isEmpty {
            return try parse(value)
        }
        return defaultURL
    }

    /// Reads an `OLLAMA_HOST` value: `host`, `host:port`, `:port`, `scheme://host[:port][/path]`, IPv6 in brackets.
    /// A missing port is 11434 without a scheme (80/443 with `http://`/`https://`, as Ollama does); the wildcard
    /// addresses `0.0.0.0` and `::` (what a server listens on) become `127.0.0.1` (what a client connects to).
    /// - Throws: `LLMError(.configuration)` for an unknown scheme or a bad port.
    public static func parse(_ value: String) throws(LLMError) -> URL {
        let text = value.trimmingCharacters(in: .whitespaces)
        var scheme = "http"
        var port = defaultPort
        var rest = Substring(text)
        if let range = text.range(of: "://") {
            scheme = text[..<range.lowerBound].lowercased()
            rest = text[range.upperBound...]
            switch scheme {
            case "http": port = 80
            case "https": port = 443
            default: throw LLMError(.configuration, "OLLAMA_HOST '\(value)' has scheme '\(scheme)'; use http:// or https://")
            }
        }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[slash...])
            rest = rest[..<slash]
        }
        var host = String(rest)
        if rest.hasPrefix("[") {   // [v6]:port or [v6]
            guard let close = rest.firstIndex(of: "]") else {
                throw LLMError(.configuration, "OLLAMA_HOST '\(value)' has an unclosed '['")
            }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { port = try parsePort(after.dropFirst(), value) }
        } else if rest.filter({ $0 == ":" }).count == 1, let colon = rest.firstIndex(of: ":") {
            host = String(rest[..<colon])
            port = try parsePort(rest[rest.index(after: colon)...], value)
        }
        if host.isEmpty || host == "0.0.0.0" || host == "::" || host == "0:0:0:0:0:0:0:0" { host = "127.0.0.1" }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        while path.hasSuffix("/") { path.removeLast() }
        guard let url = URL(string: "\(scheme)://\(hostPart):\(port)\(path)") else {
            throw LLMError(.configuration, "OLLAMA_HOST '\(value)' is not an address; write it like 127.0.0.1:11434")
        }
        return url
    }

    private static func parsePort(_ text: Substring, _ value: String) throws(LLMError) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw LLMError(.configuration, "OLLAMA_HOST '\(value)' has a bad port '\(text)'")
        }
        return port
    }
}
