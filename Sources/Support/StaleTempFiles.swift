import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes what writers killed mid-write left behind: `AtomicFile`'s temporary files (`.<name>.<pid>.<random>.tmp`)
/// and per-process scratch directories (`<pid>-<anything>`), in both cases only when the process `pid` is gone.
public enum StaleTempFiles {
    /// The writer's process id in an `AtomicFile` temporary name, or nil when `name` is not one.
    public static func writerPID(ofTempFile name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, UInt32(parts[parts.count - 1]) != nil else { return nil }
        return Int32(parts[parts.count - 2])
    }

    /// The owner's process id of a scratch directory named `<pid>-…`, or nil.
    public static func ownerPID(ofScratch name: String) -> Int32? {
        guard let dash = name.firstIndex(of: "-") else { return nil }
        return Int32(name[..<dash])
    }

    /// Whether a process with this id exists.
    public static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Deletes directories named `prefix…` directly in `directory` that were last modified more than `age` seconds
    /// ago (sandboxes older k1 versions left in the system temporary directory, which carry no process id).
    /// - Returns: how many were removed.
    @discardableResult
    public static func removeOld(prefix: String, in directory: URL, olderThan age: TimeInterval,
                                 now: Date = Date()) -> Int {
        var removed = 0
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix(prefix) {
            let url = directory.appendingPathComponent(name)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  attributes[.type] as? FileAttributeType == .typeDirectory,
                  let modified = attributes[.modificationDate] as? Date, now.timeIntervalSince(modified) > age else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }

    /// Deletes the temporary files of dead writers directly in each of `directories`, and the scratch directories of
    /// dead owners directly in each of `scratchParents`.
    /// - Returns: how many were removed.
    @discardableResult
    public static func remove(in directories: [URL], scratchParents: [URL] = []) -> Int {
        var removed = 0
        for directory in directories {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
                guard let pid = writerPID(ofTempFile: name), pid != getpid(), !isAlive(pid) else { continue }
                if unlink(directory.appendingPathComponent(name).path) == 0 { removed += 1 }
            }
        }
        for parent in scratchParents {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
                guard let pid = ownerPID(ofScratch: name), pid != getpid(), !isAlive(pid) else { continue }
                if (try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))) != nil { removed += 1 }
            }
        }
        return removed
    }
}
