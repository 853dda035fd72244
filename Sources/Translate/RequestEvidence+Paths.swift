import Foundation
import KubectlKit

/// Paths into an object that the request does not write: a field `explain` adds at the end, and an image changed by a
/// JSON patch where `set image` says it plainly.
extension RequestEvidence {
    /// `explain pod.spec.affinity --recursive` for "explain pod spec recursively": the fields the path ends with that
    /// the request never writes are a guess, so the path stops at the last field it writes.
    static let explainPath: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "explain", let index = words.positionalIndices.dropFirst().first else { return nil }
        let path = words.words[index]
        var segments = path.split(separator: ".").map(String.init)
        guard segments.count > 2 else { return nil }
        let squashed = Grounding.squash(evidence.request)
        func written(_ segment: String) -> Bool {
            let needle = Grounding.squash(segment)
            // "containers" for "container", "env" inside "envFrom" are written; a field of 2 letters needs its own word.
            let stem = needle.hasSuffix("s") && needle.count > 3 ? String(needle.dropLast()) : needle
            return needle.count > 2 ? squashed.contains(stem) : evidence.text.set.contains(needle)
        }
        var dropped: [String] = []
        while segments.count > 2, let last = segments.last, !written(last) {
            dropped.insert(last, at: 0)
            segments.removeLast()
        }
        guard !dropped.isEmpty else { return nil }
        let trimmed = segments.joined(separator: ".")
        words.replaceWord(path, with: trimmed)
        return EvidenceFix(.inventedValue, "\(trimmed): the request asks for no .\(dropped.joined(separator: "."))")
    }

    /// `patch deployment api --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"api:5"}]'`
    /// for "replace the image of every container of deployment api with api:5": an image change is `set image`, with
    /// `*` for every container or the container the request names.
    static let imagePatch: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "patch", let patch = parsed.flag("patch")?.value, patch.contains("image"),
              evidence.text.hasAny(["image", "images", "img", "imgs"]), let object = parsed.objects.first,
              let type = object.resource, ["deployments", "statefulsets", "daemonsets", "replicasets", "pods", "cronjobs", "jobs"].contains(type.plural),
              let image = patchedImage(patch) else { return nil }
        let every = evidence.text.hasAny(["every", "all", "each"]) && evidence.text.hasAny(["container", "containers", "ctr", "ctrs"])
        guard let container = every ? "*" : namedContainer(evidence.text) else { return nil }
        var line = ["kubectl", "set", "image", "\(type.singular)/\(object.name)", "\(container)=\(image)"]
        if let namespace = parsed.namespace { line += ["-n", namespace] }
        guard let rebuilt = CommandWords(ShellWords.join(line)) else { return nil }
        words = rebuilt
        return EvidenceFix(.verb, "set image: the request changes an image")
    }

    /// The one image a patch sets: the value of its `"image"` key, or of a JSON patch op whose path ends in `/image`.
    static func patchedImage(_ patch: String) -> String? {
        guard let data = patch.data(using: .utf8), let json = try? JSONSerialization.jsonObject(with: data) else { return nil }
        var found: [String] = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let image = object["image"] as? String { found.append(image) }
                if let path = object["path"] as? String, path.hasSuffix("/image"), let image = object["value"] as? String { found.append(image) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(json)
        return Set(found).count == 1 ? found[0] : nil
    }
}
