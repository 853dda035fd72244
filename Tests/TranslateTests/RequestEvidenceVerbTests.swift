import Testing
@testable import Translate

@Suite("RequestEvidence: the verb and output the request asks for")
struct RequestEvidenceVerbTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        let result = RequestEvidence.repair(command, request: request, context: [])
        return (result.command, result.fixes.map(\.kind))
    }

    @Test func aDeleteNobodyAskedForBecomesTheListing() {
        let result = fix("kubectl delete pods --field-selector=status.phase=Failed -n batch-lab --grace-period=0 --force",
                         "failed pods ns batch-lab")
        #expect(result.command == "kubectl get pods --field-selector=status.phase=Failed -n batch-lab")
        #expect(result.kinds == [.verb])
        // Asked for, in any of the ways operators ask, it stays.
        for request in ["delete the failed pods", "nuke failed pods", "clean up failed pods", "restart pod web-0",
                        "get rid of the failed pods", "remove pod web-0", "dleete pod web-0", "same for web-0"] {
            #expect(fix("kubectl delete pod web-0", request).kinds.isEmpty, "\(request)")
        }
        // After a delete, "same for worker-2" repeats it.
        let after = RequestEvidence.repair("kubectl delete pod worker-2 -n jobs", request: "do it for worker-2",
                                           context: ["last command (exit 1): kubectl delete pod worker-1 -n jobs"])
        #expect(after.fixes.isEmpty)
    }

    @Test func createFromAFileIsCreateNotApply() {
        #expect(fix("kubectl apply -f orchard.json", "Create the resources defined in the file orchard.json.").command
                == "kubectl create -f orchard.json")
        #expect(fix("kubectl apply -f beacon.yaml", "create from beacon.yaml save config").command
                == "kubectl create -f beacon.yaml --save-config")
        #expect(fix("kubectl apply -f app.yaml", "create or update what app.yaml defines").kinds.isEmpty)
        #expect(fix("kubectl apply -f app.yaml", "apply app.yaml").kinds.isEmpty)
        #expect(fix("kubectl apply -k overlays/dev", "create the dev overlay").kinds.isEmpty)
    }

    @Test func clusterInfoIsNoDumpUnlessAsked() {
        #expect(fix("kubectl cluster-info dump", "cluster info pls").command == "kubectl cluster-info")
        #expect(fix("kubectl cluster-info dump -A", "cluster-info dump all ns").kinds.isEmpty)
    }

    @Test func detailsOfOneObjectAreDescribe() {
        #expect(fix("kubectl get secret db-auth -n vault-ops", "Display the details of the secret db-auth in the namespace vault-ops.")
                    .command == "kubectl describe secret db-auth -n vault-ops")
        #expect(fix("kubectl get secret db-auth -o yaml", "details of secret db-auth as yaml").kinds.isEmpty)
        #expect(fix("kubectl get secrets", "details of the secrets").kinds.isEmpty)
    }

    @Test func namesLabelsAndWatching() {
        #expect(fix("kubectl get configmaps -n ledger", "Print the names of the config maps in the namespace ledger.")
                    .command == "kubectl get configmaps -n ledger -o name")
        #expect(fix("kubectl get pods -l app=harbor -n harbor", "pods + labels in harbor").command
                == "kubectl get pods -n harbor --show-labels")
        #expect(fix("kubectl get pods -l app=web", "pods labelled app=web").kinds.isEmpty)
        #expect(fix("kubectl get pods -l '!owner'", "pods without the owner label").kinds.isEmpty)
        #expect(fix("kubectl get events -n tundra", "Show the events of the namespace tundra as they happen.").command
                == "kubectl events -n tundra -w")
        #expect(fix("kubectl get events -n tundra", "events in tundra").kinds.isEmpty)
    }

    @Test func operatorsShorthandReadsAsWords() {
        #expect(RequestText("nuke pods w/o the owner label").tokens.contains("without"))
        #expect(RequestText("deploys w/ env in (dev,qa)").tokens.contains("with"))
    }
}

