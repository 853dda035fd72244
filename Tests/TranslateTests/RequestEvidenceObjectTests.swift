import Testing
@testable import Translate

@Suite("RequestEvidence: objects in the form kubectl reads them")
struct RequestEvidenceObjectTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func theObjectsARequestNames() {
        let names = RequestEvidence.namedObjects(RequestText("events of the deployment named comet in ns orbit, and svc/edge"))
        #expect(names.map { "\($0.type.singular)/\($0.name)" } == ["deployment/comet", "service/edge"])
        // A namespace places and a type alone names nothing.
        #expect(RequestEvidence.namedObjects(RequestText("list pods in namespace shop")).isEmpty)
    }

    @Test func theEventsOfOneObjectAreEventsFor() {
        let result = fix("kubectl get events --namespace orbit --field-selector=involvedObject.name=comet",
                         "Show the events that concern the deployment named comet in the namespace orbit.")
        #expect(result.command == "kubectl events --for deployment/comet -n orbit")
        #expect(result.kinds == [.objectForm])
        #expect(fix("kubectl get events", "warning evnts for node gx-9").command == "kubectl events --for node/gx-9 --types=Warning")
        #expect(fix("kubectl get events -w --field-selector involvedObject.name=api-0,type=Warning", "watch the events of pod api-0").command
            == "kubectl events --for pod/api-0 -w --types=Warning")
        // Another object's name, a reason filter, or no named object: left alone.
        #expect(fix("kubectl get events --field-selector involvedObject.name=other", "events of pod api-0").kinds.isEmpty)
        #expect(fix("kubectl get events --field-selector reason=BackOff", "BackOff events of pod api-0").kinds.isEmpty)
        #expect(fix("kubectl get events -n shop", "events in ns shop").kinds.isEmpty)
        #expect(fix("kubectl events --for pod/api-0", "events of pod api-0").kinds.isEmpty)
    }

    @Test func aWorkloadsNameGetsItsTypeOnASingleObjectVerb() {
        let result = fix("kubectl port-forward cache 6000:6379", "Forward local port 6000 to port 6379 of the service cache.")
        #expect(result.command == "kubectl port-forward service/cache 6000:6379")
        #expect(result.kinds == [.objectForm])
        #expect(fix("kubectl logs ferry --tail=40", "tail 40 lines logs deploy ferry").command == "kubectl logs deployment/ferry --tail=40")
        // A pod's name stays bare; a name the request gives no type stays as it is.
        #expect(fix("kubectl logs web-0", "logs of pod web-0").kinds.isEmpty)
        #expect(fix("kubectl exec -it web-0 -- sh", "shell into web-0").kinds.isEmpty)
    }

    @Test func aManifestFileIsReadWithF() {
        #expect(fix("kubectl certificate approve csr.yaml", "Approve the certificate signing request defined in csr.yaml.").command
            == "kubectl certificate approve -f csr.yaml")
        #expect(fix("kubectl delete deployment stack.yml", "delete what stack.yml defines").command == "kubectl delete -f stack.yml")
        // Already -f, a file the request does not name, or a verb whose file is positional: unchanged.
        #expect(fix("kubectl delete -f stack.yaml", "delete stack.yaml").kinds.isEmpty)
        #expect(fix("kubectl delete pod stack.yaml", "delete the pod").kinds.isEmpty)
        #expect(fix("kubectl cp web-0:/tmp/a.json a.json", "copy a.json out of web-0").kinds.isEmpty)
    }

    @Test func aRemovalWrittenAsASelectorIsTheKeyToRemove() {
        #expect(fix("kubectl label deployment reed -l canary-", "Remove the label canary from the deployment named reed.").command
            == "kubectl label deployment reed canary-")
        #expect(fix("kubectl label pods -l canary=true tier-", "drop tier from canary pods").kinds.isEmpty)
    }

    @Test func allGoesWhenTheCommandNamesItsObjects() {
        let result = fix("kubectl set image deployment/relay --all '*=relay:4.1'", "set img for all containers in deploy relay to relay:4.1")
        #expect(result.command == "kubectl set image deployment/relay '*=relay:4.1'")
        #expect(fix("kubectl delete jobs --all -n lab", "delete all jobs in ns lab").kinds.isEmpty)
    }

    @Test func aNamespaceFieldIsTheNamespace() {
        let result = fix("kubectl delete jobs --field-selector=metadata.namespace=batch-lab -n batch-lab", "delete all jobs in ns batch-lab")
        #expect(result.command == "kubectl delete jobs -n batch-lab --all")
        #expect(result.kinds == [.namespace, .all])
        #expect(fix("kubectl get pods --field-selector=metadata.namespace=ops,status.phase=Failed", "failed pods in ops").command
            == "kubectl get pods --field-selector=status.phase=Failed -n ops")
        #expect(fix("kubectl get pods -A --field-selector=metadata.namespace!=ops", "pods outside ops").kinds.isEmpty)
    }

    @Test func aNamespaceSwitchIsSetContext() {
        #expect(fix("kubectl config use-context sirius", "switch ns to sirius for current ctx").command
            == "kubectl config set-context --current --namespace=sirius")
        #expect(fix("kubectl config use-context lab", "switch to the namespace lab").command
            == "kubectl config set-context --current --namespace=lab")
        #expect(fix("kubectl config use-context prod", "switch to context prod").kinds.isEmpty)
    }

    @Test func aPatchGetsTheTypeItsKindNeeds() {
        #expect(fix(#"kubectl patch deployment vane -p '{"spec":{"replicas":4}}'"#, "patch deploy vane replicas 4 via json merge").command
            == #"kubectl patch deployment vane -p '{"spec":{"replicas":4}}' --type=merge"#)
        #expect(fix(#"kubectl patch svc a -p '[{"op":"remove","path":"/spec/externalIPs"}]'"#, "remove the external ips of svc a").command
            == #"kubectl patch svc a -p '[{"op":"remove","path":"/spec/externalIPs"}]' --type=json"#)
        #expect(fix(#"kubectl patch deployment vane -p '{"spec":{"replicas":4}}'"#, "patch deploy vane to 4 replicas").kinds.isEmpty)
    }

    @Test func aTargetPortEqualToThePortGoes() {
        #expect(fix("kubectl create service clusterip peers --clusterip=None --tcp=7000:7000", "headless svc peers port 7000").command
            == "kubectl create service clusterip peers --clusterip=None --tcp=7000")
        #expect(fix("kubectl create service clusterip peers --tcp=80:8080", "svc peers port 80 to 8080").kinds.isEmpty)
        // A pair the request writes out stays.
        #expect(fix("kubectl create service nodeport np --tcp=9000:9000", "nodeport svc np tcp 9000:9000").kinds.isEmpty)
        #expect(fix("kubectl create service nodeport np --tcp=8080:8080", "service np mapping port 8080 to 8080").kinds.isEmpty)
    }

    @Test func aWrittenSetSelectorGoesIntoL() {
        let result = fix("kubectl get deployments in dev,qa", "deploys w/ env in (dev,qa)")
        #expect(result.command == "kubectl get deployments -l 'env in (dev,qa)'")
        #expect(result.kinds == [.selector])
        #expect(fix("kubectl get pods -l tier=web", "pods with tier notin (web, cache)").command == "kubectl get pods -l 'tier notin (web,cache)'")
        #expect(fix("kubectl get pods -l 'env in (dev,qa)'", "pods w/ env in (dev,qa)").kinds.isEmpty)
        // A real object name is not a piece of the selector.
        #expect(fix("kubectl get deployments api", "deploy api where env in (dev,qa)").kinds.isEmpty)
    }

    @Test func anObjectsEnvironmentIsSetEnvList() {
        let result = fix("kubectl get deployment hydra", "List the environment variables of the deployment hydra.")
        #expect(result.command == "kubectl set env deployment/hydra --list")
        #expect(result.kinds == [.verb])
        #expect(fix("kubectl set env deploy/moss -n lab", "list env of deploy moss in ns lab").command
            == "kubectl set env deployment/moss --list -n lab")
        // Setting a variable, or importing one, is not a listing.
        #expect(fix("kubectl set env deployment/moss LEVEL=debug", "set env LEVEL=debug on deploy moss").kinds.isEmpty)
        #expect(fix("kubectl set env deployment/lark --from=secret/keys", "env of deploy lark from secret keys").kinds.isEmpty)
        #expect(fix("kubectl get deployment hydra -o yaml", "deployment hydra as yaml").kinds.isEmpty)
    }

    @Test func aShellOnANodeIsDebugNode() {
        let result = fix("kubectl exec -it n-7 -- sh", "shell on node n-7 w/ ubuntu")
        #expect(result.command == "kubectl debug node/n-7 -it --image=ubuntu")
        #expect(result.kinds == [.verb])
        #expect(fix("kubectl debug n-8 -it", "debug node n-8").command == "kubectl debug node/n-8 -it --image=busybox")
        #expect(fix("kubectl debug wk-3 --image=alpine", "debug node wk-3 image alpine").command
            == "kubectl debug node/wk-3 -it --image=alpine")
        // Already a node, or a pod the request names: unchanged.
        #expect(fix("kubectl debug node/n-7 -it --image=ubuntu", "shell on node n-7 w/ ubuntu").kinds.isEmpty)
        #expect(fix("kubectl exec -it web-0 -- sh", "shell into pod web-0 on node n-7").kinds.isEmpty)
    }

    @Test func aLabelGuessForANamedPodIsThePod() {
        let result = fix("kubectl logs -f -l app=ledger --all-containers", "follow logs of ledger-0 all containers")
        #expect(result.command == "kubectl logs ledger-0 -f --all-containers")
        #expect(result.kinds == [.objectForm])
        // The label's value is a word of the request, or no name starts with it: the selector stays.
        #expect(fix("kubectl logs -l app=ledger", "logs of the ledger app").kinds.isEmpty)
        #expect(fix("kubectl logs -l app=ledger", "logs of pods labelled app=ledger").kinds.isEmpty)
    }

    @Test func watchedEventsAreKubectlEventsW() {
        #expect(fix("kubectl get events -n tundra --watch", "Show the events of the namespace tundra as they happen.").command
            == "kubectl events -n tundra --watch")
        #expect(fix("kubectl get events -n harbor", "watch events in harbor").command == "kubectl events -n harbor -w")
        // A listing kubectl events cannot print stays a get.
        #expect(fix("kubectl get events -w -l app=web", "watch the events of app=web").command == "kubectl get events -w -l app=web")
    }

    @Test func oneNamedNamespaceWinsOverA() {
        let result = fix("kubectl wait --for=condition=available deployment --all-namespaces -l app=pine",
                         "wait for all deployments in ns pine to be available")
        #expect(result.command == "kubectl wait --for=condition=available deployment -n pine --all")
        #expect(result.kinds == [.namespace, .all])
        // Every namespace asked for, or a label the request writes: kept.
        #expect(fix("kubectl get pods -A", "pods in all namespaces").kinds.isEmpty)
        #expect(fix("kubectl get pods -A -l app=pine", "pods labelled app=pine in ns pine").command == "kubectl get pods -l app=pine -n pine")
    }

    @Test func anActionIsNoPermissionQuestion() {
        let result = fix("kubectl auth can-i get secrets --as=jane -n hr", "act as user jane, get secrets ns hr")
        #expect(result.command == "kubectl get secrets --as=jane -n hr")
        #expect(result.kinds == [.verb])
        #expect(fix("kubectl auth can-i list pods --as=bob", "list pods as bob").command == "kubectl get pods --as=bob")
        // A question, or a verb that changes things: unchanged.
        #expect(fix("kubectl auth can-i get secrets --as=jane", "can jane get secrets").kinds.isEmpty)
        #expect(fix("kubectl auth can-i get secrets --as=jane", "is jane allowed to read secrets").kinds.isEmpty)
        #expect(fix("kubectl auth can-i delete pods --as=bob", "delete pods as bob").kinds.isEmpty)
    }
}
