import Testing
@testable import Translate

@Suite("RequestEvidence: the types, names, phases and reads a request gives")
struct RequestEvidenceNameTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func theTypeTheRequestLists() {
        #expect(RequestEvidence.requestedType("cms")?.plural == "configmaps")
        #expect(RequestEvidence.requestedType("svcs")?.plural == "services")
        #expect(RequestEvidence.requestedType("is") == nil)
        let result = fix("kubectl get pods -n orca -l '!owner'", "cms in ns orca missing label owner")
        #expect(result.command == "kubectl get configmaps -n orca -l '!owner'")
        #expect(result.kinds == [.verb])
        #expect(fix("kubectl get pods", "list the secrets of shop").command == "kubectl get secrets")
        // Pods named too, two types, or a query across types: unchanged.
        #expect(fix("kubectl get pods -l app=web", "pods of deploy web").kinds.isEmpty)
        #expect(fix("kubectl get pods -o jsonpath='{.items[*].spec.volumes}'", "which secrets are mounted").kinds.isEmpty)
        #expect(fix("kubectl get pods -n batch", "in ns batch, the pods").kinds.isEmpty)
    }

    @Test func aNewObjectsNameIsTheRequests() {
        let result = fix("kubectl create configmap feature-flags --from-literal=enabled=true", "cm flags with enabled=true")
        #expect(result.command == "kubectl create configmap flags --from-literal=enabled=true")
        #expect(result.kinds == [.inventedValue])
        // A name the request gives, or a part that names the source object: unchanged.
        #expect(fix("kubectl create configmap app-flags --from-literal=a=b", "cm app-flags with a=b").kinds.isEmpty)
        #expect(fix("kubectl create job tick-1 --from=cronjob/tick", "trigger cronjob tick now").kinds.isEmpty)
    }

    @Test func aLabelValueGetsTheKeyTheRequestNames() {
        #expect(fix("kubectl label namespace trial prod", "change label env of ns trial to prod").command
            == "kubectl label namespace trial env=prod --overwrite")
        #expect(fix("kubectl annotate svc door owner=ops", "set annotation owner on svc door to ops").kinds.isEmpty)
    }

    @Test func aPhaseBeforeTheTypeWord() {
        let result = fix("kubectl get pods -n hive", "running pods ns hive")
        #expect(result.command == "kubectl get pods -n hive --field-selector=status.phase=Running")
        #expect(result.kinds == [.fieldSelector])
        #expect(fix("kubectl delete po -n lab", "delete failed po in ns lab").command
            == "kubectl delete po -n lab --field-selector=status.phase=Failed")
        // A phase already there, "not running", or a phase after the word: unchanged.
        #expect(fix("kubectl get pods --field-selector=status.phase!=Running", "not running pods").kinds.isEmpty)
        #expect(fix("kubectl get pods --field-selector=status.phase=Pending", "pending pods").kinds.isEmpty)
        #expect(fix("kubectl get pods", "pods running on the cluster").kinds.isEmpty)
    }

    @Test func followedLogs() {
        #expect(fix("kubectl logs svc/edge-gw", "follow logs svc edge-gw").command == "kubectl logs svc/edge-gw -f")
        #expect(fix("kubectl logs web-0", "logs of web-0").kinds.isEmpty)
    }

    @Test func aReadingRequestReadsTheFile() {
        let result = fix("kubectl apply -f bundle.yaml", "Show the objects defined in the file bundle.yaml.")
        #expect(result.command == "kubectl get -f bundle.yaml")
        #expect(result.kinds == [.verb])
        #expect(fix("kubectl create -f svc.yaml", "describe whats in svc.yaml").command == "kubectl describe -f svc.yaml")
        #expect(fix("kubectl apply -f bundle.yaml", "apply bundle.yaml").kinds.isEmpty)
        #expect(fix("kubectl apply -f bundle.yaml", "show me how to apply bundle.yaml").kinds.isEmpty)
    }

    @Test func podsWithAnAccountAreNoImpersonation() {
        let result = fix("kubectl get po -n sky --as=system:serviceaccount:default", "po w/ sa default in ns sky")
        #expect(result.command == "kubectl get po -n sky --field-selector spec.serviceAccountName=default")
        #expect(fix("kubectl get pods --as=system:serviceaccount:ci:bot", "list pods as sa bot in ns ci").kinds != [.fieldSelector])
    }

    @Test func moreSelectionThanAll() {
        #expect(fix("kubectl delete pods --all -n sandbox --field-selector=status.phase=Failed",
                    "Delete all the pods in the namespace sandbox that are in the Failed phase.").command
            == "kubectl delete pods -n sandbox --field-selector=status.phase=Failed")
        #expect(fix("kubectl top po -n lake containers", "top po ns lake containers").command == "kubectl top po -n lake --containers")
        #expect(fix("kubectl get events -n zoo --field-selector=metadata.name=dingo-0", "Show the events of the pod named dingo-0 in the namespace zoo.").command
            == "kubectl events --for pod/dingo-0 -n zoo")
    }
}
