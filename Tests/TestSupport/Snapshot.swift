import Foundation
import Testing

/// Text compared with a snapshot committed with the tests: `Snapshots/NAME.txt` in the test target's folder, copied
/// into the target's bundle as a resource. A mismatch records one issue holding a line diff (`-` the snapshot, `+` the
/// output now), so the change reads like a patch. With `K1_UPDATE_SNAPSHOTS=1` in the environment the file in the
/// source tree is written instead; review its diff before committing it.
public enum Snapshot {
    /// The variable that rewrites snapshots instead of comparing them.
    public static let updateVariable = "K1_UPDATE_SNAPSHOTS"

    /// Records an issue at `sourceLocation` unless `actual` is the snapshot `name` from `bundle` (the test target's
    /// `Bundle.module`). `filePath` locates the source folder to write to when updating.
    public static func expect(_ actual: String, named name: String, in bundle: Bundle, filePath: StaticString = #filePath,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        if ProcessInfo.processInfo.environment[updateVariable] == "1" {
            let folder = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Snapshots")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data((actual + "\n").utf8).write(to: folder.appendingPathComponent(name + ".txt"), options: .atomic)
            } catch {
                Issue.record("cannot write snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        let url = bundle.url(forResource: name, withExtension: "txt", subdirectory: "Snapshots")
        let expected = url.flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        if let problem = mismatch(expected: expected, actual: actual, name: name) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
    }

    /// The report for `actual` against the snapshot file's text `expected` (nil: no such file), or nil when they match.
    /// The file's one final newline is not part of the snapshot.
    public static func mismatch(expected: String?, actual: String, name: String) -> String? {
        guard let expected else {
            return "snapshot \(name) is missing: run the test with \(updateVariable)=1 to write Snapshots/\(name).txt"
        }
        let snapshot = expected.hasSuffix("\n") ? String(expected.dropLast()) : expected
        guard snapshot != actual else { return nil }
        let diff = lineDiff(from: snapshot.components(separatedBy: "\n"), to: actual.components(separatedBy: "\n"))
        return "snapshot \(name) differs (- snapshot, + now; accept with \(updateVariable)=1):\n" + diff.joined(separator: "\n")
    }

    /// The changed lines between `old` and `new` with up to `context` unchanged lines around each change, as
    /// `@@ line N` headers (N counts in `old`, from 1) and `- `, `+ `, `  ` lines.
    public static func lineDiff(from old: [String], to new: [String], context: Int = 2) -> [String] {
        // Longest common subsequence, then a walk that emits removals before additions.
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        enum Edit { case same(String), removed(String), added(String) }
        var edits: [(edit: Edit, oldLine: Int)] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                edits.append((.same(old[i]), i + 1)); i += 1; j += 1
            } else if i < old.count, j >= new.count || common[i + 1][j] >= common[i][j + 1] {
                edits.append((.removed(old[i]), i + 1)); i += 1
            } else {
                edits.append((.added(new[j]), i + 1)); j += 1
            }
        }
        let changed = edits.indices.filter { if case .same = edits[$0].edit { false } else { true } }
        var shown = Set<Int>()
        for index in changed { shown.formUnion(max(0, index - context)...min(edits.count - 1, index + context)) }
        var lines: [String] = []
        var previous: Int?
        for index in shown.sorted() {
            if previous.map({ $0 + 1 != index }) ?? true { lines.append("@@ line \(edits[index].oldLine)") }
            switch edits[index].edit {
            case .same(let text): lines.append("  " + text)
            case .removed(let text): lines.append("- " + text)
            case .added(let text): lines.append("+ " + text)
            }
            previous = index
        }
        return lines
    }

    /// `text` with escape characters shown as `⎋`, so that styled output reads in a snapshot file.
    public static func visible(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}", with: "⎋")
    }
}
