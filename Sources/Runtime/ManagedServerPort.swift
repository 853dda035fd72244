import Foundation
import HTTP
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses loopback ports for the managed server.
public enum ManagedServerPort {
    /// A port on 127.0.0.1 that is free right now: the kernel picks it when binding port 0, then the socket is closed.
    /// (Another program could take it before llama-server binds it; the caller retries on "address in use".)
    /// - Throws: `LLMError.portInUse` when no socket can be bound at all.
    public static func freeLoopbackPort() throws(LLMError) -> Int {
        guard let port = bind(port: 0, keep: false).port else {
            throw LLMError(.portInUse, "cannot bind any port on 127.0.0.1 (\(String(cString: strerror(errno)))): check the loopback interface")
        }
        return port
    }

    /// Whether `port` on 127.0.0.1 can be bound right now.
    public static func isFree(_ port: Int) -> Bool {
        bind(port: port, keep: false).port != nil
    }

    /// Binds 127.0.0.1:`port` and keeps listening (for tests that occupy a port): returns the socket and port.
    public static func occupy(_ port: Int = 0) -> (socket: Int32, port: Int)? {
        let result = bind(port: port, keep: true)
        guard let bound = result.port else { return nil }
        return (result.socket, bound)
    }

    private static func bind(port: Int, keep: Bool) -> (socket: Int32, port: Int?) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return (-1, nil) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Platform.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, !keep || listen(fd, 16) == 0 else { close(fd); return (-1, nil) }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let chosen = named == 0 ? Int(UInt16(bigEndian: actual.sin_port)) : nil
        if !keep { close(fd) }
        return (keep ? fd : -1, chosen)
    }
}
