import Foundation
import KubectlKit
import Session
import Testing
@testable import Translate
@testable import Bench

/// Listings as the shell's context tracker reads them from kubectl's own output.
enum Listings {
    static func read(_ command: String, _ output: String, namespace: String? = "shop") -> Listing {
        let context = BenchmarkContext(namespace: namespace, listing: BenchmarkListing(command: command, output: output))
        return context.sessionContext().listing!
    }

    /// web-1 crash-looping, worker pending, two healthy pods.
    static let mixed = read("kubectl get pods", """
    NAME                       READY   STATUS             RESTARTS      AGE
    web-0                      1/1     Running            0             5m
    web-1                      0/1     CrashLoopBackOff   7 (2m ago)    5m
    payments-api-7d9f8-x2x9q   1/1     Running            2 (1h ago)    5m
    worker-5c8d-abcde          0/1     Pending            0             5m
    """)

    /// Only healthy pods (after the failing ones were deleted).
    static let healthy = read("kubectl get pods", """
    NAME                       READY   STATUS    RESTARTS   AGE
    web-0                      1/1     Running   0          5m
    payments-api-7d9f8-x2x9q   1/1     Running   0          5m
    """)

    /// An all-namespaces listing with failing pods in two namespaces.
    static let allNamespaces = read("kubectl get pods -A", """
    NAMESPACE     NAME                       READY   STATUS             RESTARTS   AGE
    kube-system   coredns-6f6b679f8f-qwert   0/1     CrashLoopBackOff   4          5m
    shop          web-0                      1/1     Running            0          5m
    shop          web-1                      0/1     CrashLoopBackOff   7          5m
    """, namespace: nil)
}

@Suite("ListingSelector")
struct ListingSelectorTests {
    func names(_ request: String, _ listing: Listing = Listings.mixed) -> [String]? {
        ListingSelector.pick(request, listing: listing)?.rows.map(\.name)
    }

    @Test func stateWordsPickRowsByStatusReadyAndRestarts() {
        #expect(names("delete the failing ones") == ["web-1", "worker-5c8d-abcde"])
        #expect(names("restart the crashing pods") == ["web-1"])
        #expect(names("describe the pending ones") == ["worker-5c8d-abcde"])
        #expect(names("delete the ones that aren't ready") == ["web-1", "worker-5c8d-abcde"])
        #expect(names("describe the ones with restarts") == ["web-1", "payments-api-7d9f8-x2x9q"])
        #expect(names("delete all of them") == ["web-0", "web-1", "payments-api-7d9f8-x2x9q", "worker-5c8d-abcde"])
        #expect(names("describe the first two") == ["web-0", "web-1"])
        #expect(names("delete the web ones") == ["web-0", "web-1"])
        #expect(names("delete the failing web ones") == ["web-1"])
    }

    @Test func nothingMatchingIsAnEmptyPickWithItsLine() throws {
        let pick = try #require(ListingSelector.pick("delete the failing ones", listing: Listings.healthy))
        #expect(pick.rows.isEmpty)
        #expect(pick.refusal == NoTarget(.nothingMatches, "nothing in the last listing (pods in shop) is failing"))
        let pending = try #require(ListingSelector.pick("delete the pending pods", listing: Listings.healthy))
        #expect(pending.refusal?.message == "nothing in the last listing (pods in shop) is pending")
    }

    @Test func rowsInSeveralNamespacesAreRefusedAndOneNamespaceIsNot() throws {
        let pick = try #require(ListingSelector.pick("delete the failing ones", listing: Listings.allNamespaces))
        #expect(pick.refusal?.reason == .severalNamespaces)
        #expect(pick.refusal?.message.contains("(kube-system, shop)") == true)
        let web = try #require(ListingSelector.pick("delete the failing web ones", listing: Listings.allNamespaces))
        #expect(web.refusal == nil)
        #expect(web.namespaces == ["shop"])
    }

