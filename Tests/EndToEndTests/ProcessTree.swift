import Foundation

/// Reads the Linux process table (`/proc`) to see what a process has running under it.
enum ProcessTree {
    /// One running process.
    struct Entry: Equatable {
        /// Its process id.
        let pid: Int32
        /// Its parent's process id.
        let parent: Int32
        /// Its command name (`comm`, at most 15 characters).
        let name: String
    }

    /// Every live descendant of `pid` (children, grandchildren…), zombies excluded.
    static func descendants(of pid: Int32) -> [Entry] {
        let all = snapshot()
        var found: [Entry] = []
        var frontier: Set<Int32> = [pid]
        while !frontier.isEmpty {
            let children = all.filter { frontier.contains($0.parent) }
            found += children
            frontier = Set(children.map(\.pid))
        }
        return found
    }

    /// All processes, from `/proc/<pid>/stat` (`pid (comm) state ppid …`).
    private static func snapshot() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> Entry? in
            guard let pid = Int32(name),
                  let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return nil }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, fields[0] != "Z", let parent = Int32(fields[1]) else { return nil }
            return Entry(pid: pid, parent: parent, name: String(stat[stat.index(after: open)..<close]))
        }
    }
}
