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
        #expect(fix("kubectl get configmap settings -o yaml", "Print the manifest of a new config map settings with the key mode=fast, without creating it.").command
            == "kubectl create configmap settings --from-literal=mode=fast --dry-run=client -o yaml")
        // The manifest of an existing object is a get.
        #expect(fix("kubectl get serviceaccount robot -o yaml", "Print the manifest of the service account robot.").kinds.isEmpty)
    }
}

@Suite("RequestEvidence: selection, markers, scopes and merged field selectors")
struct RequestEvidenceSelectionTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func aLostSelectorComesBack() {
        #expect(fix("kubectl wait --for=delete pods --all -n dance --timeout=2m", "wait pods app=rumba deleted ns dance timeout 2m").command
            == "kubectl wait --for=delete pods -n dance --timeout=2m -l app=rumba")
        // Already selected, a flag-like pair, or an exclusion: unchanged.
        #expect(fix("kubectl wait --for=delete pods -l app=rumba -n dance", "wait pods app=rumba deleted ns dance").kinds.isEmpty)
        #expect(!fix("kubectl get pods --field-selector=status.phase=Running", "pods where status.phase=Running").kinds.contains(.selector))
        #expect(!fix("kubectl get pods", "pods except env=dev").kinds.contains(.selector))
    }

    @Test func thePairBeforeWithSelects() {
        #expect(fix("kubectl label pod app=rumba -n dance canary=true --overwrite", "label pods app=rumba in ns dance with canary=true overwrite").command
            == "kubectl label pod -n dance canary=true --overwrite -l app=rumba")
        // One pair, or a selector already: unchanged.
        #expect(fix("kubectl label pods --all canary=true", "label all pods with canary=true").kinds.isEmpty)
        #expect(fix("kubectl label pods -l app=rumba canary=true", "label pods app=rumba with canary=true").kinds.isEmpty)
    }

    @Test func aMarkerPhraseBehindTheDash() {
        #expect(evidenceRepair("kubectl exec -it rumba-db-0 -c db -- psql -U admin -c 'ctr db'", "exec psql -U admin in rumba-db-0 ctr db").command
            == "kubectl exec -it rumba-db-0 -c db -- psql -U admin")
        // psql's own -c stays (and, running one query, it needs no terminal).
        #expect(evidenceRepair("kubectl exec -it rumba-db-0 -c db -- psql -U admin -c 'select 1'", "run psql -c 'select 1' in rumba-db-0 ctr db").command
            == "kubectl exec rumba-db-0 -c db -- psql -U admin -c 'select 1'")
    }

    @Test func aMarkerIsNoValue() {
        #expect(fix("kubectl debug rumba-0 -it --image=busybox --target=ctr app", "debug rumba-0 ephemeral busybox target ctr app").command
            == "kubectl debug rumba-0 -it --image=busybox --target=app")
        #expect(fix("kubectl debug rumba-0 -it --image=busybox --target=app", "debug rumba-0 ephemeral busybox target ctr app").kinds.isEmpty)
    }

    @Test func theRoleKindTheRequestNames() {
        #expect(fix("kubectl create role secret-reader --verb=get,list --resource=secrets -n x", "Create a cluster role named secret-reader that can get and list secrets.").command
            == "kubectl create clusterrole secret-reader --verb=get,list --resource=secrets")
        #expect(fix("kubectl create clusterrole pod-reader --verb=get --resource=pods", "role pod-reader get pods ns dance").command
            == "kubectl create role pod-reader --verb=get --resource=pods")
        #expect(fix("kubectl create role pod-reader --verb=get --resource=pods", "role pod-reader get pods").kinds.isEmpty)
    }

    @Test func fieldSelectorsJoinAndPodsFindTheirNode() {
        #expect(fix("kubectl get pods -n dance --field-selector=status.phase=Running --field-selector=spec.nodeName=nd-4", "pods ns dance running on node nd-4 phase Running").command
            == "kubectl get pods -n dance --field-selector=status.phase=Running,spec.nodeName=nd-4")
        #expect(fix("kubectl get pods --field-selector=status.phase!=Running,node.name=bn-2,spec.nodeName=bn-2", "pods on the node bn-2 not in the Running phase").command
            == "kubectl get pods '--field-selector=status.phase!=Running,spec.nodeName=bn-2'")
    }

    @Test func aBindingKeptToOneNamespace() {
        #expect(fix("kubectl create clusterrolebinding w --clusterrole=secret-reader --serviceaccount=ballroom:waltz",
                    "Bind the cluster role secret-reader to the service account waltz in the namespace ballroom, naming the binding w, only in that namespace.").command
            == "kubectl create rolebinding w --clusterrole=secret-reader --serviceaccount=ballroom:waltz -n ballroom")
    }

    @Test func theLocalPortThatWentMissing() {
        #expect(fix("kubectl port-forward deployment/waltz --address 0.0.0.0 9000", "Forward port 9000 of the deployment waltz to local port 19000, listening on every interface.").command
            == "kubectl port-forward deployment/waltz --address 0.0.0.0 19000:9000")
    }
}