@Suite("Flags nobody asked for, and kubectl's spelling of --dry-run")
struct UnaskedFlagTests {
    func prune(_ command: String, _ request: String) -> String {
        FlagEvidence.prune(command, request: request, context: []).command
    }

    @Test func modifiersOfOneVerbGoWhenUnasked() {
        #expect(prune("kubectl rollout undo ds/log-shipper -n kube-system --to-revision=1",
                      "Roll back the daemon set log-shipper in the namespace kube-system to its previous revision")
                == "kubectl rollout undo ds/log-shipper -n kube-system")
        #expect(prune("kubectl rollout undo deploy/web --to-revision=3", "roll web back to revision 3")
                == "kubectl rollout undo deploy/web --to-revision=3")
        #expect(prune("kubectl expose statefulset quill-db --port=5432 --type=LoadBalancer", "expose quill-db on 5432")
                == "kubectl expose statefulset quill-db --port=5432")
        #expect(prune("kubectl expose deploy web --port=80 --type=NodePort", "expose web as a node port on 80")
                == "kubectl expose deploy web --port=80 --type=NodePort")
        #expect(prune("kubectl version --client -o json", "kubectl version in json pls") == "kubectl version -o json")
        #expect(prune("kubectl cluster-info dump --output-directory=./cluster-dump -A", "cluster-info dump all ns")
                == "kubectl cluster-info dump -A")
        #expect(prune("kubectl get pods -A --field-selector spec.nodeName=worker-3", "pods on node worker-3")
                == "kubectl get pods -A --field-selector spec.nodeName=worker-3")
        // The same flag names mean something else elsewhere: left alone.
        #expect(prune("kubectl patch deploy web --type=json -p '[]'", "patch web") == "kubectl patch deploy web --type=json -p '[]'")
    }

    @Test func dryRunTakesItsValueAfterTheEqualsSign() {
        #expect(CommandRepair.repair("kubectl auth reconcile -f rbac.yaml --dry-run client").command
                == "kubectl auth reconcile -f rbac.yaml --dry-run=client")
        #expect(CommandRepair.repair("kubectl apply -f a.yaml --dry-run").rewrites.isEmpty)
    }
}

@Suite("RequestEvidence: label terms, nodes and field keys")
struct RequestEvidencePlacementTests {
    func fix(_ command: String, _ request: String) -> String {
        RequestEvidence.repair(command, request: request, context: []).command
    }

    @Test func aStrayLabelTermJoinsTheSelector() {
        #expect(fix("kubectl get pods -l app=ledger tier=canary", "pods app=ledger except tier=canary")
                == "kubectl get pods -l 'app=ledger,tier!=canary'")
        #expect(fix("kubectl get pods tier=edge", "pods with tier=edge") == "kubectl get pods -l tier=edge")
        // A selector split at its comma by a space.
        #expect(fix("kubectl get pods -l app=ledger, tier!=canary", "pods app=ledger except tier=canary")
                == "kubectl get pods -l 'app=ledger,tier!=canary'")
        // Verbs whose words include key=value pairs keep them.
        #expect(fix("kubectl label pods web env=prod", "label pod web env=prod") == "kubectl label pods web env=prod")
    }

    @Test func podsOnANodeAreFoundBySpecNodeName() {
        #expect(fix("kubectl get pods --field-selector=status.phase=Running -l node=worker-ferry-3",
                    "List the pods running on the node worker-ferry-3.")
                == "kubectl get pods --field-selector=spec.nodeName=worker-ferry-3")
        #expect(fix("kubectl get pods", "pods on node gpu-7") == "kubectl get pods --field-selector spec.nodeName=gpu-7")
        #expect(fix("kubectl get pods --field-selector spec.nodeName=gpu-7", "pods on node gpu-7")
                == "kubectl get pods --field-selector spec.nodeName=gpu-7")
        #expect(fix("kubectl describe node gpu-7", "describe node gpu-7") == "kubectl describe node gpu-7")
    }

    @Test func aFieldKeyWithTheWrongPrefixTakesTheTypesKey() {
        #expect(fix("kubectl get pods --field-selector=status.restartPolicy=Never", "pods w/ restartPolicy Never")
                == "kubectl get pods --field-selector=spec.restartPolicy=Never")
    }
}

