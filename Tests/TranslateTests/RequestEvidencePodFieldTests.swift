import Testing
@testable import Translate

/// `command` repaired from `request` with no session context, and the kinds of fix made.
func evidenceRepair(_ command: String, _ request: String, context: [String] = []) -> (command: String, kinds: [EvidenceFix.Kind]) {
    let result = RequestEvidence.repair(command, request: request, context: context)
    return (result.command, result.fixes.map(\.kind))
}

@Suite("RequestEvidence: pods found by address, service account or scheduler; every container's image")
struct RequestEvidencePodFieldTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func anAddressIsThePodsIPNotANodeName() {
        let result = fix("kubectl get pods --field-selector=status.phase=Running,spec.nodeName=ip-10-2-3-4",
                         "which pod has the IP 10.2.3.4")
        #expect(result.command == "kubectl get pods --field-selector=status.podIP=10.2.3.4")
        #expect(result.kinds == [.fieldSelector])
        // A phase the request asks for stays.
        #expect(fix("kubectl get pods", "running pods with ip 10.9.0.7").command
            == "kubectl get pods --field-selector status.podIP=10.9.0.7,status.phase=Running")
        #expect(fix("kubectl get pods --field-selector=status.phase=Running", "running pods with ip 10.9.0.7").command
            == "kubectl get pods --field-selector=status.phase=Running,status.podIP=10.9.0.7")
        // A node's address is left to the node checks.
        #expect(fix("kubectl get pods", "pods on the node with address 10.0.0.5").kinds.isEmpty)
    }

    @Test func aServiceAccountReplacesALabelGuess() {
        let result = fix("kubectl get pods -l app=builder -n ci", "pods using service account builder in ns ci")
        #expect(result.command == "kubectl get pods -n ci --field-selector spec.serviceAccountName=builder")
        #expect(fix("kubectl get po -A", "all pods that run as serviceaccount named metrics-reader").command
            == "kubectl get po -A --field-selector spec.serviceAccountName=metrics-reader")
        #expect(fix("kubectl get pods", "pods scheduled by scheduler bin-packer").command
            == "kubectl get pods --field-selector spec.schedulerName=bin-packer")
        // Already right, excluded, or not about pods: nothing changes.
        #expect(fix("kubectl get pods --field-selector spec.serviceAccountName=builder", "pods using sa builder").kinds.isEmpty)
        #expect(fix("kubectl get pods", "pods not using service account builder").kinds.isEmpty)
        // Acting as the account is impersonation.
        #expect(fix("kubectl get pods -n ferry", "get pods as sa deployer from ferry").kinds.isEmpty)
        #expect(fix("kubectl get pods --as=system:serviceaccount:ferry:deployer -n ferry", "list pods as the service account deployer").kinds.isEmpty)
        #expect(fix("kubectl get serviceaccount builder -o yaml", "show service account builder as yaml").kinds.isEmpty)
        #expect(fix("kubectl get pod web-1 -o wide", "ip of pod web-1").kinds.isEmpty)
    }

    @Test func runningOnANodeAsksForNoPhase() {
        let result = fix("kubectl get pods -A --field-selector=spec.nodeName=ip-10-0-1-5,status.phase=Running",
                         "pods running on node ip-10-0-1-5")
        #expect(result.command == "kubectl get pods -A --field-selector=spec.nodeName=ip-10-0-1-5")
        #expect(result.kinds == [.fieldSelector])
    }

    @Test func everyContainerGetsTheImageByStar() {
        #expect(fix("kubectl set image deployment/web --all-containers nginx:1.27", "update every container of deploy web to nginx:1.27").command
            == "kubectl set image deployment/web '*=nginx:1.27'")
        #expect(fix("kubectl set image deployment/web app=nginx:1.27", "set all containers in deploy web to image nginx:1.27").command
            == "kubectl set image deployment/web '*=nginx:1.27'")
        // An image with a registry path, and a container key that is also the object's name.
        #expect(fix("kubectl set image deployment/cart shop/cart:2.3", "bump all containers in deployment/cart to image shop/cart:2.3").command
            == "kubectl set image deployment/cart '*=shop/cart:2.3'")
        #expect(fix("kubectl set image daemonset agent -n monitoring agent=agent:9",
                    "set every container image of daemonset agent in monitoring to agent:9").command
            == "kubectl set image daemonset agent -n monitoring '*=agent:9'")
        // Flags before the object, and their values, are no image.
        #expect(fix("kubectl set image -n shop deployment/web app=nginx:1.27", "all containers of web in shop to nginx:1.27").command
            == "kubectl set image -n shop deployment/web '*=nginx:1.27'")
        // A container the request names, or a star already there, stays.
        #expect(fix("kubectl set image deployment/web nginx=nginx:1.27", "set the nginx container of all deployments to nginx:1.27").kinds.isEmpty)
        #expect(fix("kubectl set image deployment/web '*=nginx:1.27'", "all containers of web to nginx:1.27").kinds.isEmpty)
        #expect(fix("kubectl set image deployment/web app=nginx:1.27", "set container app of web to nginx:1.27").kinds.isEmpty)
    }
}

