import Foundation
import KubectlKit

/// Values put on the wrong side: the local and remote ports of `port-forward`, requests and limits of `set
/// resources`; and what nobody asked for on a side of its own: a program after `run --`, an output file for
/// `kustomize`.
extension RequestEvidence {
    /// The port the request calls local ("to local 15005", "15005 locally", "localhost:15005", "local port 15005").
    static func localPort(_ text: RequestText) -> String? {
        let tokens = text.tokens
        var found: [String] = []
        for (index, token) in tokens.enumerated() {
            if token.hasPrefix("localhost:") { found.append(String(token.dropFirst("localhost:".count))); continue }
            guard token.allSatisfy(\.isNumber), !token.isEmpty else { continue }
            let before = index > 0 ? tokens[index - 1] : ""
            let twoBefore = index > 1 ? tokens[index - 2] : ""
            let after = index + 1 < tokens.count ? tokens[index + 1] : ""
            if ["local", "locally", "localhost"].contains(before) || (before == "port" && twoBefore == "local")
                || ["locally", "local"].contains(after) && !(index + 2 < tokens.count && tokens[index + 2] == "port") {
                found.append(token)
            }
        }
        return Set(found).count == 1 ? found[0] : nil
    }

    /// `port-forward etl-0 5005:15005` for "pf pod etl-0 5005 to local 15005": kubectl reads `LOCAL:REMOTE`, so the
    /// port the request calls local goes first.
    static let localPortFirst: Check = { words, evidence in
        guard words.parsed.verb == "port-forward", let local = localPort(evidence.text) else { return nil }
        let numbers = evidence.text.tokens.filter { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        let ports = words.positional.dropFirst(2).filter { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        // `port-forward deployment/waltz 9000` for "9000 … to local port 19000": the local port went missing.
        if ports.count == 1, let remote = ports.first, remote != local, numbers.contains(remote),
           !words.positional.contains(where: { $0.contains(":") && $0.split(separator: ":").allSatisfy { $0.allSatisfy(\.isNumber) } }) {
            words.replaceWord(remote, with: "\(local):\(remote)")
            return EvidenceFix(.objectForm, "\(local):\(remote): the local port the request names")
        }
        for word in words.positional.dropFirst(2) {
            let parts = word.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, parts[1] == local, parts[0] != local, parts[0].allSatisfy(\.isNumber), !parts[0].isEmpty else { continue }
            words.replaceWord(word, with: "\(local):\(parts[0])")
            return EvidenceFix(.objectForm, "\(local):\(parts[0]): the local port comes first")
        }
        return nil
    }

    /// `run curl --image=curlimages/curl -it --rm -- curl http://web:80` for "run tmp pod curl img curlimages/curl
    /// interactive rm": a program that only repeats the pod's or image's name, with arguments the request never
    /// writes, is a guess; the image's own program runs instead.
    static let inventedProgram: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "run", parsed.hasDoubleDash, let program = parsed.afterDoubleDash.first?.lowercased() else { return nil }
        let image = (parsed.flag("image")?.value ?? "").lowercased()
        let imageBase = String(image.split(separator: "/").last?.split(separator: ":").first ?? "")
        let podName = parsed.names.first?.lowercased()
        guard program == imageBase || program == podName || image.hasSuffix("/" + program) else { return nil }
        let arguments = parsed.afterDoubleDash.dropFirst().filter { !$0.hasPrefix("-") }
        // `curl http://quartz` for "curl svc quartz": the host of a URL counts as the request's word.
        func mentioned(_ argument: String) -> Bool {
            let host = argument.components(separatedBy: "://").last?.split(whereSeparator: { ":/".contains($0) }).first.map(String.init)
            return evidence.known.contains(argument) || host.map { evidence.known.containsWord($0) } == true
        }
        guard !arguments.isEmpty, !arguments.contains(where: mentioned) else { return nil }
        let removed = parsed.afterDoubleDash.joined(separator: " ")
        guard let dash = words.words.firstIndex(of: "--") else { return nil }
        words.remove(at: dash..<words.words.count)
        return EvidenceFix(.inventedValue, "dropped -- \(removed): a program nobody asked for")
    }

    /// `kustomize ./overlays/prod -o yaml`: kustomize prints YAML, and its `-o` names a file to write, so a format
    /// given there goes.
    static let kustomizeFormat: Check = { words, _ in
        guard words.parsed.verb == "kustomize", let span = words.span("output"),
              let value = span.flag.value?.lowercased(), ["yaml", "yml", "json"].contains(value) else { return nil }
        let written = words.text(of: span)
        words.remove(span)
        return EvidenceFix(.inventedValue, "dropped \(written): kustomize prints YAML; -o names a file")
    }

    /// The side ("requests" or "limits") the request gives each resource's value, read from the nearest of the
    /// words "request(s)" and "limit(s)"; nil where it says neither.
    static func resourceSides(_ text: RequestText) -> [String: String]? {
        let tokens = text.tokens
        func side(_ token: String) -> String? {
            if ["request", "requests", "req", "reqs", "requested"].contains(token) { return "requests" }
            if ["limit", "limits", "lim", "max", "cap", "capped"].contains(token) { return "limits" }
            return nil
        }
        let sidePositions = tokens.indices.compactMap { index in side(tokens[index]).map { (index, $0) } }
        guard !sidePositions.isEmpty else { return nil }
        var sides: [String: String] = [:]
        for (index, token) in tokens.enumerated() where ["cpu", "cpus", "memory", "mem", "ram"].contains(token) {
            let resource = token.hasPrefix("cpu") ? "cpu" : "memory"
            // The nearest side word, a tie going to the one before ("cpu requests of 250m and memory limits of 512Mi").
            guard let nearest = sidePositions.min(by: { abs($0.0 - index) * 2 + ($0.0 > index ? 1 : 0) < abs($1.0 - index) * 2 + ($1.0 > index ? 1 : 0) })
            else { continue }
            if let earlier = sides[resource], earlier != nearest.1 { return nil }
            sides[resource] = nearest.1
        }
        return sides.isEmpty ? nil : sides
    }

    /// `set resources deployment/reporter --requests=cpu=250m,memory=512Mi` for "CPU requests of 250m and memory
    /// limits of 512Mi": each resource goes to the side the request gives it.
    static let resourceSide: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "set", parsed.subverb == "resources", let sides = resourceSides(evidence.text) else { return nil }
        var terms: [(resource: String, value: String, side: String)] = []
        for span in words.spans where span.flag.name == "requests" || span.flag.name == "limits" {
            for term in (span.flag.value ?? "").split(separator: ",") {
                let pair = term.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { return nil }
                terms.append((pair[0], pair[1], span.flag.name))
            }
        }
        let moved = terms.map { term in (term.resource, term.value, sides[term.resource] ?? term.side) }
        guard moved.map(\.2) != terms.map(\.side) else { return nil }
        while let span = words.spans.first(where: { $0.flag.name == "requests" || $0.flag.name == "limits" }) { words.remove(span) }
        var added: [String] = []
        for side in ["requests", "limits"] {
            let values = moved.filter { $0.2 == side }.map { "\($0.0)=\($0.1)" }
            if !values.isEmpty { added.append("--\(side)=\(values.joined(separator: ","))") }
        }
        words.append(added)
        return EvidenceFix(.objectForm, "\(added.joined(separator: " ")): each value on the side the request gives it")
    }
}
