import Foundation
import KubectlKit

/// Checks an answer, parsed into a ``KubectlCommand``, against what its request names, and puts right what can be
/// put right without the model: the namespace and container the request names, `--all` for every object of a type,
/// `--overwrite` for a changed label, selector forms the request's words ask for (see `RequestEvidence+Selectors`),
/// service-account formats, the opposite verb or form (uncordon, a removal's trailing `-`) and values nobody asked
/// for (see `RequestEvidence+Values`). Each change is an ``EvidenceFix``; what cannot be put right is reported by
/// ``issues(in:request:)`` so the answer gets a second candidate or a ⚠.
public enum RequestEvidence {
    /// One check: changes `words` and says what it did, or returns nil and leaves them alone.
    typealias Check = @Sendable (inout CommandWords, Evidence) -> EvidenceFix?

    /// What a check reads about the request.
    struct Evidence: Sendable {
        let request: String
        let text: RequestText
        let known: Mentions
        /// The session's context lines as the prompt shows them.
        var context: [String] = []
    }

    /// The checks, in order.
    static let checks: [Check] = [
        createWithData, rolloutWait, mistypedType, repeatedFlag, unaskedDelete, unaskedWrite, newObjectManifest, inventedFile, runForDeployment, sessionType, bareWorkload, namespaceNotNamed, namespaceAsAdjective, namespaceAsSentenceWord, unknownOutput, nodeCommandExtras, requestWordsAsNames, cronJobSuspend, filterNotColumns, watchOnly, inventedTarget, labelChange, rolloutSub, lastApplied, cordonedListing, describeEverything, namespacedUsage, grownName, cronJobRun, drainForCordon, dryRunManifest, createFromFile, clusterInfoDump, describeDetails, bindingScope, immediateDelete, waitTimeout,
        inventedIdentity, impersonation, namespaceSwitch, namedContext, allAsNamespace, namespaceAsName, namespaceOfSomethingElse, typedPairs, containerWords, lastLines, hiddenSecrets, usageIsTop, requestedObjectType, cronSchedule, twoWordType, typeList, missingType, typeWordAsName, namespaceAsObjectName, namespaceFromValue, listedTypeCheck, createdName, labelKey, actionNotQuestion, namedNamespaceOverAll, debugNode, envList, fileForm, nameForSelector, objectType, removalForm, patchType, samePorts, namespaceField, eventsFor,
        namespace, allNamespaces, allContainerLogs, container, containerValue, containerAsObject, strayContainerWords, markerAfterDash, copiedPodPath, all, overwrite, antonym, taintRemovalParts, commandAfterDash, identity, execTerminal, topContainers,
        fieldInLabelSelector, labelsInFieldSelector, strayLabelTerms, taintSelector, wellKnownLabelFlags, namespaceAsLabel, labelFilter, mergedSelectors, mergedFieldSelectors, oneOfSelector, writtenSetSelector, neitherNor, selectorForms, commaNames, fieldSelector, nodePlacement, podFields, podPhase, unaskedPhase, allContainersImage, setImageMarker, allWithNames, imageAsNamed, imageTag, numbers, duration, unknownFlags, namesOnly, showLabels, watch, watchedEvents, followLogs, interactiveDebug, nodeColumn, literalFlags,
        listJSONPath, canIList, imageContainer, repeatedLiteral, execProgram, guessedRemotePort, immediateNeedsForce, flagsAfterDash, sortKeyDot, roleKind, sliceOfService, localPortFirst, inventedProgram, kustomizeFormat, resourceSide, endpointsOfService, explainPath, imagePatch, markerAsValue, roleScope, lostSelector, selectingPair,
        lostLogsPod, rolloutStatusOnce, logBytes, eventsOfKind, patchPathForType, resourceVerbs, serverDryRun, portPairs,
        strayNamespaceWord, strayNodeWords, allNarrowedByState, namespacedResources, repeatedForwardTarget, currentReplicas,
        commandNeedsDash, unaskedContainer, namespaceAfterDash, filePathAsWritten, taintKeyAsWritten, roleAsWritten, namedExecProgram,
        shorthandAsName, portForwardWords, envRemoval, removalAsSelector, shellWordsAfterDash, pairAsName, exposeName,
        ingressRuleBackend, namespaceBeforeName, logsSince, tailFromDuration, shellAsWritten,
        literalsApart, fileKey, apiGroup, explainVersion, setContext, preemptionPolicy, exceptNamespace, fieldManager,
        interactiveRun, repeatedSelectorTerms, setTermsInFieldSelector, looseSetSelector, waitForField, describeWithoutEvents,
        imageContainerNames, sessionNamespace, defaultWatch, interactiveStdin, applyAsDiff, cordonWithoutEvicting,
        defaultNamespace, unknownShortBesideLong, cordonedNodes, selectorOnManifests,
        nameAcrossNamespaces, explainRecursive, secretsOfType, copyNamespaceTwice, accountNameAsWritten, calledName,
        serverSideApply, localPortWritten, resourcePairs, currentContextNamespace, selectorSpacing, ingressRuleOnly,
        // The namespace again, once identities are put right: the other of two namespaces may be free only now.
        namespace, lastCommandNamespace, podNameAsTyped, namedPodLost, namedShell, revisionHistory, singleValueSet, nodeOfPod, selectorSplitAtOperator, switchesByTheirWords,
        containerIsNamespace, nameThenNamespace, droppedLabel, topOutput, accountPermissions, numberedRevision, objectIsNamedNamespace,
        describeAsked, allInterfaces, debugCopyImages, currentContextNamespaceWord, runProgramAfterDash, setServiceAccount, bindingSubject,
    ]