@Suite("RequestEvidence: a label that must be absent, written after \"but not\"")
struct RequestEvidenceAbsentLabelTests {
    @Test func butNotTheLabel() {
        #expect(evidenceRepair("kubectl get pods -n ballroom --selector tier", "List the pods in the namespace ballroom that have the label tier but not the label debug.").command
            == "kubectl get pods -n ballroom --selector 'tier,!debug'")
    }
}

@Suite("RequestEvidence: a file nobody wrote, a pod for a deployment")
struct RequestEvidenceMadeUpFileTests {
    @Test func aFileTheRequestNeverWrites() {
        #expect(evidenceRepair("kubectl apply -f checkout.yaml", "deploy checkout yaml").command == "kubectl get deployment checkout -o yaml")
        // A file the request writes stays.
        #expect(evidenceRepair("kubectl apply -f checkout.yaml", "apply checkout.yaml").kinds.isEmpty)
        #expect(evidenceRepair("kubectl apply -f ./k8s", "deploy the yaml in ./k8s for deployment checkout").kinds.isEmpty)
    }

    @Test func aDeploymentIsNoPod() {
        #expect(evidenceRepair("kubectl run nginx --image=nginx --dry-run=client -o yaml", "yaml for a deployment web running nginx, dont create it").command
            == "kubectl create deployment web --image=nginx --dry-run=client -o yaml")
        #expect(evidenceRepair("kubectl run web --image=nginx", "run a pod web from nginx").kinds.isEmpty)
    }
}

@Suite("RequestEvidence: the session's last type")
struct RequestEvidenceSessionTypeTests {
    @Test func aFollowUpKeepsTheType() {
        #expect(evidenceRepair("kubectl get deployments -A", "now in all namespaces", context: ["namespace: shop", "last type: pods"]).command
            == "kubectl get pods -A")
        // A type the request names, or no last type: unchanged.
        #expect(evidenceRepair("kubectl get deployments -A", "deployments in all namespaces", context: ["last type: pods"]).kinds.isEmpty)
        #expect(evidenceRepair("kubectl get deployments -A", "now in all namespaces").kinds.isEmpty)
    }
}

@Suite("RequestEvidence: namespaces never named, lone workloads, outputs kubectl lacks")
struct RequestEvidenceUnnamedTests {
    @Test func aNamespaceNeverWrittenAsOne() {
        #expect(evidenceRepair("kubectl logs quartz-5d7 -n logz", "logz for quartz-5d7 pls").command == "kubectl logs quartz-5d7")
        #expect(evidenceRepair("kubectl scale deployment quartz -n quartz --replicas=0", "scale quartz down to zero").command
            == "kubectl scale deployment quartz --replicas=0")
        // Written where a namespace goes, or the session's: kept.
        #expect(evidenceRepair("kubectl scale deployment api -n api --replicas=2", "scale api in ns api to 2").kinds.isEmpty)
        #expect(evidenceRepair("kubectl get pods -n shop", "shop pods", context: ["namespace: shop"]).kinds.isEmpty)
        // A first word is a namespace often enough that a command which changes things keeps it.
        #expect(evidenceRepair("kubectl delete pods --all -n shop", "shop: delete all pods").kinds.isEmpty)
    }

    @Test func aLoneWorkloadIsADeployment() {
        #expect(evidenceRepair("kubectl scale quartz --replicas=0", "scale quartz down to zero").command
            == "kubectl scale deployment/quartz --replicas=0")
        #expect(evidenceRepair("kubectl rollout restart quartz", "restart quartz").command == "kubectl rollout restart deployment/quartz")
        #expect(evidenceRepair("kubectl scale sts/db --replicas=1", "scale sts db to 1").kinds.isEmpty)
        // The lone word's namespace twin goes too.
        #expect(evidenceRepair("kubectl scale quartz -n quartz --replicas=0", "scale quartz down to zero").command
            == "kubectl scale deployment/quartz --replicas=0")
    }

    @Test func anOutputKubectlLacks() {
        #expect(evidenceRepair("kubectl get secret quartz-db -o jsonpath='{.data.password}' -o base64decode", "decode secret quartz-db key password").command
            == "kubectl get secret quartz-db -o 'jsonpath={.data.password}'")
        #expect(evidenceRepair("kubectl get pods -o wide", "pods wide").kinds.isEmpty)
        // kustomize's -o names a file.
        #expect(evidenceRepair("kubectl kustomize ./k -o base", "render ./k into base").kinds.isEmpty)
    }

    @Test func whatANodeCommandLacks() {
        #expect(evidenceRepair("kubectl drain gpu-3 --ignore-daemonsets -o 'jsonpath={.items[*].metadata.name}' 'go-template=x'",
                               "Mark the node gpu-3 as unschedulable and evict its pods, ignoring daemon sets.").command
            == "kubectl drain gpu-3 --ignore-daemonsets")
        #expect(evidenceRepair("kubectl cordon gpu-3 gpu-4", "cordon gpu-3 and gpu-4").kinds.isEmpty)
    }
}

