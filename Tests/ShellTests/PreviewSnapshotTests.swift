import Foundation
import Session
import Support
import Testing
import TestSupport
import Translate
@testable import Shell

/// What the shell prints for a dry-run preview and for `:explain`, compared with committed snapshots
/// (`Tests/ShellTests/Snapshots`).
@Suite("Snapshots: dry-run preview lines and explanations")
struct PreviewSnapshotTests {
    static let outcomes: [PreviewResult.Outcome] = [
        .objects(verb: "delete", ["pod/web-1"]),
        .objects(verb: "delete", ["pod/web-1", "pod/worker-5c8d-abcde"]),
        .objects(verb: "delete", (1...10).map { "pod/batch-\($0)" }),
        .objects(verb: "cordon", ["node/worker-3"]),
        .scale("deployment.apps/web", from: "2", to: "5"),
        .nothingMatches,
        .rejected("Error from server (NotFound): pods \"nope\" not found"),
        .unsupported("exec"),
        .timedOut(.milliseconds(200)),
        .cancelled,
    ]

    /// Each outcome as its count for the risk label, then its line plain and styled.
    static func previewText() -> String {
        outcomes.map { outcome in
            let result = PreviewResult(outcome, milliseconds: 12)
            return ["count: \(result.countText ?? "-")",
                    TranslationRequestHandler.dryRunLine(result, style: TerminalStyle(enabled: false)),
                    Snapshot.visible(TranslationRequestHandler.dryRunLine(result, style: TerminalStyle(enabled: true)))]
                .joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    @Test func dryRunPreviewLines() {
        Snapshot.expect(Self.previewText(), named: "dry-run-preview", in: .module)
    }

    @Test func explanations() throws {
        let context = SessionContext(namespace: "shop", kubeContext: "staging")
        var blocks: [String] = []
        for line in ["kubectl drain worker-3 --ignore-daemonsets --delete-emptydir-data",
                     "kubectl get pods -l app=web -o wide",
                     "kubectl scale deploy web --replicas=3 --bogus",
                     "kubectl logs web-1 | grep error"] {
            let explanation = try CommandExplainer.explain(line, context: context)
            blocks.append(ExplanationRenderer.render(explanation, style: TerminalStyle(enabled: false)).joined(separator: "\n"))
        }
        let styled = try CommandExplainer.explain("kubectl delete pod web-1", context: context)
        blocks.append(Snapshot.visible(ExplanationRenderer.render(styled, style: TerminalStyle(enabled: true)).joined(separator: "\n")))
        Snapshot.expect(blocks.joined(separator: "\n\n"), named: "explanations", in: .module)
    }

    @Test func aMismatchIsReportedAsALineDiff() {
        let snapshot = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
        #expect(Snapshot.mismatch(expected: snapshot, actual: "a\nb\nc\nd\ne\nf\ng\nh\ni\nj", name: "letters") == nil)
        let report = Snapshot.mismatch(expected: snapshot, actual: "a\nb\nC\nd\ne\nf\ng\nh\ni\nj\nk", name: "letters")
        #expect(report == """
            snapshot letters differs (- snapshot, + now; accept with K1_UPDATE_SNAPSHOTS=1):
            @@ line 1
              a
              b
            - c
            + C
              d
              e
            @@ line 9
              i
              j
            + k
            """)
        #expect(Snapshot.mismatch(expected: nil, actual: "x", name: "new")
                == "snapshot new is missing: run the test with K1_UPDATE_SNAPSHOTS=1 to write Snapshots/new.txt")
    }
}
