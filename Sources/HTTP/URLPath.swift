import Foundation

/// Pure helpers for the base URLs k1 talks to: parsing what users write, joining paths, showing them safely, and
/// telling loopback from remote.
public enum URLPath {
    /// Parses a base URL from configuration. Accepts `http(s)://host[:port][/prefix]` and a bare `host:port` (http).
    /// - Throws: `LLMError(.configuration)` naming `setting` when the text is not an http(s) URL with a host.
    public static func parseBaseURL(_ text: String, setting: String = "url") throws(LLMError) -> URL {
        var raw = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !raw.isEmpty else { throw LLMError(.configuration, "\(setting) is empty; set it to the server's address, e.g. http://127.0.0.1:8080") }
        if !raw.contains("://") { raw = "http://" + raw }
        guard let components = URLComponents(string: raw),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              let url = components.url else {
            throw LLMError(.configuration, "\(setting) '\(text)' is not an http(s) address; write it like http://127.0.0.1:8080")
        }
        return url
    }

    /// Joins `path` (e.g. `api/chat`, `/v1/models`, `slots/0?action=save`) onto `base`, keeping any path prefix `base`
    /// has (`http://h/llm` + `api/chat` = `http://h/llm/api/chat`). The query and fragment of `base` are dropped; a
    /// query in `path` is kept.
    public static func join(_ base: URL, _ path: String) -> URL {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else { return base }
        var prefix = components.percentEncodedPath
        while prefix.hasSuffix("/") { prefix.removeLast() }
        var suffix = Substring(path)
        var query: Substring?
        if let mark = suffix.firstIndex(of: "?") {
            query = suffix[suffix.index(after: mark)...]
            suffix = suffix[..<mark]
        }
        while suffix.hasPrefix("/") { suffix = suffix.dropFirst() }
        components.percentEncodedPath = prefix + "/" + suffix
        components.percentEncodedQuery = query.map(String.init)
        components.fragment = nil
        return components.url ?? base
    }

    /// Drops a final `/v1` path segment, so an OpenAI-compatible base works written either way
    /// (`http://h:8000/v1` and `http://h:8000` both give `http://h:8000`).
    public static func droppingV1Suffix(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        if path.hasSuffix("/v1") { path.removeLast(3) }
        components.percentEncodedPath = path
        return components.url ?? url
    }

    /// The URL as shown in messages: without user and password, without a trailing slash.
    public static func display(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.absoluteString }
        components.user = nil
        components.password = nil
        components.query = nil
        var text = components.string ?? url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Whether the URL's host is this machine (`localhost`, `127.0.0.0/8`, `::1`).
    public static func isLoopback(_ url: URL) -> Bool {
        guard let host = URLComponents(url: url, resolvingAgainstBaseURL: false)?.host?.lowercased() else { return false }
        return isLoopbackHost(host)
    }

    /// Whether a host name or address is this machine.
    public static func isLoopbackHost(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "::1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
