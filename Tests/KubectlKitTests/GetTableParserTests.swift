import Testing
@testable import KubectlKit

@Suite("GetTableParser")
struct GetTableParserTests {
    private let podType = ResourceCatalog.lookup("pods")
    private func rows(_ text: String, _ type: String?) -> [ListingRow] {
        GetTableParser.parse(text, defaultResource: type.flatMap(ResourceCatalog.lookup)).rows
    }

    @Test func podsTable() throws {
        let listing = GetTableParser.parse(GetTableFixtures.pods, defaultResource: podType)
        let table = try #require(listing.tables.first)
        #expect(listing.tables.count == 1)
        #expect(table.columns == ["NAME", "READY", "STATUS", "RESTARTS", "AGE"])
        #expect(table.resource?.plural == "pods")
        #expect(table.rows.map(\.name) == [
            "web-0", "web-1", "api-7d9f8b6c5d-x2k9p", "migrate-28391-abcde", "worker-5b7f9c8d4-qq7zt", "cache-0",
            "old-0", "init-0",
        ])
        let web1 = table.rows[1]
        #expect(web1.namespace == nil)
        #expect(web1.status == "Running")
        #expect(web1.ready == "1/2")
        #expect(web1.readyCount?.ready == 1 && web1.readyCount?.total == 2)
        #expect(web1.cells["RESTARTS"] == "2 (5m12s ago)")
        #expect(web1.restarts == 2)
        #expect(table.rows[2].restarts == 12)
        #expect(table.rows[2].cells["AGE"] == "41m")
        #expect(web1.objectRef.description == "pod/web-1")
    }

    @Test func podHealth() {
        let health = rows(GetTableFixtures.pods, "pods").map { "\($0.name)=\($0.isHealthy.map(String.init) ?? "nil")" }
        #expect(health == [
            "web-0=true", "web-1=false", "api-7d9f8b6c5d-x2k9p=false", "migrate-28391-abcde=true",
            "worker-5b7f9c8d4-qq7zt=false", "cache-0=false", "old-0=false", "init-0=false",
        ])
        let failing = GetTableParser.parse(GetTableFixtures.pods, defaultResource: podType).unhealthyRows.map(\.name)
        #expect(failing == ["web-1", "api-7d9f8b6c5d-x2k9p", "worker-5b7f9c8d4-qq7zt", "cache-0", "old-0", "init-0"])
    }

    @Test func podsWideWithSpacedHeaders() throws {
        let table = try #require(GetTableParser.parse(GetTableFixtures.podsWide, defaultResource: podType).tables.first)
        #expect(table.columns == [
            "NAME", "READY", "STATUS", "RESTARTS", "AGE", "IP", "NODE", "NOMINATED NODE", "READINESS GATES",
        ])
        #expect(table.rows[0].cells["NOMINATED NODE"] == "<none>")
        #expect(table.rows[0].value("NOMINATED NODE") == nil)
        #expect(table.rows[0].cells["NODE"] == "kind-worker")
        #expect(table.rows[0].cells["IP"] == "10.244.1.12")
        #expect(table.rows[1].status == "ContainerCreating")
        #expect(table.rows[1].value("IP") == nil)
        #expect(table.rows[1].isHealthy == false)
    }

    @Test func allNamespaces() {
        let listed = rows(GetTableFixtures.podsAllNamespaces, "pods")
        #expect(listed.map(\.namespace) == ["kube-system", "kube-system", "local-path-storage", "shop"])
        #expect(listed.map(\.name).last == "web-0")
        #expect(listed[2].name == "local-path-provisioner-58cc7856b6-wp5lm")
        #expect(listed.last?.isHealthy == false)
        #expect(listed.last?.restarts == 3)
    }

    @Test func deployments() {
        let listed = rows(GetTableFixtures.deployments, "deploy")
        #expect(listed.map(\.name) == ["web", "api", "paused"])
        #expect(listed.map(\.isHealthy) == [true, false, true])
        #expect(listed[1].cells["UP-TO-DATE"] == "3")
        #expect(listed[1].cells["AVAILABLE"] == "1")
    }

    @Test func servicesWithPendingAddresses() {
        let listed = rows(GetTableFixtures.services, "svc")
        #expect(listed.map(\.name) == ["kubernetes", "web", "db"])
        #expect(listed[1].cells["EXTERNAL-IP"] == "<pending>")
        #expect(listed[1].cells["PORT(S)"] == "80:31380/TCP,443:31390/TCP")
        #expect(listed[2].cells["CLUSTER-IP"] == "None")
        #expect(listed[1].isHealthy == nil)
    }

    @Test func nodes() {
        let listed = rows(GetTableFixtures.nodes, "nodes")
        #expect(listed.map(\.isHealthy) == [true, true, false], "cordoned is not broken; NotReady is")
        #expect(listed[1].status == "Ready,SchedulingDisabled")
        #expect(listed[1].value("ROLES") == nil)
        let wide = rows(GetTableFixtures.nodesWide, "nodes")
        #expect(wide[0].cells["OS-IMAGE"] == "Debian GNU/Linux 12 (bookworm)")
        #expect(wide[0].cells["CONTAINER-RUNTIME"] == "containerd://2.0.2")
        #expect(wide[0].cells["KERNEL-VERSION"] == "6.8.0-48-generic")
    }

    @Test func multiTypeOutput() {
        let listing = GetTableParser.parse(GetTableFixtures.multiType, defaultResource: nil)
        #expect(listing.tables.map { $0.resource?.plural } == ["pods", "services", "deployments", "replicasets"])
        #expect(listing.tables.map(\.resourceWord) == ["pod", "service", "deployment.apps", "replicaset.apps"])
        #expect(listing.tables[1].rows.map(\.name) == ["web", "web-headless"])
        #expect(listing.tables[1].rows[1].cells["NAME"] == "service/web-headless")
        #expect(listing.tables[0].rows.map(\.isHealthy) == [true, false])
        #expect(listing.tables[3].rows[0].isHealthy == false)
        #expect(listing.tables[2].rows[0].isHealthy == true)
        #expect(listing.unhealthyRows.map(\.objectRef.description) == ["pod/web-1", "replicaset/web-6d4cf56db6"])
    }

    @Test func events() throws {
        let table = try #require(GetTableParser.parse(GetTableFixtures.events, defaultResource: ResourceCatalog.lookup("events")).tables.first)
        #expect(table.columns == ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
        #expect(table.rows.count == 5)
        #expect(table.rows[0].cells["LAST SEEN"] == "2m10s")
        #expect(table.rows[0].name == "pod/web-1")
        #expect(table.rows[1].cells["MESSAGE"] == "Back-off restarting failed container api in pod api-7d9f8b6c5d-x2k9p_shop(0b0c…)")
        #expect(table.rows[2].cells["MESSAGE"]?.hasSuffix("No preemption victims found for incoming pod.") == true)
        #expect(table.rows[3].cells["REASON"] == "ScalingReplicaSet")
        #expect(table.rows[4].cells["OBJECT"] == "pod/café-0")
        #expect(table.rows[4].cells["MESSAGE"] == "Container image \"nginx:1.27\" already present on machine")
        #expect(table.rows.map(\.isHealthy) == [true, false, false, true, true])
    }

    @Test func noResources() {
        #expect(GetTableParser.parse(GetTableFixtures.noResourcesInNamespace, defaultResource: podType).tables.isEmpty)
        #expect(GetTableParser.parse(GetTableFixtures.noResources, defaultResource: podType).isEmpty)
        #expect(GetTableParser.parse("", defaultResource: nil).isEmpty)
    }

    @Test func warningsAndLogLinesAreIgnored() {
        let statuses = rows(GetTableFixtures.warningsAroundTable, "cs")
        #expect(statuses.map(\.name) == ["controller-manager", "scheduler", "etcd-0"])
        #expect(statuses[0].cells["ERROR"] == "")
        #expect(statuses[0].cells["MESSAGE"] == "ok")
        let afterErrors = rows(GetTableFixtures.clientErrorsThenTable, "pods")
        #expect(afterErrors.map(\.name) == ["web-0"])
    }

    @Test func jobsAndClaims() {
        let listing = GetTableParser.parse(GetTableFixtures.jobsAndClaims, defaultResource: ResourceCatalog.lookup("jobs"))
        #expect(listing.tables.count == 2)
        #expect(listing.tables[0].resource?.plural == "jobs")
        // A job still running is not failing.
        #expect(listing.tables[0].rows.map(\.isHealthy) == [true, false, true])
        let claims = listing.tables[1]
        #expect(claims.resource?.plural == "persistentvolumeclaims")
        #expect(claims.rows.map(\.name) == ["data-db-0", "data-db-1"])
        #expect(claims.rows[1].cells["VOLUME"] == "")
        #expect(claims.rows[1].cells["ACCESS MODES"] == "")
        #expect(claims.rows[1].cells["STORAGECLASS"] == "standard")
        #expect(claims.rows[0].cells["ACCESS MODES"] == "RWO")
        #expect(claims.rows.map(\.isHealthy) == [true, false])
    }

    @Test func statefulSetsAndDaemonSets() {
        #expect(rows(GetTableFixtures.statefulSets, "sts").map(\.isHealthy) == [false, true])
        let daemons = rows(GetTableFixtures.daemonSets, "ds")
        #expect(daemons.map(\.isHealthy) == [true, false])
        #expect(daemons[0].cells["NODE SELECTOR"] == "kubernetes.io/os=linux")
    }

    @Test func topAndLabelColumns() throws {
        let top = try #require(GetTableParser.parse(GetTableFixtures.top, defaultResource: podType).tables.first)
        #expect(top.columns == ["NAME", "CPU(cores)", "MEMORY(bytes)"])
        #expect(top.rows[1].cells["MEMORY(bytes)"] == "301Mi")
        #expect(top.rows[1].isHealthy == nil)
        let labelled = rows(GetTableFixtures.podsWithLabelColumn, "pods")
        #expect(labelled[0].cells["APP"] == "web")
        #expect(labelled[1].cells["APP"] == "")
    }

    @Test func unknownTypeInfersPodsFromColumns() {
        let listed = rows(GetTableFixtures.pods, nil)
        #expect(listed[0].resource == nil)
        #expect(listed[0].isHealthy == true)
        #expect(listed[2].isHealthy == false)
        #expect(rows(GetTableFixtures.services, nil)[0].isHealthy == nil)
    }

    @Test func windowsLineEndings() {
        let text = GetTableFixtures.deployments.split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\r\n")
        let listed = rows(text, "deployments")
        #expect(listed.map(\.name) == ["web", "api", "paused"])
        #expect(listed[0].cells["AGE"] == "12d")
    }

    @Test func overflowingCellsFallBackToSpacing() {
        let text = """
        NAME   READY   STATUS    RESTARTS   AGE
        a-very-long-name 1/1   Running   0   5m
        """
        let listed = rows(text, "pods")
        #expect(listed.first?.name == "a-very-long-name")
        #expect(listed.first?.status == "Running")
        #expect(listed.first?.cells["AGE"] == "5m")
    }
}
