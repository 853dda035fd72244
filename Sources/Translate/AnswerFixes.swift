import Foundation

/// The fixes every fresh answer goes through, in order, before it is validated: what a small model gets wrong in
/// ways that can be put right from the request and the session alone. Each fix that changes the command leaves a
/// note, which the shell shows under the suggestion.
///
/// 1. ``CommandRepair``: invented spellings of real flags and `TYPE NAME` where kubectl wants `TYPE/NAME`.
/// 2. ``Recopy``: names and values garbled while copying them.
/// 3. ``Grounding/selectorAsNamespace(_:request:context:)``: a label selector made out of a named namespace.
/// 4. ``Grounding/repair(_:request:context:)``: namespaces and containers nobody mentioned.
/// 5. ``Grounding/fixTypes(_:)``: pluralised short type names (`netpols`).
/// 6. ``FlagEvidence``: modifiers the request never asks for (only with `pruneFlags`).
/// 7. ``AskedFlags``: the namespace and output format the request names but the answer left out.
/// 8. ``RequestEvidence``: what else the request names, checked on the parsed command (container, `--all`,
///    `--overwrite`, selector forms, service accounts, the opposite verb, values nobody asked for).
/// 9. ``RequestEvidence/decodedSecret(_:request:)``: `| base64 -d` for a secret value the request wants decoded.
enum AnswerFixes {
    /// `command` after the fixes, and their notes in order. With `ground` off only pruning runs (for measuring).
    static func apply(_ command: String, request: String, context: [String], ground: Bool = true,
                      prune: Bool = true) -> (command: String, notes: [AnswerNote]) {
        var command = command
        var notes: [AnswerNote] = []
        func step(_ enabled: Bool, _ kind: AnswerNote.Kind, _ fix: (String) -> (command: String, note: String?)) {
            guard enabled else { return }
            let result = fix(command)
            guard let note = result.note else { return }
            command = result.command
            notes.append(AnswerNote(kind, note))
        }
        step(ground, .flagSpelling) { command in
            let result = CommandRepair.repair(command)
            return (result.command, result.rewrites.isEmpty ? nil : "fixed \(result.rewrites.joined(separator: ", "))")
        }
        step(ground, .recopied) { command in
            let result = Recopy.repair(command, request: request, context: context)
            let list = result.fixes.map { "\($0.from) → \($0.to)" }.joined(separator: ", ")
            return (result.command, result.fixes.isEmpty ? nil : "copied \(list) from the request")
        }
        step(ground, .selectorAsNamespace) { command in
            let result = Grounding.selectorAsNamespace(command, request: request, context: context)
            return (result.command, result.replaced.map { "\($0) read as the namespace" })
        }
        step(ground, .madeUpDropped) { command in
            let result = Grounding.repair(command, request: request, context: context)
            return (result.command, result.removed.isEmpty ? nil : "dropped made-up \(result.removed.joined(separator: ", "))")
        }
        step(ground, .typeName) { command in
            let result = Grounding.fixTypes(command)
            let list = result.fixed.map { "\($0.from) → \($0.to)" }.joined(separator: ", ")
            return (result.command, result.fixed.isEmpty ? nil : "fixed type \(list)")
        }
        step(prune, .unaskedDropped) { command in
            let result = FlagEvidence.prune(command, request: request, context: context)
            return (result.command, result.dropped.isEmpty ? nil : "dropped unasked \(result.dropped.joined(separator: ", "))")
        }
        step(ground, .askedAdded) { command in
            let result = AskedFlags.complete(command, request: request)
            return (result.command, result.added.isEmpty ? nil : "added \(result.added.joined(separator: ", ")) from the request")
        }
        step(ground, .requestEvidence) { command in
            let result = RequestEvidence.repair(command, request: request, context: context)
            return (result.command, result.fixes.isEmpty ? nil : result.fixes.map(\.detail).joined(separator: ", "))
        }
        step(ground, .requestEvidence) { command in
            let decoded = RequestEvidence.decodedSecret(command, request: request)
            return (decoded ?? command, decoded == nil ? nil : "| base64 -d: the request asks for the decoded value")
        }
        return (command, notes)
    }
}