    @Test func freshQueriesOtherTypesAndOtherNamespacesPickNothing() {
        #expect(names("show the failing pods") == nil)
        #expect(names("which pods are not ready") == nil)
        #expect(names("restart the failing deployments") == nil)
        #expect(names("delete the failing pods in namespace kube-system") == nil)
        #expect(names("delete the failing pods in kube-system") == nil)
        #expect(names("delete the failing pods in shop") == ["web-1", "worker-5c8d-abcde"])
        #expect(names("scale web to 3") == nil)
        #expect(names("delete the failing ones from the last listing") == ["web-1", "worker-5c8d-abcde"])
        #expect(names("show logs of the failing ones") == ["web-1", "worker-5c8d-abcde"])
    }
}

@Suite("ListingSelector: states, ordinals, superlatives and exact counts")
struct ListingSelectorStateTests {
    static let pods = Listings.read("kubectl get pods", """
    NAME                         READY   STATUS      RESTARTS     AGE
    etl-runner-7d9c6b5f4-4rjzx   0/1     Evicted     0            3h
    etl-runner-7d9c6b5f4-9mkwd   1/1     Running     4 (1h ago)   2h
    etl-runner-7d9c6b5f4-hb6tn   0/1     Evicted     0            3h
    minio-0                      1/1     Running     0            51d
    spark-driver-a81c3f          0/1     OOMKilled   2 (4m ago)   25m
    builder-5f7c8-2mzpq          0/1     Error       0            3h
    report-28904280-x2k4q        0/1     Completed   0            2h
    """)

    static let deployments = Listings.read("kubectl get deployments", """
    NAME            READY   UP-TO-DATE   AVAILABLE   AGE
    admin-ui        1/1     1            1           30d
    cart            0/0     0            0           30d
    checkout-api    1/3     3            1           30d
    feature-flags   0/0     0            0           12d
    """)

    static let jobs = Listings.read("kubectl get jobs", """
    NAME                       STATUS     COMPLETIONS   DURATION   AGE
    backup-orders-28903560     Complete   1/1           6m3s       14h
    backup-orders-28904280     Failed     0/1           2h         2h
    migrate-schema-v42         Running    0/1           18m        18m
    """)

    static let oldJobs = Listings.read("kubectl get jobs", """
    NAME                    COMPLETIONS   DURATION   AGE
    etl-nightly-28901234    1/1           4m12s      2d
    etl-nightly-28904114    0/1           2h         2h
    """)

    static let nodes = Listings.read("kubectl get nodes", """
    NAME            STATUS                     ROLES           AGE    VERSION
    ip-10-2-11-6    Ready,SchedulingDisabled   <none>          45d    v1.28.9
    ip-10-2-12-88   NotReady                   <none>          45d    v1.28.9
    ip-10-2-9-201   Ready                      <none>          97d    v1.28.9
    """, namespace: nil)

    func names(_ request: String, _ listing: Listing) -> [String]? {
        ListingSelector.pick(request, listing: listing)?.rows.map(\.name)
    }

