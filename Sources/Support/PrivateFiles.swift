import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes k1's own directories (config, state, cache) and what they hold private: directories 0700, files without
/// group or other permissions, like kubeconfig and shell history. Older k1 versions created them 0755/0644.
public enum PrivateFiles {
    /// Removes group and other permissions from each of `directories` (made 0700) and from their direct entries
    /// (directories 0700 and the files in a `slots` directory included), never following symbolic links.
    /// Missing directories are skipped.
    /// - Returns: the paths whose mode changed.
    @discardableResult
    public static func repair(_ directories: [URL]) -> [String] {
        var changed: [String] = []
        for directory in directories {
            let path = directory.standardizedFileURL.path
            var own = stat()
            guard lstat(path, &own) == 0, own.st_mode & S_IFMT == S_IFDIR else { continue }
            if privatize(path, info: own, isDirectory: true) { changed.append(path) }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                let entry = path + "/" + name
                var info = stat()
                guard lstat(entry, &info) == 0 else { continue }
                let isDirectory = info.st_mode & S_IFMT == S_IFDIR
                guard isDirectory || info.st_mode & S_IFMT == S_IFREG else { continue }
                if privatize(entry, info: info, isDirectory: isDirectory) { changed.append(entry) }
                if isDirectory, name == "slots" {
                    for file in (try? FileManager.default.contentsOfDirectory(atPath: entry)) ?? [] {
                        var fileInfo = stat()
                        let filePath = entry + "/" + file
                        guard lstat(filePath, &fileInfo) == 0, fileInfo.st_mode & S_IFMT == S_IFREG else { continue }
                        if privatize(filePath, info: fileInfo, isDirectory: false) { changed.append(filePath) }
                    }
                }
            }
        }
        return changed
    }

    /// The one-line notice after `repair` changed something, or nil when nothing changed.
    public static func notice(_ changed: [String]) -> String? {
        guard let first = changed.first else { return nil }
        let count = changed.count
        return "k1: made \(count) of k1's files and directories private (group and other permissions removed, e.g. \(first))"
    }

    /// Removes group/other bits (directories: exactly 0700). True when the mode changed.
    private static func privatize(_ path: String, info: stat, isDirectory: Bool) -> Bool {
        let mode = info.st_mode & 0o7777
        let wanted: mode_t = isDirectory ? 0o700 : mode & 0o700
        guard mode != wanted else { return false }
        return chmod(path, wanted) == 0
    }
}
