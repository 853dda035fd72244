import Foundation

/// The managed server as `k1 server status` reports it.
public struct ManagedServerStatus: Sendable, Equatable {
    /// The record, nil when no server is recorded.
    public let record: ManagedServerRecord?
    /// Whether the recorded process is alive.
    public let alive: Bool
    /// Its `/health` answer.
    public let health: ManagedServerHealth
    /// When it was last used.
    public let lastUsed: Date?

    /// Creates a status.
    public init(record: ManagedServerRecord?, alive: Bool, health: ManagedServerHealth, lastUsed: Date?) {
        self.record = record
        self.alive = alive
        self.health = health
        self.lastUsed = lastUsed
    }

    /// Whether a server is up and ready.
    public var isReady: Bool { alive && health == .ok }

    /// One line: `running: pid 123 on http://127.0.0.1:40123, model smollm2-135m, up 3:12, last used 0:45 ago`.
    public func summary(now: Date = Date(), idleMinutes: Int? = nil) -> String {
        guard let record else { return "not running (starts on the first ? request, or with k1 server start)" }
        guard alive else { return "not running (the recorded server, pid \(record.pid), has exited)" }
        let state: String
        switch health {
        case .ok: state = "running"
        case .loading: state = "loading the model"
        case .unreachable: state = "not answering"
        case .status(let code): state = "answering HTTP \(code)"
        }
        var line = "\(state): pid \(record.pid) on \(record.url.absoluteString), model \(record.model), up \(ProgressBar.formatDuration(now.timeIntervalSince(record.startedAt)))"
        if let lastUsed {
            let idle = max(0, now.timeIntervalSince(lastUsed))
            line += ", last used \(ProgressBar.formatDuration(idle)) ago"
            if let idleMinutes, idleMinutes > 0 {
                line += ", stops after \(idleMinutes) min idle (in \(ProgressBar.formatDuration(max(0, Double(idleMinutes * 60) - idle))))"
            }
        }
        return line
    }
}