@Suite("RequestEvidence: a cron job run once as a named job")
struct RequestEvidenceCronJobTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func aRunOrAnImageBecomesCreateJobFrom() {
        #expect(fix("kubectl run tick-manual --image=tick --restart=Never", "run cronjob tick now as job tick-manual").command
            == "kubectl create job tick-manual --from=cronjob/tick")
        #expect(fix("kubectl create job rebuild-index --image=busybox -n ops",
                    "Create a job named rebuild-index from the cron job nightly-report in ops.").command
            == "kubectl create job rebuild-index --from=cronjob/nightly-report -n ops")
    }

    @Test func aRightAnswerOrAMissingNameIsLeftAlone() {
        #expect(fix("kubectl create job tick-manual --from=cronjob/tick", "run cronjob tick now as job tick-manual").kinds.isEmpty)
        #expect(fix("kubectl create job tick-manual --from cronjob/tick", "run cronjob tick now as job tick-manual").kinds.isEmpty)
        // No job name given: nothing to build it from.
        #expect(fix("kubectl create job --from=cronjob/tick tick-1", "trigger cronjob tick now").kinds.isEmpty)
        #expect(fix("kubectl get cronjob tick -o yaml", "cronjob tick as yaml").kinds.isEmpty)
    }
}

@Suite("RequestEvidence: every container's logs; a numbered word after 'in'")
struct RequestEvidenceAllContainerLogsTests {
    @Test func allContainersIsTheFlagNotAContainerNamedAll() {
        #expect(RequestEvidence.repair("kubectl logs api-0 -c all", request: "Show the logs of all containers of pod api-0.",
                                       context: []).command == "kubectl logs api-0 --all-containers")
        #expect(RequestEvidence.repair("kubectl logs api-0", request: "logs of every container in api-0", context: [])
            .command == "kubectl logs api-0 --all-containers")
        // A container the request names, or the flag already there, stays.
        #expect(RequestEvidence.repair("kubectl logs api-0 -c proxy", request: "logs of container proxy of all api pods",
                                       context: []).fixes.isEmpty)
        #expect(RequestEvidence.repair("kubectl logs api-0 --all-containers", request: "logs of all containers of api-0",
                                       context: []).fixes.isEmpty)
    }

    @Test func aWordNumberedByWhatFollowsIsNoNamespace() {
        #expect(AskedFlags.namedNamespace("show me what changed in revision 2 of deploy web") == nil)
        #expect(AskedFlags.namedNamespace("what is in version 1.29 of the api") == nil)
        #expect(AskedFlags.namedNamespace("pods in payments") == "payments")
        #expect(AskedFlags.namedNamespace("rollout history of web in ns shop") == "shop")
    }
}

@Suite("RequestEvidence: manifests without creating, drain for cordon")
struct RequestEvidenceManifestTests {
    func fix(_ command: String, _ request: String) -> String {
        evidenceRepair(command, request).command
    }

    @Test func aManifestWithoutCreatingIsAClientDryRun() {
        #expect(fix("kubectl create deployment demo --image=nginx",
                    "give me a yaml for a deployment named demo with image nginx without creating it")
            == "kubectl create deployment demo --image=nginx --dry-run=client -o yaml")
        #expect(fix("kubectl run tmp --image=busybox -o json", "generate the json of a pod tmp running busybox")
            == "kubectl run tmp --image=busybox -o json --dry-run=client")
        // Creating it for real, or a dry run already there, is left alone.
        #expect(fix("kubectl create deployment demo --image=nginx", "create deployment demo with image nginx")
            == "kubectl create deployment demo --image=nginx")
        #expect(fix("kubectl create deployment demo --image=nginx --dry-run=server -o yaml", "dry run deployment demo as yaml")
            == "kubectl create deployment demo --image=nginx --dry-run=server -o yaml")
        #expect(fix("kubectl get deployment demo -o yaml", "the yaml of deployment demo, dont create anything")
            == "kubectl get deployment demo -o yaml")
    }

    @Test func drainingANodeIsDrainNotCordon() {
        #expect(fix("kubectl cordon w-9 --ignore-daemonsets", "cordon + drain node w-9 ignoring daemonsets")
            == "kubectl drain w-9 --ignore-daemonsets")
        #expect(fix("kubectl cordon w-9", "cordon w-9") == "kubectl cordon w-9")
    }
}