    @Test func statesOfTheirOwn() {
        #expect(names("delete the evicted ones", Self.pods) == ["etl-runner-7d9c6b5f4-4rjzx", "etl-runner-7d9c6b5f4-hb6tn"])
        #expect(names("Delete the pods that are in the Error state.", Self.pods) == ["builder-5f7c8-2mzpq"])
        #expect(names("describe the oomkilled one", Self.pods) == ["spark-driver-a81c3f"])
        #expect(names("delete the completed and evicted ones", Self.pods)
            == ["etl-runner-7d9c6b5f4-4rjzx", "etl-runner-7d9c6b5f4-hb6tn", "report-28904280-x2k4q"])
        #expect(names("uncordon the cordoned ones", Self.nodes) == ["ip-10-2-11-6"])
    }

    @Test func jobsThatCompletedOrFailed() {
        #expect(names("Delete the jobs that have completed.", Self.jobs) == ["backup-orders-28903560"])
        #expect(names("delete the completed jobs", Self.oldJobs) == ["etl-nightly-28901234"])
        // A running job is not a failed one.
        #expect(names("delete the failed job", Self.jobs) == ["backup-orders-28904280"])
    }

    @Test func deploymentsNotFullyReadyAndExactCounts() {
        #expect(names("Restart the deployments that are not fully ready.", Self.deployments) == ["checkout-api"])
        #expect(names("scale the 0/0 ones up to 1", Self.deployments) == ["cart", "feature-flags"])
    }

    @Test func ordinalsAndSuperlatives() {
        #expect(names("the 2nd one's logs", Self.pods) == ["etl-runner-7d9c6b5f4-9mkwd"])
        #expect(names("Open a shell in the third pod of the listing.", Self.pods) == ["etl-runner-7d9c6b5f4-hb6tn"])
        #expect(names("logs of the one w/ most restarts", Self.pods) == ["etl-runner-7d9c6b5f4-9mkwd"])
        #expect(names("Show the logs of the pod that has restarted the most.", Self.pods) == ["etl-runner-7d9c6b5f4-9mkwd"])
        #expect(names("describe the oldest one", Self.pods) == ["minio-0"])
        #expect(names("describe the newest one", Self.pods) == ["spark-driver-a81c3f"])
        // A fresh question picks nothing.
        #expect(names("show the evicted pods", Self.pods) == nil)
    }
}

@Suite("ListingSelector: a namespace of an -A listing, an age bound")
struct ListingSelectorPlaceTests {
    static let statefulSets = Listings.read("kubectl get sts -A", """
    NAMESPACE    NAME             READY   AGE
    monitoring   prometheus-k8s   1/2     12d
    monitoring   alertmanager     2/2     12d
    orchard      orchard-db       2/3     40d
    """, namespace: nil)

    static let aged = Listings.read("kubectl get pods", """
    NAME                            READY   STATUS    RESTARTS   AGE
    tern-sweeper-5b9c8d7f6-lq2wz    1/1     Running   0          9d
    tern-sweeper-5b9c8d7f6-tc6hp    1/1     Running   0          15d
    tern-ingest-7c9f8b6d5-abcde     1/1     Running   0          3d
    tern-router-6d5c4b8f7-n4kzs     1/1     Running   0          45m
    """)

    @Test func theNamespaceTheRequestNamesPicksItsRows() throws {
        let pick = try #require(ListingSelector.pick("restart the sts in monitoring thats not fully ready", listing: Self.statefulSets))
        #expect(pick.rows.map(\.name) == ["prometheus-k8s"])
        let spread = try #require(ListingSelector.pick("restart the sts that are not fully ready", listing: Self.statefulSets))
        #expect(spread.rows.map(\.name) == ["prometheus-k8s", "orchard-db"])
    }

    @Test func olderAndNewerThan() throws {
        #expect(try #require(ListingSelector.pick("Delete the pods in that list that are older than a week.", listing: Self.aged)).rows.map(\.name)
            == ["tern-sweeper-5b9c8d7f6-lq2wz", "tern-sweeper-5b9c8d7f6-tc6hp"])
        #expect(try #require(ListingSelector.pick("delete the ones newer than 1h", listing: Self.aged)).rows.map(\.name)
            == ["tern-router-6d5c4b8f7-n4kzs"])
        #expect(try #require(ListingSelector.pick("describe the ones older than 10 days", listing: Self.aged)).rows.map(\.name)
            == ["tern-sweeper-5b9c8d7f6-tc6hp"])
    }
}

@Suite("ListingSelector: the error ones, the ones scaled to zero")
struct ListingSelectorErrorAndZeroTests {
    static let spread = Listings.read("kubectl get pods -A", """
    NAMESPACE   NAME                               READY   STATUS    RESTARTS   AGE
    ci          build-bot-runner-5d8c9b7f6-tq7wd   1/1     Running   0          3d
    ci          migrate-db-job-kx9fm               0/1     Error     0          25m
    payments    ledger-api-7c9d4b8f6-kq2mz         1/1     Running   0          3d
    """, namespace: nil)

