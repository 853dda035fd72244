import Foundation
import KubectlKit
import Session
import Testing
@testable import Translate

/// Requests that pick rows of the last listing: k1 decides the rows, not the model.
@Suite("Translator with listing picks")
struct TranslatorListingTests {
    static func context(_ listing: Listing) -> SessionContext {
        SessionContext(namespace: "shop", lastResource: "pods", listing: listing)
    }

    @Test func nothingMatchingAnswersWithoutAModelOrABackend() async throws {
        let fixture = try TranslatorTests.Fixture(outputs: ["kubectl delete pod web-0 payments-api-7d9f8-x2x9q -n shop"])
        defer { fixture.cleanUp() }
        let outcome = try await fixture.translator.answer("delete the failing ones", context: Self.context(Listings.healthy))
        #expect(outcome == .noTarget(NoTarget(.nothingMatches, "nothing in the last listing (pods in shop) is failing")))
        #expect(fixture.backend.calls == 0)
        #expect(fixture.provided.value == 0, "no backend is even started")
        await #expect(throws: TranslateError.noTarget(NoTarget(.nothingMatches,
                                                              "nothing in the last listing (pods in shop) is failing"))) {
            _ = try await fixture.translator.translate("delete the failing ones", context: Self.context(Listings.healthy))
        }
    }

    @Test func theIssueScenarioNeverProposesHealthyPods() async throws {
        // The same (wrong) answer twice: once for the listing with failing pods, once after they are gone.
        let fixture = try TranslatorTests.Fixture(outputs: ["kubectl delete pod web-0 payments-api-7d9f8-x2x9q -n shop"])
        defer { fixture.cleanUp() }
        let first = try await fixture.translator.answer("delete the failing ones", context: Self.context(Listings.mixed))
        guard case .command(let translation) = first else { Issue.record("expected a command"); return }
        #expect(translation.command == "kubectl delete pod web-1 worker-5c8d-abcde -n shop")
        #expect(translation.note?.contains("targets set to the failing pods") == true)
        #expect(translation.risk.risk == .deletes)

        let again = try await fixture.translator.answer("delete the failing ones", context: Self.context(Listings.mixed))
        guard case .command(let hit) = again else { Issue.record("expected a command"); return }
        #expect(hit.cached)
        #expect(hit.command == "kubectl delete pod web-1 worker-5c8d-abcde -n shop", "resolved on a cache hit too")

        let after = try await fixture.translator.answer("delete the failing ones", context: Self.context(Listings.healthy))
        #expect(after == .noTarget(NoTarget(.nothingMatches, "nothing in the last listing (pods in shop) is failing")))
        #expect(fixture.backend.calls == 1)
    }

    @Test func theCacheKeyHoldsEveryPickedRow() {
        let translator = Translator(backendProvider: { throw CancellationError() }, modelName: "m", cache: nil)
        // Two listings whose first 14 failing rows are the same and whose 15th differs: the prompt shows 12 rows.
        func listing(failing: String) -> Listing {
            var rows = (0..<14).map { "pod-\($0)   0/1   Error   1   5m" }
            rows.append("\(failing)   0/1   Error   3   5m")
            return Listings.read("kubectl get pods", (["NAME   READY   STATUS   RESTARTS   AGE"] + rows).joined(separator: "\n"))
        }
        let a = translator.cacheKey(for: "delete the failing ones", context: Self.context(listing(failing: "api-1")))
        let b = translator.cacheKey(for: "delete the failing ones", context: Self.context(listing(failing: "api-2")))
        #expect(a != b)
    }

    @Test func severalNamespacesAreRefused() async throws {
        let fixture = try TranslatorTests.Fixture(outputs: ["kubectl delete pod web-1 coredns-6f6b679f8f-qwert"])
        defer { fixture.cleanUp() }
        let outcome = try await fixture.translator.answer("delete the failing ones",
                                                          context: SessionContext(listing: Listings.allNamespaces))
        guard case .noTarget(let reason) = outcome else { Issue.record("expected no command"); return }
        #expect(reason.reason == .severalNamespaces)
        #expect(fixture.backend.calls == 0)
    }
}