    /// `command` with what the request names put right, and the fixes made. Lines with shell syntax, bad quoting or
    /// no `kubectl` are returned unchanged.
    public static func repair(_ command: String, request: String, context: [String]) -> (command: String, fixes: [EvidenceFix]) {
        guard var words = CommandWords(command), words.parsed.isKnownVerb else { return (command, []) }
        let evidence = Evidence(request: request, text: RequestText(request), known: Mentions(request: request, context: context),
                                context: context)
        var fixes: [EvidenceFix] = []
        for check in checks {
            if let fix = check(&words, evidence) { fixes.append(fix) }
        }
        return fixes.isEmpty ? (command, []) : (words.line, fixes)
    }

    // MARK: - Namespace

    /// `-n X` where the request names namespace `Y` after "in", "ns" or "namespace" and uses `X` only elsewhere (a
    /// label value, say): the namespace becomes `Y`.
    static let namespace: Check = { words, evidence in
        guard words.parsed.verb != "config", let named = AskedFlags.namedNamespace(evidence.request, for: words.parsed),
              named.count > 2, !connectives.contains(named), let span = words.span("namespace"),
              let value = span.flag.value, value.lowercased() != named,
              // "run df -h in tern-ingest-0": the object the command runs on is no namespace.
              !(words.parsed.names + words.parsed.objects.map(\.name)).contains(where: { $0.lowercased() == named }),
              // `-n namespce` copies a misspelt marker, never a namespace.
              AskedFlags.markers.contains(value.lowercased()) || AskedFlags.identityNamespaces(words.parsed).contains(value.lowercased())
                || !evidence.text.tokens.indices.contains(where: { $0 > 0 && evidence.text.tokens[$0] == value.lowercased()
                    && AskedFlags.markers.contains(evidence.text.tokens[$0 - 1])
                    // "in finance ns, host …": that "ns" closes "finance".
                    && !($0 > 1 && evidence.text.tokens[$0 - 2] == named) }) else { return nil }
        words.setValue(named, of: span)
        return EvidenceFix(.namespace, "set -n \(named), the namespace the request names")
    }

    /// Short words that can follow "in" or "ns" without naming a namespace ("the ns of context dev").
    static let connectives: Set<String> = ["of", "to", "for", "and", "or", "on", "at", "by", "with", "from", "into", "as", "is"]

