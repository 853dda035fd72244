import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A `URLRequest` for a plain `http://` URL on this machine, as the bytes `LoopbackHTTPClient` sends: the request
/// line, the request's own header fields, `Host`, `Content-Length`, `Connection: close`, `Accept-Encoding:
/// identity`, then the body. Pure logic, no I/O.
struct LoopbackHTTPRequest: Sendable, Equatable {
    /// The host to resolve (`127.0.0.1`, `localhost`, `::1`; no brackets).
    let host: String
    /// The TCP port.
    let port: Int
    /// The request method (`GET`, `POST`, …).
    let method: String
    /// The request head and body, ready to write.
    let bytes: Data

    /// Header fields k1 sets itself; the request's own values for them are dropped.
    static let managedFields: Set<String> = ["host", "content-length", "connection", "accept-encoding",
                                             "transfer-encoding", "expect", "te", "upgrade", "keep-alive"]

    /// The request as bytes, or nil when it is not one for this client: not plain `http`, not a loopback host,
    /// credentials in the URL, a streamed body, or a method or URL that cannot be written as HTTP/1.1.
    init?(_ request: URLRequest) {
        guard let url = request.url, url.scheme?.lowercased() == "http", request.httpBodyStream == nil,
              let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
              components.user == nil, components.password == nil,
              let rawHost = components.host, Self.isLoopback(host: rawHost) else { return nil }
        let host = Self.unbracketed(rawHost)
        let port = components.port ?? 80
        guard (1...65535).contains(port) else { return nil }
        let method = request.httpMethod ?? "GET"
        guard !method.isEmpty, method.utf8.allSatisfy(Self.isTokenByte) else { return nil }
        var target = components.percentEncodedPath
        if target.isEmpty { target = "/" }
        if let query = components.percentEncodedQuery { target += "?" + query }
        guard target.hasPrefix("/"), !target.utf8.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) else { return nil }

        let hostField = host.contains(":") ? "[\(host)]" : host
        var head = "\(method) \(target) HTTP/1.1\r\n"
        head += "Host: \(hostField)\(components.port.map { ":\($0)" } ?? "")\r\n"
        let fields = (request.allHTTPHeaderFields ?? [:]).sorted { $0.key.lowercased() < $1.key.lowercased() }
        var hasAccept = false
        for (name, value) in fields where !Self.managedFields.contains(name.lowercased()) {
            // A name or value that would break the head (or inject lines) is not sent.
            guard !name.isEmpty, name.utf8.allSatisfy(Self.isTokenByte),
                  !value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else { continue }
            if name.lowercased() == "accept" { hasAccept = true }
            head += "\(name): \(value)\r\n"
        }
        if !hasAccept { head += "Accept: */*\r\n" }
        head += "Accept-Encoding: identity\r\n"
        let body = request.httpBody ?? Data()
        if !body.isEmpty || ["POST", "PUT", "PATCH"].contains(method.uppercased()) {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        var bytes = Data(head.utf8)
        bytes.append(body)
        self.host = host
        self.port = port
        self.method = method
        self.bytes = bytes
    }

    /// Whether `host` names this machine: `localhost`, `::1` (bracketed or not), or any `127.x.y.z`.
    static func isLoopback(host: String) -> Bool {
        let host = unbracketed(host).lowercased()
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.utf8.allSatisfy { (0x30...0x39).contains($0) } && Int(octet)! <= 255
        }
    }

    private static func unbracketed(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }

    /// Whether `byte` may appear in an HTTP token (a method or a field name).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
