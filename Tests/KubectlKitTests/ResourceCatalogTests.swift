import Testing
@testable import KubectlKit

@Suite("ResourceCatalog")
struct ResourceCatalogTests {
    @Test("resolves names, short names, kinds and qualified forms", arguments: [
        ("pods", "pods"), ("pod", "pods"), ("po", "pods"), ("Pod", "pods"), ("PODS", "pods"),
        ("svc", "services"), ("service", "services"),
        ("deploy", "deployments"), ("Deployment", "deployments"),
        ("deployments.apps", "deployments"), ("deploy.apps", "deployments"), ("deployments.v1.apps", "deployments"),
        ("Deployment.apps", "deployments"),
        ("rs", "replicasets"), ("sts", "statefulsets"), ("ds", "daemonsets"),
        ("cj", "cronjobs"), ("job", "jobs"), ("jobs.batch", "jobs"),
        ("cm", "configmaps"), ("secret", "secrets"), ("sa", "serviceaccounts"),
        ("ns", "namespaces"), ("no", "nodes"), ("pv", "persistentvolumes"), ("pvc", "persistentvolumeclaims"),
        ("ing", "ingresses"), ("ingressclass", "ingressclasses"), ("netpol", "networkpolicies"),
        ("ev", "events"), ("ep", "endpoints"), ("endpointslice", "endpointslices"),
        ("hpa", "horizontalpodautoscalers"), ("hpa.autoscaling", "horizontalpodautoscalers"),
        ("pdb", "poddisruptionbudgets"),
        ("role", "roles"), ("rolebinding", "rolebindings"), ("clusterrole", "clusterroles"),
        ("clusterrolebindings.rbac.authorization.k8s.io", "clusterrolebindings"),
        ("sc", "storageclasses"), ("crd", "customresourcedefinitions"), ("crds", "customresourcedefinitions"),
        ("limits", "limitranges"), ("quota", "resourcequotas"), ("pc", "priorityclasses"),
        ("lease", "leases"), ("csr", "certificatesigningrequests"),
        ("validatingwebhookconfigurations", "validatingwebhookconfigurations"),
        ("mutatingwebhookconfiguration", "mutatingwebhookconfigurations"),
        ("csidriver", "csidrivers"), ("csinode", "csinodes"), ("volumeattachment", "volumeattachments"),
        ("runtimeclass", "runtimeclasses"), ("podtemplate", "podtemplates"), ("rc", "replicationcontrollers"),
        ("cs", "componentstatuses"), ("apiservice", "apiservices"), ("APIService", "apiservices"),
        ("pods.v1", "pods"),
    ])
    func resolves(word: String, plural: String) {
        #expect(ResourceCatalog.lookup(word)?.plural == plural)
    }

    @Test("unknown words are nil", arguments: [
        "widgets", "widgets.example.com", "certificates.cert-manager.io", "all", "deployments.batch", "", "p",
    ])
    func unknown(word: String) {
        #expect(ResourceCatalog.lookup(word) == nil)
    }

    @Test func metadata() throws {
        let deployment = try #require(ResourceCatalog.lookup("deploy"))
        #expect(deployment.kind == "Deployment")
        #expect(deployment.group == "apps")
        #expect(deployment.apiVersion == "apps/v1")
        #expect(deployment.namespaced)
        #expect(deployment.qualifiedName == "deployments.apps")
        #expect(deployment.canonicalName == "deployments")
        let node = try #require(ResourceCatalog.lookup("node"))
        #expect(!node.namespaced && node.group.isEmpty && node.apiVersion == "v1")
        #expect(ResourceCatalog.lookup("hpa")?.apiVersion == "autoscaling/v2")
    }

    @Test func coreEventsWinUnlessQualified() throws {
        #expect(ResourceCatalog.lookup("events")?.group == "")
        let qualified = try #require(ResourceCatalog.lookup("events.events.k8s.io"))
        #expect(qualified.group == "events.k8s.io")
        #expect(qualified.canonicalName == "events.events.k8s.io")
    }

    @Test func namesAreUnambiguousWithinTheCatalog() {
        var seen: [String: String] = [:]
        for type in ResourceCatalog.all where type.group != "events.k8s.io" {
            for name in Set(type.names) {
                if let other = seen[name] { Issue.record("\(name) names both \(other) and \(type.qualifiedName)") }
                seen[name] = type.qualifiedName
            }
        }
        #expect(seen.count > 130)
    }
}