    /// Phrases that mean every namespace.
    static let everyNamespace = ["all namespaces", "every namespace", "any namespace", "across namespaces",
                                 "all the namespaces", "across all namespaces", "all ns", "cluster-wide", "cluster wide",
                                 "everywhere", "across the cluster", "in the whole cluster", "every ns", "evry ns", "evry namespace", "any ns", "each namespace", "each ns", "all nses"]

    /// `-A` for a listing the request asks for in every namespace, when the command names no namespace.
    static let allNamespaces: Check = { words, evidence in
        let parsed = words.parsed
        guard ["get", "describe", "top", "events"].contains(parsed.verb ?? "") || (parsed.verb == "auth" && parsed.subverb == "can-i")
                || (parsed.verb == "cluster-info" && parsed.subverb == "dump"),
              !parsed.allNamespaces, parsed.namespace == nil,
              CommandValidator.clusterScopedType(of: parsed) == nil,
              everyNamespace.contains(where: evidence.text.has) else { return nil }
        words.append(["-A"])
        return EvidenceFix(.allNamespaces, "added -A for every namespace")
    }

    // MARK: - Container

    /// Words that follow or precede "container" without naming one.
    static let notContainerNames: Set<String> = Set([
        "a", "an", "the", "all", "any", "every", "each", "its", "this", "that", "init", "main", "first", "second",
        "other", "same", "new", "ephemeral", "debug", "in", "of", "from", "for", "to", "on", "named", "called", "it",
        "container", "containers", "image", "logs", "log", "shell", "running", "which", "with", "prev", "previous",
        "last", "old", "crashed", "dead", "failed", "restarted", "current", "terminated", "default", "only", "one",
        "single", "whole", "right", "wrong", "rather", "than", "instead", "not", "but", "is", "was", "and", "or",
        "then", "now", "again", "too", "also", "quick", "asap", "real",
    ]).union(RetrievalVocabulary.filler)

    /// The container a request names: `container X`, `container named X`, `-c X` or `the X container`.
    static func namedContainer(_ text: RequestText) -> String? {
        let tokens = text.tokens
        var found: [String] = []
        func usable(_ word: String) -> Bool { !notContainerNames.contains(word) && looksLikeName(word) }
        // After "container" a word such as `main` or `init` is the container's name ("the container main of").
        func usableAfter(_ word: String) -> Bool {
            usable(word) || (looksLikeName(word) && ["main", "init", "debug", "default", "sidecar", "first", "second", "shell"].contains(word))
        }
        for (index, token) in tokens.enumerated() {
            var candidate: String?
            if token.hasPrefix("--container=") { candidate = String(token.dropFirst(12)) }
            // "the envoy sidecar": the word before "sidecar" names the container.
            if token == "sidecar", index > 0, usable(tokens[index - 1]), !tokens[index - 1].contains(where: \.isNumber),
               !["ctr", "-c", "--container"].contains(tokens[index - 1]) {
                candidate = tokens[index - 1]
            }
            if ["container", "ctr", "-c", "--container"].contains(token) {
                var next = index + 1
                // "container named agent", "the container is agent".
                if next < tokens.count, ["named", "called", "is", "was", "="].contains(tokens[next]) { next += 1 }
                if next < tokens.count, usableAfter(tokens[next]) {
                    candidate = tokens[next]
                } else if token == "container" || token == "ctr", index > 0, usable(tokens[index - 1]) {
                    candidate = tokens[index - 1]
                }
            }
            if let value = candidate, usableAfter(value), !found.contains(value) { found.append(value) }
        }
        return found.count == 1 ? found[0] : nil
    }

    /// A DNS label: lowercase letters, digits and `-`, starting with a letter or digit.
    static func looksLikeName(_ word: String) -> Bool {
        guard (1...63).contains(word.count), let first = word.first, first.isLetter || first.isNumber, !word.hasSuffix("-")
        else { return false }
        return word.allSatisfy { ($0.isLetter && $0.isASCII) || $0.isNumber || $0 == "-" }
    }