@Suite("RequestEvidence: stray request words, cron job suspension, label filters, spelled counts and taint effects")
struct RequestEvidenceStrayWordTests {
    @Test func requestWordsAmongTheNames() {
        #expect(evidenceRepair("kubectl get po -o wide ns --sort-by=.spec.nodeName -n sky", "get po -o wide ns sky sorted by node").command
            == "kubectl get po -o wide --sort-by=.spec.nodeName -n sky")
        #expect(evidenceRepair("kubectl describe quota usage ns -n sky", "quota usage ns sky").command == "kubectl describe quota -n sky")
        #expect(evidenceRepair("kubectl get pods usage", "the pod named usage").kinds.isEmpty)
    }

    @Test func aCronJobIsSuspended() {
        #expect(evidenceRepair("kubectl rollout resume cronjob nightly-backup", "resume cj nightly-backup").command
            == #"kubectl patch cronjob nightly-backup -p '{"spec":{"suspend":false}}'"#)
        #expect(evidenceRepair("kubectl rollout pause deployment/web", "pause deploy web").kinds.isEmpty)
    }

    @Test func aLabelThatSelects() {
        #expect(evidenceRepair("kubectl get deployments -n sky --show-labels -l tier=edge", "Show the deployments in the namespace sky with the label tier=edge.").command
            == "kubectl get deployments -n sky -l tier=edge")
        #expect(evidenceRepair("kubectl get deployments --show-labels -l tier=edge", "deployments with tier=edge and their labels").kinds.isEmpty)
    }

    @Test func theEffectOfATaintRemoval() {
        #expect(evidenceRepair("kubectl taint nodes edge-5 dedicated-", "Remove the NoSchedule taint with key dedicated from the node edge-5.").command
            == "kubectl taint nodes edge-5 dedicated:NoSchedule-")
        #expect(evidenceRepair("kubectl taint nodes edge-5 dedicated-", "untaint edge-5 key dedicated").kinds.isEmpty)
    }

    @Test func theOtherValueOfAnOr() {
        #expect(evidenceRepair("kubectl get pods -l tier=edge,core", "List the pods whose label tier is set to edge or core.").command
            == "kubectl get pods -l 'tier in (edge,core)'")
    }
}

@Suite("RequestEvidence: watch-only, invented targets, fields in -l, file commands' extras, node labels in filters")
struct RequestEvidenceFilterTests {
    @Test func onlyTheChanges() {
        #expect(evidenceRepair("kubectl get pods -n mesa --watch", "watch only new pods changes ns mesa").command == "kubectl get pods -n mesa --watch-only")
        #expect(evidenceRepair("kubectl get pods -n mesa --watch", "watch pods ns mesa").kinds.isEmpty)
    }

    @Test func aTargetNobodyNamed() {
        #expect(evidenceRepair("kubectl debug -it mesa-api-1 --image=busybox --target=redis", "Start a debug container from the image busybox in the pod mesa-api-1 and attach to it.").command
            == "kubectl debug -it mesa-api-1 --image=busybox")
        #expect(evidenceRepair("kubectl debug -it mesa-api-1 --image=busybox --target=app", "debug mesa-api-1 busybox target app").kinds.isEmpty)
    }

    @Test func aFieldIsNoLabel() {
        #expect(evidenceRepair("kubectl get pods --selector=status.phase!=Running", "List the pods that are not running.").command
            == "kubectl get pods '--field-selector=status.phase!=Running'")
        // A field no server selects persistent volumes by goes after the move.
        #expect(evidenceRepair("kubectl get pv --selector=status.phase!=Bound", "List the persistent volumes that are not bound.").command
            == "kubectl get pv")
        #expect(evidenceRepair("kubectl get pods -l app.kubernetes.io/name=web", "pods of app.kubernetes.io/name=web").kinds.isEmpty)
    }

    @Test func aFileCommandTakesNoWords() {
        #expect(evidenceRepair("kubectl diff -f ./app.yaml -c deployment service", "diff ./app.yaml vs cluster").command == "kubectl diff -f ./app.yaml")
        #expect(evidenceRepair("kubectl apply -f ./app.yaml", "apply ./app.yaml").kinds.isEmpty)
    }

    @Test func aSpelledCountIsNamed() {
        #expect(evidenceRepair("kubectl logs comet-0 --all-containers --tail=10", "Print the last ten log lines of each container of the pod comet-0.").kinds.isEmpty)
    }

    @Test func aNodeLabelInAFilter() {
        #expect(evidenceRepair("kubectl get nodes --filter=architecture=arm64", "nodes arch arm64").command == "kubectl get nodes -l kubernetes.io/arch=arm64")
    }
}
