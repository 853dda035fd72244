import Testing
@testable import Translate

@Suite("RequestEvidence: leftovers of copied request words")
struct RequestEvidenceLeftoverTests {
    func fix(_ command: String, _ request: String, context: [String] = []) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request, context: context)
    }

    @Test func aFlagWrittenTwiceUnderTwoSpellings() {
        #expect(fix("kubectl logs ledger-0 -p --previous", "Show the previous logs of the pod ledger-0.").command
            == "kubectl logs ledger-0 -p")
        #expect(fix("kubectl get pods -n shop --namespace=shop", "pods in shop").command == "kubectl get pods -n shop")
        // A group of short flags is kept whole.
        #expect(fix("kubectl exec -i web-0 -it -- sh", "shell into web-0").kinds.isEmpty)
        // The same flag with two values is kubectl's way of giving two.
        #expect(fix("kubectl create configmap app --from-literal=a=1 --from-literal=b=2", "configmap app with a=1 and b=2").kinds.isEmpty)
    }

    @Test func theContainerMarkerOfSetImage() {
        #expect(fix("kubectl set image deployment/game ctr srv=game:7", "set img deploy game ctr srv to game:7").command
            == "kubectl set image deployment/game srv=game:7")
        #expect(fix("kubectl set image deployment game container srv=game:7", "set the image of container srv of deployment game to game:7").command
            == "kubectl set image deployment game srv=game:7")
        // A deployment called like a marker, or no marker: unchanged.
        #expect(fix("kubectl set image deployment/game srv=game:7", "set img deploy game ctr srv to game:7").kinds.isEmpty)
    }

    @Test func everyObjectEvenWithoutWaiting() {
        #expect(fix("kubectl delete pods -n scratch --wait=false", "Delete all the pods in the namespace scratch without waiting for them to terminate.").command
            == "kubectl delete pods -n scratch --wait=false --all")
        #expect(fix("kubectl delete pods -n scratch --grace-period=0 --force", "delete every pod in ns scratch without a grace period").command
            == "kubectl delete pods -n scratch --grace-period=0 --force --all")
        // "without a label" narrows the pods: no --all.
        #expect(!fix("kubectl delete pods -n scratch", "delete all pods in ns scratch without a team label").kinds.contains(.all))
    }

    @Test func aLabelValueIsNotTheNamespace() {
        #expect(fix("kubectl annotate deployment ledger -n payments team=payments", "Add the annotation team=payments to the deployment ledger.").command
            == "kubectl annotate deployment ledger team=payments")
        // Named as a namespace too, or the session's namespace: kept.
        #expect(fix("kubectl annotate deployment ledger -n payments team=payments", "annotate deploy ledger in payments with team=payments").kinds.isEmpty)
        #expect(fix("kubectl label pods -n payments -l app=api team=payments", "label the api pods team=payments",
                    context: ["namespace: payments"]).kinds.isEmpty)
    }

    @Test func aNewObjectsManifestIsADryRun() {
        #expect(fix("kubectl get serviceaccount robot -o yaml", "Print the manifest of a new service account robot without creating it.").command
            == "kubectl create serviceaccount robot --dry-run=client -o yaml")
        #expect(fix("kubectl get ns sandbox -o json", "json for a new namespace sandbox, dont create it").command
            == "kubectl create namespace sandbox --dry-run=client -o json")
        // The manifest of an existing object is a get.
        #expect(fix("kubectl get serviceaccount robot -o yaml", "Print the manifest of the service account robot.").kinds.isEmpty)
    }
}
