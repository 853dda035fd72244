import Foundation

/// How many processes the kernel's out-of-memory killer has killed in k1's control group (`oom_kill` in cgroup v2
/// `memory.events`, or in cgroup v1 `memory.oom_control`). A rise between a server's start and its death by SIGKILL is the evidence that memory
/// killed it; without that rise k1 does not blame memory.
public enum OOMKillCounter {
    /// The `oom_kill` count in the text of a `memory.events` or `memory.oom_control` file, or nil when it has none.
    public static func oomKills(inMemoryEvents text: String) -> Int? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, parts[0] == "oom_kill" { return Int(parts[1]) }
        }
        return nil
    }

    /// The cgroup v2 path of this process from the text of `/proc/self/cgroup` (`0::/user.slice/…`), or nil.
    public static func cgroupPath(inProcCgroup text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("0::") {
            return String(line.dropFirst(3))
        }
        return nil
    }

    /// The cgroup v1 memory controller path from the text of `/proc/self/cgroup` (`4:memory:/docker/…`), or nil.
    public static func memoryCgroupPath(inProcCgroup text: String) -> String? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3, parts[1].split(separator: ",").contains("memory") { return String(parts[2]) }
        }
        return nil
    }

    /// The current count for this process's control group, or nil when the system does not tell (cgroup v1, no
    /// access).
    public static func current() -> Int? {
        let text = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
        var candidates: [String] = []
        if let cgroup = cgroupPath(inProcCgroup: text) {
            candidates.append("/sys/fs/cgroup" + (cgroup == "/" ? "" : cgroup) + "/memory.events")
        }
        candidates.append("/sys/fs/cgroup/memory.events")
        if let memory = memoryCgroupPath(inProcCgroup: text) {
            candidates.append("/sys/fs/cgroup/memory" + (memory == "/" ? "" : memory) + "/memory.oom_control")
        }
        candidates.append("/sys/fs/cgroup/memory/memory.oom_control")
        for path in candidates {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), let count = oomKills(inMemoryEvents: text) {
                return count
            }
        }
        return nil
    }
}
