import Testing

/// The fixture itself, checked with the real kubectl: if these fail, every k1 end-to-end test would be meaningless.
@Suite("Fake Kubernetes API with the real kubectl", .serialized,
       .enabled(if: Prerequisites.kubectl, "needs kubectl and python3 on PATH"), .timeLimit(.minutes(1)))
struct FakeKubeAPITests {
    @Test("get pods -n shop prints the real pod table")
    func podsTable() throws {
        let fixture = try KubeFixture()
        let result = try fixture.kubectl(["get", "pods", "-n", "shop"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#/(?m)^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/#))
        #expect(result.stdout.contains(#/(?m)^web-1\s+0/1\s+CrashLoopBackOff\s+7\s+5m$/#))
        #expect(result.stdout.contains(#/(?m)^worker-5c8d-abcde\s+0/1\s+Pending/#))
        #expect(!result.stdout.contains("coredns"))
        #expect(fixture.requested("/api/v1/namespaces/shop/pods"))
    }

    @Test("get pods -A lists every namespace with a NAMESPACE column")
    func allNamespaces() throws {
        let fixture = try KubeFixture()
        let result = try fixture.kubectl(["get", "pods", "-A"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#/(?m)^NAMESPACE\s+NAME\s+READY\s+STATUS/#))
        #expect(result.stdout.contains(#/(?m)^shop\s+web-1\s+0/1\s+CrashLoopBackOff/#))
        #expect(result.stdout.contains(#/(?m)^kube-system\s+coredns-/#))
        #expect(fixture.requested("/api/v1/pods"))
    }

    @Test("deployments (apps/v1) and nodes print their tables")
    func deploymentsAndNodes() throws {
        let fixture = try KubeFixture()
        let deployments = try fixture.kubectl(["get", "deploy", "-n", "shop"])
        #expect(deployments.status == 0, "\(deployments.stderr)")
        #expect(deployments.stdout.contains(#/(?m)^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/#))
        #expect(deployments.stdout.contains(#/(?m)^web\s+2/3\s+3\s+2/#))
        #expect(deployments.stdout.contains(#/(?m)^payments-api\s+1/1/#))
        let nodes = try fixture.kubectl(["get", "nodes"])
        #expect(nodes.status == 0, "\(nodes.stderr)")
        #expect(nodes.stdout.contains(#/(?m)^node-1\s+Ready\s/#))
        #expect(nodes.stdout.contains(#/(?m)^node-2\s+NotReady\s/#))
    }

    @Test("-o name reads plain JSON objects")
    func outputName() throws {
        let fixture = try KubeFixture()
        let result = try fixture.kubectl(["get", "pods", "-n", "shop", "-o", "name"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n") ==
            ["pod/web-0", "pod/web-1", "pod/payments-api-7d9f8-x2x9q", "pod/worker-5c8d-abcde"])
    }

    @Test("-o wide shows the priority-1 columns that the default table hides")
    func wideColumns() throws {
        let fixture = try KubeFixture()
        let wide = try fixture.kubectl(["get", "pods", "-n", "shop", "-o", "wide"])
        #expect(wide.stdout.contains(#/(?m)^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE$/#))
        #expect(wide.stdout.contains(#/(?m)^web-1\s.*10\.1\.0\.6\s+node-2$/#))
        let plain = try fixture.kubectl(["get", "pods", "-n", "shop"])
        #expect(!plain.stdout.contains("10.1.0.6"))
    }

    @Test("a label selector filters the list")
    func labelSelector() throws {
        let fixture = try KubeFixture()
        let result = try fixture.kubectl(["get", "pods", "-n", "shop", "-l", "app=web", "-o", "name"])
        #expect(result.stdout.split(separator: "\n") == ["pod/web-0", "pod/web-1"])
    }

    @Test("a missing object is a NotFound Status, and kubectl exits 1")
    func notFound() throws {
        let fixture = try KubeFixture()
        let result = try fixture.kubectl(["get", "pod", "nosuch", "-n", "shop"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(#"Error from server (NotFound): pods "nosuch" not found"#))
    }

    @Test("delete removes the pod, and logs prints the pod's log")
    func deleteAndLogs() throws {
        let fixture = try KubeFixture()
        let logs = try fixture.kubectl(["logs", "web-1", "-n", "shop"])
        #expect(logs.status == 0, "\(logs.stderr)")
        #expect(logs.stdout.contains("unknown directive"))
        let deleted = try fixture.kubectl(["delete", "pod", "web-0", "-n", "shop"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(deleted.stdout.contains(#"pod "web-0" deleted"#))
        let after = try fixture.kubectl(["get", "pods", "-n", "shop", "-o", "name"])
        #expect(!after.stdout.contains("web-0"))
        #expect(after.stdout.contains("pod/web-1"))
    }

    @Test("server dry runs of DELETE, PATCH and POST answer like a real write and change nothing")
    func dryRunsChangeNothing() throws {
        let fixture = try KubeFixture()
        let delete = try fixture.kubectl(["delete", "pod", "web-1", "worker-5c8d-abcde", "-n", "shop",
                                          "--dry-run=server", "-o", "name"])
        #expect(delete.status == 0, "\(delete.stderr)")
        #expect(delete.stdout == "pod/web-1\npod/worker-5c8d-abcde\n")
        let scale = try fixture.kubectl(["scale", "deployment", "web", "--replicas=5", "-n", "shop", "--dry-run=server",
                                         "-o", "name"])
        #expect(scale.status == 0, "\(scale.stderr)")
        #expect(scale.stdout == "deployment.apps/web\n")
        let cordon = try fixture.kubectl(["cordon", "node-2", "--dry-run=server"])
        #expect(cordon.stdout.contains("node/node-2 cordoned (server dry run)"), "\(cordon.stderr)")
        let create = try fixture.kubectl(["create", "configmap", "extra", "--from-literal=a=b", "-n", "shop",
                                          "--dry-run=server", "-o", "name"])
        #expect(create.stdout == "configmap/extra\n", "\(create.stderr)")

        let requests = fixture.requests()
        #expect(requests.contains("DELETE /api/v1/namespaces/shop/pods/web-1 dryRun=All"), "\(requests)")
        #expect(requests.contains { $0.hasPrefix("PATCH /apis/apps/v1/namespaces/shop/deployments/web/scale?dryRun=All") })
        #expect(requests.contains { $0.hasPrefix("PATCH /api/v1/nodes/node-2?dryRun=All") })
        #expect(requests.contains { $0.hasPrefix("POST /api/v1/namespaces/shop/configmaps?dryRun=All") })

        // Nothing changed.
        let pods = try fixture.kubectl(["get", "pods", "-n", "shop", "-o", "name"])
        #expect(pods.stdout.contains("pod/web-1") && pods.stdout.contains("pod/worker-5c8d-abcde"))
        let replicas = try fixture.kubectl(["get", "deployment", "web", "-n", "shop", "-o", "jsonpath={.spec.replicas}"])
        #expect(replicas.stdout == "3")
        let nodes = try fixture.kubectl(["get", "nodes"])
        #expect(!nodes.stdout.contains("SchedulingDisabled"))
        let configmaps = try fixture.kubectl(["get", "configmaps", "-n", "shop", "-o", "name"])
        #expect(!configmaps.stdout.contains("extra"))
    }

    @Test("real writes change the state: scale, cordon, create, delete")
    func writesChangeState() throws {
        let fixture = try KubeFixture()
        #expect(try fixture.kubectl(["scale", "deployment", "web", "--replicas=5", "-n", "shop"]).status == 0)
        #expect(try fixture.kubectl(["get", "deployment", "web", "-n", "shop", "-o", "jsonpath={.spec.replicas}"]).stdout == "5")
        #expect(try fixture.kubectl(["cordon", "node-2"]).status == 0)
        #expect(try fixture.kubectl(["get", "nodes"]).stdout.contains("SchedulingDisabled"))
        #expect(try fixture.kubectl(["create", "configmap", "extra", "-n", "shop"]).status == 0)
        let again = try fixture.kubectl(["create", "configmap", "extra", "-n", "shop"])
        #expect(again.status != 0 && again.stderr.contains("already exists"))
        #expect(try fixture.kubectl(["delete", "pod", "web-1", "-n", "shop"]).status == 0)
        #expect(!(try fixture.kubectl(["get", "pods", "-n", "shop", "-o", "name"]).stdout.contains("pod/web-1")))
    }

    @Test("a field selector the server does not support is a 400, as on a real cluster")
    func unsupportedFieldSelector() throws {
        let fixture = try KubeFixture()
        let result = try fixture.kubectl(["get", "nodes", "--field-selector", "status.phase!=Ready"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("BadRequest") && result.stderr.contains("\"status.phase\" is not a known field selector"))
        let pods = try fixture.kubectl(["get", "pods", "-n", "shop", "--field-selector", "status.phase=Pending", "-o", "name"])
        #expect(pods.stdout == "pod/worker-5c8d-abcde\n", "\(pods.stderr)")
    }
}