    /// Logs of every container ("logs of all containers of api-0") are `--all-containers`: it replaces a `-c` that
    /// names no container the request gave (`-c all`).
    static let allContainerLogs: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "logs", !parsed.hasFlag("all-containers"), evidence.text.hasAny(["all", "every", "each"]),
              evidence.text.hasAny(["containers", "ctrs"]) || evidence.text.has("every container") || evidence.text.has("each container"),
              namedContainer(evidence.text) == nil else { return nil }
        while let span = words.span("container") { words.remove(span) }
        words.append(["--all-containers"])
        return EvidenceFix(.container, "--all-containers: the logs of every container")
    }

    /// `-c X` for a command run in a container (`logs`, `exec`, `attach`, `cp`) when the request names container `X`
    /// and the command has none.
    static let container: Check = { words, evidence in
        let parsed = words.parsed
        // `set env` and `set resources` take `-c` too (`set image` names the container in its pairs).
        let setsContainer = parsed.verb == "set" && ["env", "resources"].contains(parsed.subverb ?? "")
        guard let verb = parsed.verb, ["logs", "exec", "attach", "cp"].contains(verb) || setsContainer,
              !parsed.hasFlag("container"), !parsed.hasFlag("containers"), !parsed.hasFlag("all-containers"),
              let name = namedContainer(evidence.text), !parsed.names.contains(name),
              !parsed.objects.contains(where: { $0.name == name }) else { return nil }
        words.append(["-c", name])
        return EvidenceFix(.container, "added -c \(name), the container the request names")
    }

    // MARK: - --all and --overwrite

    /// Words that narrow "all pods" to some of them.
    static let qualifiers: Set<String> = [
        "that", "which", "with", "where", "whose", "except", "without", "but", "not", "matching", "labelled", "labeled",
        "having", "named", "called", "if", "when", "older", "newer", "selected", "listed", "these", "those", "them",
    ]

    /// `--all` when the request asks for every object of a type ("delete all jobs", "wait for every pod") and the
    /// command names no object, selector or file; only for commands whose kubectl has `--all`.
    static let all: Check = { words, evidence in
        let parsed = words.parsed
        let tokens = evidence.text.tokens
        guard parsed.objects.isEmpty, parsed.names.isEmpty, !parsed.hasFlag("all"), !parsed.hasFlag("selector"),
              !parsed.hasFlag("field-selector"), !parsed.hasFlag("filename"), !parsed.resourceWords.isEmpty,
              KubectlKnowledge.command(for: parsed)?.flags.contains(where: { $0.spec.long == "all" }) == true,
              !narrows(evidence.text) else { return nil }
        let everyType = tokens.indices.contains { index in
            guard ["all", "every", "each"].contains(tokens[index]) else { return false }
            var next = index + 1
            if next < tokens.count, tokens[next] == "the" || tokens[next] == "of" { next += 1 }
            if next < tokens.count, tokens[next] == "the" { next += 1 }
            guard next < tokens.count, !["namespaces", "namespace", "ns", "containers", "container"].contains(tokens[next])
            else { return false }
            // A type written in two or three words: "config maps", "service accounts", "persistent volume claims".
            return requestedType(tokens[next]) != nil || compoundType(tokens, at: next) != nil
        }
        guard everyType else { return nil }
        words.append(["--all"])
        return EvidenceFix(.all, "added --all for every object of the type")
    }

    /// Words that change an existing value.
    static let changeWords: Set<String> = [
        "change", "changing", "update", "updating", "overwrite", "overwriting", "replace", "replacing", "switch",
        "instead", "relabel", "existing", "already", "override", "bump", "modify", "flip", "reset", "retag", "rename",
        "chg", "chng", "changed", "updated", "replaced", "overwritten", "modified",
    ]

    /// `--overwrite` on `label`/`annotate` that sets a value when the request changes an existing one.
    static let overwrite: Check = { words, evidence in
        let parsed = words.parsed
        guard parsed.verb == "label" || parsed.verb == "annotate", !parsed.hasFlag("overwrite"),
              parsed.arguments.contains(where: { $0.contains("=") && !$0.hasSuffix("-") }),
              evidence.text.hasAny(changeWords) || evidence.text.has("from") && evidence.text.has("to") else { return nil }
        words.append(["--overwrite"])
        return EvidenceFix(.overwrite, "added --overwrite to change the existing value")
    }
}