    static let deployments = Listings.read("kubectl get deploy", """
    NAME              READY   UP-TO-DATE   AVAILABLE   AGE
    edge-proxy        4/4     4            4           90d
    cert-syncer       0/0     0            0           90d
    log-shipper-ctl   2/2     2            2           30d
    dns-warmer        0/0     0            0           15d
    """)

    @Test func theErrorOne() throws {
        let pick = try #require(ListingSelector.pick("logs of the Error one", listing: Self.spread))
        #expect(pick.rows.map(\.name) == ["migrate-db-job-kx9fm"])
        #expect(pick.namespaces == ["ci"])
    }

    @Test func theOnesScaledToZero() throws {
        #expect(try #require(ListingSelector.pick("scale the ones at 0 back up to 2", listing: Self.deployments)).rows.map(\.name)
            == ["cert-syncer", "dns-warmer"])
        #expect(try #require(ListingSelector.pick("delete the ones scaled to zero", listing: Self.deployments)).rows.map(\.name)
            == ["cert-syncer", "dns-warmer"])
        // A deployment that wants replicas but has none ready is not scaled to zero: nothing is picked.
        let waiting = Listings.read("kubectl get deploy", """
        NAME     READY   UP-TO-DATE   AVAILABLE   AGE
        ledger   0/3     3            0           2d
        """)
        #expect(try #require(ListingSelector.pick("restart the ones at 0", listing: waiting)).rows.isEmpty)
    }
}

@Suite("ListingSelector: a column's count, a state in a word's place, one object")
struct ListingSelectorCountTests {
    static let deployments = Listings.read("kubectl get deploy", """
    NAME          READY   UP-TO-DATE   AVAILABLE   AGE
    tally-api     2/2     2            2           40d
    ledger-sync   0/2     2            0           3d
    fx-poller     1/3     3            1           8d
    quote-cache   0/1     1            0           2h
    """)

    static let pods = Listings.read("kubectl get pods", """
    NAME                      READY   STATUS             RESTARTS      AGE
    relay-5c9d8-kq2wx         1/1     Running            0             3d
    relay-5c9d8-p7m4n         0/1     ImagePullBackOff   0             20m
    intake-0                  0/1     Error              2 (1m ago)    14m
    intake-1                  0/1     CrashLoopBackOff   9 (30s ago)   2d
    """)

    @Test func theOnesWithACountInAColumn() throws {
        #expect(try #require(ListingSelector.pick("restart the ones with 0 available", listing: Self.deployments)).rows.map(\.name)
            == ["ledger-sync", "quote-cache"])
        #expect(try #require(ListingSelector.pick("scale the ones with zero ready to 1", listing: Self.deployments)).rows.map(\.name)
            == ["ledger-sync", "quote-cache"])
        #expect(try #require(ListingSelector.pick("delete the ones with 2 restarts", listing: Self.pods)).rows.map(\.name)
            == ["intake-0"])
        // A number that counts no column is no pick by count.
        #expect(ListingSelector.columnCount(["scale", "them", "to", "3", "replicas"], listing: Self.deployments) == nil)
    }

    @Test func aStateAfterInIsNoNamespace() throws {
        #expect(try #require(ListingSelector.pick("nuke the ones in imagepullbackoff", listing: Self.pods)).rows.map(\.name)
            == ["relay-5c9d8-p7m4n"])
        #expect(try #require(ListingSelector.pick("logs of the erorred one", listing: Self.pods)).rows.map(\.name) == ["intake-0"])
        #expect(ListingSelector.stateSpelling("pendng") == "pending")
        #expect(ListingSelector.stateSpelling("running") == "running")
    }

    @Test func itIsOneObjectNotRowsByState() {
        #expect(ListingSelector.pick("undo that rollout, its broken", listing: Self.deployments) == nil)
        #expect(ListingSelector.pick("restart it, it's failing", listing: Self.deployments) == nil)
        #expect(ListingSelector.pick("restart them, they're broken", listing: Self.deployments) != nil)
    }
}