@Suite("RequestEvidence: bindings, immediate deletion and bounded waits")
struct RequestEvidenceScopeTests {
    func fix(_ command: String, _ request: String) -> String {
        RequestEvidence.repair(command, request: request, context: []).command
    }

    @Test func aRoleBindingWhenTheRequestAsksForOne() {
        #expect(fix("kubectl create clusterrolebinding auditor-view --clusterrole=view --serviceaccount=auditor:harbor",
                    "Bind the cluster role view to the service account auditor in the namespace harbor with a role binding named auditor-view.")
                == "kubectl create rolebinding auditor-view --clusterrole=view --serviceaccount=harbor:auditor -n harbor")
        #expect(fix("kubectl create clusterrolebinding ops --clusterrole=admin --user=ana",
                    "give ana admin everywhere with a cluster role binding named ops")
                == "kubectl create clusterrolebinding ops --clusterrole=admin --user=ana")
    }

    @Test func noGraceIsImmediateDeletion() {
        #expect(fix("kubectl delete pod kestrel-0 --now", "delete pod kestrel-0 now, no grace")
                == "kubectl delete pod kestrel-0 --grace-period=0 --force")
        #expect(fix("kubectl delete pod web-0 --grace-period=0 --force", "force delete pod web-0")
                == "kubectl delete pod web-0 --grace-period=0 --force")
        #expect(fix("kubectl delete pod web-0", "delete pod web-0") == "kubectl delete pod web-0")
    }

    @Test func aBoundedWaitGetsItsTimeout() {
        #expect(fix("kubectl wait --for=condition=Ready pods --all -n harbor", "wait for all pods in harbor ready, 2 min max")
                == "kubectl wait --for=condition=Ready pods --all -n harbor --timeout=2m")
        #expect(fix("kubectl wait --for=condition=Ready pods --all", "wait for all pods to be ready")
                == "kubectl wait --for=condition=Ready pods --all")
    }
}

@Suite("RequestEvidence: terminals, containers, names and set selectors")
struct RequestEvidenceTerminalTests {
    func fix(_ command: String, _ request: String) -> String {
        RequestEvidence.repair(command, request: request, context: []).command
    }

    @Test func oneCommandNeedsNoTerminalAShellDoes() {
        #expect(fix("kubectl exec -it ledger-0 -- date", "Run the command date in the pod ledger-0.")
                == "kubectl exec ledger-0 -- date")
        #expect(fix("kubectl exec -it ledger-0 -- sh", "open a shell in ledger-0") == "kubectl exec -it ledger-0 -- sh")
        #expect(fix("kubectl exec -it ledger-0 -- date", "run date in ledger-0 interactively")
                == "kubectl exec -it ledger-0 -- date")
    }

    @Test func containersAndNames() {
        #expect(fix("kubectl top pod quill-7", "Print the CPU and memory usage of the containers of the pod quill-7.")
                == "kubectl top pod quill-7 --containers")
        #expect(fix("kubectl get pods -n harbor", "List the pods in the namespace harbor, printing only their names.")
                == "kubectl get pods -n harbor -o name")
        #expect(fix("kubectl get pods -n harbor", "pods in harbor with their node names") == "kubectl get pods -n harbor")
    }

    @Test func aSetSelectorIsQuoted() {
        #expect(CommandRepair.repair("kubectl get deployments -l tier in (web,api)").command
                == "kubectl get deployments -l 'tier in (web,api)'")
        #expect(CommandRepair.repair("kubectl get deployments -l 'tier in (web,api)'").rewrites.isEmpty)
    }
}
