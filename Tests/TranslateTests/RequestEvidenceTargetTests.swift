import Testing
@testable import Translate

/// The whole chain an answer goes through (``AnswerFixes``), for the fixes that span several steps.
private func fixed(_ command: String, _ request: String, context: [String] = []) -> String {
    AnswerFixes.apply(command, request: request, context: context).command
}

@Suite("RequestEvidence: targets the answer lost or got wrong")
struct RequestEvidenceTargetTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func aLogsLineThatLostItsPod() {
        #expect(fixed("kubectl logs -f -n data --timestamps --tail=200 -l app=ingress-nginx",
                      "follow envoy sidecar logs on ingest-worker-7c9f8-xk2lp ns data last 200 lines w/ timestamps")
            == "kubectl logs ingest-worker-7c9f8-xk2lp -f -n data --timestamps --tail=200 -c envoy")
        // A selector, or two pods named: nothing to pick.
        #expect(fix("kubectl logs -l app=api -n data-2", "logs of app=api pods in ns data-2").kinds.isEmpty)
        #expect(fix("kubectl logs -n data", "logs of api-0 or api-1 in data").kinds.isEmpty)
    }

    @Test func theStatusOnce() {
        #expect(fix("kubectl rollout status daemonset/node-exporter -n monitoring --revision=1",
                    "Report the rollout status of the daemon set node-exporter in the monitoring namespace once, without watching for further updates.").command
            == "kubectl rollout status daemonset/node-exporter -n monitoring --watch=false")
        #expect(fixed("kubectl rollout status deploy/web --watch=false", "rollout status deploy web once")
            == "kubectl rollout status deploy/web --watch=false")
        #expect(fix("kubectl rollout status deploy/web", "watch the rollout of deploy web").kinds.isEmpty)
    }

    @Test func bytesAreNotLines() {
        #expect(fixed("kubectl logs ingest-7d9f8c-xk2lp --since=2024-05-14T08:00:00Z --tail=500000",
                      "Print the logs of the pod ingest-7d9f8c-xk2lp written since 2024-05-14T08:00:00Z, returning at most 500000 bytes.")
            == "kubectl logs ingest-7d9f8c-xk2lp --since-time=2024-05-14T08:00:00Z --limit-bytes=500000")
        #expect(fix("kubectl logs web-0 --tail=100", "last 100 lines of web-0, lines under 2000 bytes").kinds.isEmpty)
        #expect(fixed("kubectl logs web-0 --since=2h", "logs of web-0 since 2h") == "kubectl logs web-0 --since=2h")
    }

    @Test func theEventsOfEveryObjectOfAType() {
        #expect(fixed("kubectl events --for persistentvolumeclaim/objects -n storage",
                      "List the events in the storage namespace that concern PersistentVolumeClaim objects, sorted by their last timestamp.")
            == "kubectl get events --field-selector=involvedObject.kind=PersistentVolumeClaim -n storage --sort-by=.lastTimestamp")
        #expect(fix("kubectl get events -n shop", "warning events about pods in shop").command
            == "kubectl get events --field-selector=involvedObject.kind=Pod,type=Warning -n shop")
        // One object, or no type: left to the other checks.
        #expect(fix("kubectl events --for pod/web-0 -n shop", "events of pod web-0 in shop").kinds.isEmpty)
        #expect(fix("kubectl get events -n shop", "events in ns shop sorted by time").kinds.isEmpty)
    }

    @Test func aPatchPathAsTheTypeHasIt() {
        #expect(fix(#"kubectl patch pod api-7d9f8c-xk2lp --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"api:3"}]'"#,
                    "json patch the image of the first container of pod api-7d9f8c-xk2lp to api:3").command
            == #"kubectl patch pod api-7d9f8c-xk2lp --type=json -p '[{"op":"replace","path":"/spec/containers/0/image","value":"api:3"}]'"#)
        #expect(fix(#"kubectl patch deployment api --type=json -p '[{"op":"remove","path":"/spec/containers/0/args"}]'"#,
                    "json patch deploy api remove args of first container").command
            == #"kubectl patch deployment api --type=json -p '[{"op":"remove","path":"/spec/template/spec/containers/0/args"}]'"#)
        #expect(fix(#"kubectl patch deployment api --type=json -p '[{"op":"replace","path":"/spec/replicas","value":3}]'"#,
                    "json patch deploy api replicas 3").kinds.isEmpty)
    }

    @Test func theVerbsAResourceSupports() {
        #expect(fixed("kubectl api-resources --namespaced=true -o name", "namespaced api resources that support list")
            == "kubectl api-resources --namespaced=true --verbs=list")
        #expect(fix("kubectl api-resources --namespaced=true", "namespaced api resources").kinds.isEmpty)
    }

    @Test func aServerSideDryRun() {
        #expect(fix("kubectl apply --server-side -R -f manifests",
                    "Recursively apply all manifests in the manifests directory using server-side apply, as a server-side dry run only.").command
            == "kubectl apply --server-side -R -f manifests --dry-run=server")
        #expect(fix("kubectl apply -f app.yaml --dry-run=client", "dry run apply app.yaml").kinds.isEmpty)
        #expect(fix("kubectl apply --server-side -f app.yaml", "server-side apply app.yaml").kinds.isEmpty)
    }

    @Test func aPodsNodeIsAFieldNotALabel() {
        #expect(fix("kubectl get pods -A --field-selector=status.phase=Running --selector=node=ip-10-42-7-19.ec2.internal",
                    "running po on node ip-10-42-7-19.ec2.internal across all ns").command
            == "kubectl get pods -A --field-selector=status.phase=Running,spec.nodeName=ip-10-42-7-19.ec2.internal")
        // A label the request writes as one stays.
        #expect(fix("kubectl get pods -l node=worker-1", "pods with label node=worker-1").kinds.isEmpty)
    }
}

@Suite("Answer fixes: values, forms and names of this round")
struct AnswerFixesRoundTests {
    @Test func wholeSecondsForAnIntegerFlag() {
        #expect(CommandRepair.repair("kubectl drain n1 --ignore-daemonsets --grace-period=30s").command
            == "kubectl drain n1 --ignore-daemonsets --grace-period=30")
        #expect(CommandRepair.repair("kubectl delete pod web-0 --grace-period 2m").command == "kubectl delete pod web-0 --grace-period 120")
        // A duration flag keeps its unit; a bare number is left alone.
        #expect(CommandRepair.repair("kubectl wait --for=delete pod/a --timeout=60s").rewrites.isEmpty)
        #expect(CommandRepair.repair("kubectl delete pod web-0 --grace-period=0").rewrites.isEmpty)
        #expect(CommandRepair.seconds("1m30s") == 90)
        #expect(CommandRepair.seconds("30") == nil)
        #expect(CommandRepair.seconds("5x") == nil)
    }

    @Test func aSortByAColumnsHeader() {
        #expect(fixed("kubectl get po -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --sort-by=NODE -n s",
                      "po in s custom cols NAME NODE sorted by node")
            == "kubectl get po -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --sort-by=.spec.nodeName -n s")
        #expect(fixed("kubectl get pods --sort-by=NAME", "pods sorted by name") == "kubectl get pods --sort-by=.metadata.name")
        #expect(fixed("kubectl get pods --sort-by=.metadata.name", "pods sorted by name") == "kubectl get pods --sort-by=.metadata.name")
    }

    @Test func aTaintTakenOff() {
        #expect(fixed("kubectl taint nodes gpu-4 dedicated=ml:NoSchedule", "take the dedicated=ml:NoSchedule taint off gpu-4")
            == "kubectl taint nodes gpu-4 dedicated=ml:NoSchedule-")
        #expect(fixed("kubectl taint nodes w-03 gpu:NoSchedule", "Remove the taint with the key gpu and the effect NoSchedule from the node w-03.")
            == "kubectl taint nodes w-03 gpu:NoSchedule-")
        // "with" that adds stays an addition.
        #expect(fixed("kubectl taint nodes w-03 gpu=true:NoSchedule", "taint node w-03 with gpu=true:NoSchedule")
            == "kubectl taint nodes w-03 gpu=true:NoSchedule")
    }

    @Test func aServiceAccountWrittenTheWrongWayRound() {
        #expect(fixed("kubectl auth can-i delete deployments -n team-otter --as=system:serviceaccount:ci-deployer:delete",
                      "can sa ci-deployer delte deployments in team-otter")
            == "kubectl auth can-i delete deployments -n team-otter --as=system:serviceaccount:team-otter:ci-deployer")
        #expect(fixed("kubectl create rolebinding rb -n finance --role=deployer --serviceaccount=ci-deployer:delivery",
                      "In the finance namespace, bind the role deployer as rb to the service account ci-deployer from the delivery namespace.")
            == "kubectl create rolebinding rb -n finance --role=deployer --serviceaccount=delivery:ci-deployer")
        // Right already.
        #expect(fixed("kubectl create rolebinding rb -n finance --role=deployer --serviceaccount=delivery:ci-deployer",
                      "In the finance namespace, bind the role deployer as rb to the service account ci-deployer from the delivery namespace.")
            == "kubectl create rolebinding rb -n finance --role=deployer --serviceaccount=delivery:ci-deployer")
    }

    @Test func aFileKeepsItsDotSlash() {
        #expect(fixed("kubectl create configmap flags --from-literal=A=1 --from-file=ingest.properties",
                      "cm flags w/ literal A=1 plus file ./ingest.properties")
            == "kubectl create configmap flags --from-literal=A=1 --from-file=./ingest.properties")
    }

    @Test func aFlagNamedAfterTheKeyIsThePair() {
        #expect(fixed("kubectl api-resources --namespaced=false", "namespaced=false api resources")
            == "kubectl api-resources --namespaced=false")
        #expect(fixed("kubectl create rolebinding view-rb --role=viewer --user=amy -n docs", "rb view-rb role=viewer user=amy ns docs")
            == "kubectl create rolebinding view-rb --role=viewer --user=amy -n docs")
    }

    @Test func theCronJobBeforeItsType() {
        #expect(fixed("kubectl create job settle-1 --from=cronjob/now -n billing", "kick off nightly-settlement cronjob now as job settle-1 ns billing")
            == "kubectl create job settle-1 --from=cronjob/nightly-settlement -n billing")
        #expect(fixed("kubectl create job tick-manual --from=cronjob/tick", "run cronjob tick now as job tick-manual")
            == "kubectl create job tick-manual --from=cronjob/tick")
    }

    @Test func theTypeWrittenBeforeTheName() {
        #expect(fixed("kubectl wait --for=delete --timeout=60s deployment/orders-db-0 -n orders", "block til po orders-db-0 is gone ns orders max 60s")
            == "kubectl wait --for=delete --timeout=60s pod/orders-db-0 -n orders")
    }

    @Test func aNamespaceInsideAnotherName() {
        #expect(fixed("kubectl events --for pod/orders-db-0 --types=Warning -w", "watch warning events for po orders-db-0 in orders")
            == "kubectl events --for pod/orders-db-0 --types=Warning -w -n orders")
        // Used as a name of its own: not added.
        #expect(fixed("kubectl get ns orders", "show ns orders") == "kubectl get ns orders")
    }

    @Test func aNamespaceMarkerThatEndsTheRequest() {
        #expect(fixed("kubectl annotate svc ledger-api owner-", "drop the owner annotation off svc ledger-api billing ns")
            == "kubectl annotate svc ledger-api owner- -n billing")
        #expect(fixed("kubectl debug pay-2 -it --copy-to=pay-2-dbg --share-processes",
                      "Create a debug copy of the pod pay-2 called pay-2-dbg that shares its process namespace.")
            == "kubectl debug pay-2 -it --copy-to=pay-2-dbg --share-processes")
    }

    @Test func aLostSelectorOfTop() {
        #expect(fixed("kubectl top po -n streaming --containers --sort-by=memory", "top po in streaming app=kafka per container sorted by mem")
            == "kubectl top po -n streaming --containers --sort-by=memory -l app=kafka")
    }

    @Test func anEmptyNamespaceFlagGoesAlone() {
        #expect(fixed("kubectl auth can-i delete pods -n -o yaml --as=priya", "can priya delete pods, as yaml")
            == "kubectl auth can-i delete pods -o yaml --as=priya")
    }

    @Test func aFileNamesNoFormat() {
        #expect(fixed("kubectl get -f bundle.yaml", "Show the objects defined in the file bundle.yaml.") == "kubectl get -f bundle.yaml")
        #expect(fixed("kubectl get -f bundle.yaml", "Show the objects in bundle.yaml as yaml") == "kubectl get -f bundle.yaml -o yaml")
    }

    @Test func theHostOfAURLIsTheRequests() {
        #expect(fixed("kubectl run curl --image=curlimages/curl -it --rm --restart=Never -- curl http://quartz",
                      "curl svc quartz from a throwaway pod")
            == "kubectl run curl --image=curlimages/curl -it --rm --restart=Never -- curl http://quartz")
    }

    @Test func impersonationIsNotASearch() {
        #expect(fixed("kubectl get pods -n qa --as=system:serviceaccount:qa:robot", "impersonate sa robot in ns qa and list pods")
            == "kubectl get pods -n qa --as=system:serviceaccount:qa:robot")
    }

    @Test func everyNamespaceLeavesTheNextWordAlone() {
        #expect(fixed("kubectl top pods -A --sort-by=cpu", "top po all ns sort cpu") == "kubectl top pods -A --sort-by=cpu")
        #expect(fixed("kubectl get pods -A --no-headers", "count pods all ns") == "kubectl get pods -A --no-headers")
        #expect(fixed("kubectl logs hex-1 --since=30m --timestamps", "logs pod hex-1 since 30m ts") == "kubectl logs hex-1 --since=30m --timestamps")
    }

    @Test func aTimeOfDayIsTheSchedule() {
        #expect(fixed(#"kubectl create cronjob rep --image=r:1 --schedule='0 415 * * 0'"#, "Create a cron job named rep with the image r:1 every Sunday at 04:15.")
            == #"kubectl create cronjob rep --image=r:1 '--schedule=15 4 * * 0'"#)
        #expect(RequestEvidence.timedSchedule(RequestText("daily at 2:30am")) == "30 2 * * *")
        #expect(RequestEvidence.timedSchedule(RequestText("weekdays at 11pm")) == "0 23 * * 1-5")
        #expect(RequestEvidence.timedSchedule(RequestText("at midnight on saturdays")) == "0 0 * * 6")
        // Equivalent already, or more than a day and a time: left alone.
        #expect(fixed(#"kubectl create cronjob rep --image=r:1 --schedule="15 4 * * SUN""#, "cronjob rep image r:1 sundays at 04:15")
            == #"kubectl create cronjob rep --image=r:1 --schedule="15 4 * * SUN""#)
        #expect(RequestEvidence.timedSchedule(RequestText("at 3 every first monday of the month")) == nil)
        #expect(RequestEvidence.timedSchedule(RequestText("at 3 and 5 pm")) == nil)
    }
}

@Suite("RequestEvidence: ports in pairs, a stray namespace word, a taint as written")
struct RequestEvidencePairTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func eachLocalPortToItsRemoteOne() {
        #expect(fix("kubectl port-forward svc/gw -n finance --address 0.0.0.0 80 443",
                    "Forward local ports 8080 and 8443 to ports 80 and 443 of the service gw in the finance namespace, listening on all network interfaces.").command
            == "kubectl port-forward svc/gw -n finance --address 0.0.0.0 8080:80 8443:443")
        #expect(fix("kubectl port-forward pod/db 5000 6000", "Listen on ports 5000 and 6000 locally, forwarding to ports 5000 and 6000 in the pod db").kinds.isEmpty)
        // One port each side is another check's.
        #expect(fix("kubectl port-forward svc/gw 8080:80", "forward local 8080 to 80 of svc gw").kinds.isEmpty)
    }

    @Test func aNamespaceWrittenAsAName() {
        #expect(fix("kubectl annotate svc ledger-api billing owner-", "drop the owner annotation off svc ledger-api billing ns").command
            == "kubectl annotate svc ledger-api owner- -n billing")
        // A word the request also uses as a name stays.
        #expect(fix("kubectl get pods billing api", "pods billing and api in ns billing").kinds.isEmpty)
    }

    @Test func aTaintRemovedAsTheRequestWritesIt() {
        #expect(fix("kubectl taint nodes gpu-4 dedicated:NoSchedule", "take the dedicated=ml:NoSchedule taint off gpu-4").command
            == "kubectl taint nodes gpu-4 dedicated=ml:NoSchedule-")
    }
}

@Suite("RequestEvidence: objects chosen by state, label or name, and words that are no object")
struct RequestEvidenceChoiceTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func completedJobsAreNotAllJobs() {
        #expect(fix("kubectl delete job --all -n batch", "Delete the completed jobs in namespace batch.").command
            == "kubectl delete job -n batch --field-selector=status.successful=1")
        #expect(fix("kubectl delete pods --all -n ci", "delete the failed pods in ci").command
            == "kubectl delete pods -n ci --field-selector=status.phase=Failed")
        // Every job: left alone.
        #expect(fix("kubectl delete jobs --all -n batch", "delete all jobs in batch").kinds.isEmpty)
    }

    @Test func aMadeUpPodForTheRequestsLabel() {
        #expect(fix("kubectl delete pod report-gen-7d9f8-x2k4q -n reports --force", "pods with label app=report-gen in ns reports, delete them force").command
            == "kubectl delete pod -n reports --grace-period=0 --force -l app=report-gen")
        // A pod the request names stays.
        #expect(fix("kubectl delete pod report-gen-0 -n reports", "delete pod report-gen-0 (app=report-gen) in ns reports").kinds.isEmpty)
    }

    @Test func labelsWrittenAsFields() {
        #expect(fix("kubectl get pods -n edge --field-selector=metadata.labels.canary!=,metadata.labels.track!=beta -o json",
                    "pods in edge without a canary label and track other than beta, as json").command
            == "kubectl get pods -n edge -o json -l '!canary,track!=beta'")
        #expect(fix("kubectl get pods --field-selector=status.phase=Running", "running pods").kinds.isEmpty)
    }

    @Test func plainWordsAreNoNodes() {
        #expect(fix("kubectl cordon ip-10-1-4-22 quick", "cordon ip-10-1-4-22 quick, node is going bad").command == "kubectl cordon ip-10-1-4-22")
        #expect(fix("kubectl cordon edge core", "cordon nodes edge and core").kinds.isEmpty)
    }

    @Test func theNodeColumnNamesNoNode() {
        #expect(!fix("kubectl get pods -n pay -o wide", "pods in pay with the node and IP columns").kinds.contains(.fieldSelector))
        #expect(fix("kubectl get pods", "pods on node worker-7").command == "kubectl get pods --field-selector spec.nodeName=worker-7")
    }

    @Test func everyActionIsTheList() {
        #expect(fix("kubectl auth can-i list pods -n staging", "List every action the current user is allowed to perform in namespace staging.").command
            == "kubectl auth can-i --list -n staging")
        #expect(fix("kubectl auth can-i list pods -n staging", "can I list pods in staging").kinds.isEmpty)
    }

    @Test func terminalFlagsRepeatedAfterTheProgram() {
        #expect(fix("kubectl exec -it db-0 -c pg -- psql -U admin -i", "exec into db-0 container pg run psql -U admin interactive").command
            == "kubectl exec -it db-0 -c pg -- psql -U admin")
        #expect(fix("kubectl exec -it db-0 -- bash -i", "interactive bash -i in db-0").kinds.isEmpty)
    }
}

@Suite("Answer fixes: a name left out, debug's attach")
struct AnswerFixesExceptTests {
    @Test func everyPodButOne() {
        #expect(CommandRepair.repair("kubectl delete pods -n lt --all --not-name lt-ctl").command
            == "kubectl delete pods -n lt --field-selector=metadata.name!=lt-ctl")
        #expect(CommandRepair.repair("kubectl get pods --exclude=a,b").command
            == "kubectl get pods --field-selector=metadata.name!=a,metadata.name!=b")
    }

    @Test func debugAttachesWithIt() {
        #expect(fixed("kubectl debug api-5d8f9b-qk2lm -it --image=busybox --target=api --attach",
                      "debug pod api-5d8f9b-qk2lm, ephemeral busybox container targetting container api, interactive")
            == "kubectl debug api-5d8f9b-qk2lm -it --image=busybox --target=api")
    }
}

@Suite("Answer fixes: complex requests")
struct AnswerFixesComplexTests {
    @Test func aDurationGivenToTailIsSince() {
        #expect(fixed("kubectl logs -l app=ingest -n data --all-containers --tail=1h", "logs all po w/ app=ingest ns data all containers last 1h")
            == "kubectl logs -l app=ingest -n data --all-containers --since=1h")
        #expect(CommandRepair.repair("kubectl logs web-0 --tail=20").rewrites.isEmpty)
        // `--tail` counts lines: a duration there is no number of seconds.
        #expect(!CommandRepair.repair("kubectl logs web-0 --tail=1h").command.contains("3600"))
    }

    @Test func theRestartPolicyFlag() {
        #expect(CommandRepair.repair("kubectl create cronjob r --image=r:1 --schedule='0 2 * * *' --restart-policy=OnFailure").command
            == "kubectl create cronjob r --image=r:1 --schedule='0 2 * * *' --restart=OnFailure")
    }

    @Test func anUnknownFormatBecomesTheNamedOne() {
        #expect(fixed("kubectl get deployments -A -l '!team' -o jsonl", "Retrieve, in JSON format, all deployments across all namespaces that do not have a team label.")
            == "kubectl get deployments -A -l '!team' -o json")
        #expect(fixed("kubectl get pods -o jsonl", "list pods") == "kubectl get pods")
    }

    @Test func customColumnsAreNoLabels() {
        #expect(fixed("kubectl get pvc -A -o custom-columns=NAME:.metadata.name,NS:.metadata.namespace",
                      "pvc all ns custom cols NAME=.metadata.name NS=.metadata.namespace")
            == "kubectl get pvc -A -o custom-columns=NAME:.metadata.name,NS:.metadata.namespace")
    }

    @Test func theContainerOfSetEnv() {
        #expect(fixed("kubectl set env deployment/ledger-api -n billing LOG_LEVEL=debug", "set env on deploy ledger-api container api LOG_LEVEL=debug ns billing")
            == "kubectl set env deployment/ledger-api -n billing LOG_LEVEL=debug -c api")
        #expect(fixed("kubectl logs cart-6b7d9-4kq2m -c app", "logs of cart-6b7d9-4kq2m, the app container rather than the sidecar")
            == "kubectl logs cart-6b7d9-4kq2m -c app")
    }

    @Test func oneTargetForEveryPort() {
        #expect(fixed("kubectl port-forward svc/ledger-api 8080:80 svc/ledger-api 9090:9090 --address 0.0.0.0 -n billing",
                      "port fwd svc ledger-api 8080:80 and 9090:9090 on all interfaces ns billing")
            == "kubectl port-forward svc/ledger-api 8080:80 9090:9090 --address 0.0.0.0 -n billing")
    }

    @Test func namespacedResources() {
        #expect(fixed("kubectl api-resources --api-group=apps --verbs=list -o wide",
                      "List the namespaced API resources in the apps API group that support the list verb, using the wide output format.")
            == "kubectl api-resources --api-group=apps --verbs=list -o wide --namespaced=true")
        #expect(fixed("kubectl api-resources", "cluster-scoped api resources") == "kubectl api-resources --namespaced=false")
        #expect(fixed("kubectl api-resources", "api resources") == "kubectl api-resources")
    }

    @Test func aLabelTheObjectsDoNotHave() {
        #expect(fixed("kubectl get nodes -l topology.kubernetes.io/zone=eu-west-1a",
                      "List the nodes whose topology.kubernetes.io/zone label is eu-west-1a and that do not have the node-role.kubernetes.io/control-plane label.")
            == "kubectl get nodes -l 'topology.kubernetes.io/zone=eu-west-1a,!node-role.kubernetes.io/control-plane'")
    }

    @Test func theNamespaceTheCommandRunsIn() {
        #expect(AskedFlags.namedNamespace("Check whether the service account ci-bot from the billing namespace can create deployments in the shop namespace.") == "shop")
        #expect(AskedFlags.namedNamespace("list pods in the shop namespace") == "shop")
    }

    @Test func aFixedFlagOfTheFailedCommandStays() {
        let context = ["last command (exit 1): kubectl get pods -l app=cart -o wdie"]
        #expect(FlagEvidence.prune("kubectl get pods -l app=cart -o wide", request: "fix it", context: context).dropped.isEmpty)
    }
}

@Suite("FlagEvidence: a row picked by its restarts")
struct FlagEvidenceRestartPickTests {
    @Test func mostRestartsAsksForNoPreviousLogs() {
        #expect(FlagEvidence.prune("kubectl logs api-0 --previous", request: "logs of the one w/ most restarts", context: []).dropped == ["--previous"])
        #expect(FlagEvidence.prune("kubectl logs api-0 --previous", request: "Show the logs of the pod that has restarted the most.", context: []).dropped == ["--previous"])
        #expect(FlagEvidence.prune("kubectl logs api-0 --previous", request: "logs of api-0 before the restart", context: []).dropped.isEmpty)
    }
}

@Suite("RequestEvidence: the pair that says which objects carry it")
struct RequestEvidenceCarriedPairTests {
    @Test func theCarriedPairSelects() {
        #expect(evidenceRepair("kubectl label nodes --overwrite node.kubernetes.io/instance-type=m5.xlarge pool=general",
                               "Add the label pool=general to all nodes that carry the label node.kubernetes.io/instance-type=m5.xlarge, overwriting any existing pool label.").command
            == "kubectl label nodes --overwrite pool=general -l node.kubernetes.io/instance-type=m5.xlarge")
        #expect(evidenceRepair("kubectl label pod --all app=cart -n shop release=canary --overwrite",
                               "label po w/ app=cart in ns shop release=canary overwrite if already set").command
            == "kubectl label pod -n shop release=canary --overwrite -l app=cart")
        // "with" that adds: the pair before it selects (the older rule), never the one after.
        #expect(evidenceRepair("kubectl label pod app=rumba canary=true", "label pods app=rumba with canary=true").command
            == "kubectl label pod canary=true -l app=rumba")
    }

    @Test func setResourcesKeepsOneContainerFlag() {
        #expect(evidenceRepair("kubectl set resources deployment/cart -c app --limits=cpu=500m", "set resources deploy cart container app limits cpu=500m").kinds.isEmpty)
    }
}

@Suite("Recopy: a pod's generated suffix")
struct RecopySuffixTests {
    @Test func theSameSuffixUnderAnotherPrefix() {
        #expect(Recopy.sharedStem("worker-5f6b9-qx7lm", "cart-5f6b9-qx7lm"))
        #expect(!Recopy.sharedStem("web-0", "api-0"))
        #expect(fixed("kubectl cp ./fixtures worker-5f6b9-qx7lm:/tmp/fixtures -c seeder -n shop",
                      "Copy the local directory ./fixtures to /tmp/fixtures in the seeder container of pod cart-5f6b9-qx7lm in the shop namespace.")
            == "kubectl cp ./fixtures cart-5f6b9-qx7lm:/tmp/fixtures -c seeder -n shop")
    }
}

@Suite("RequestEvidence: scaling on a condition, a run's arguments")
struct RequestEvidenceRunScaleTests {
    @Test func scaleOnlyFromTheCurrentSize() {
        #expect(evidenceRepair("kubectl scale statefulset/kafka-broker --replicas=5 -n streaming",
                               "scale sts kafka-broker to 5 but only if its currently at 3 ns streaming").command
            == "kubectl scale statefulset/kafka-broker --replicas=5 -n streaming --current-replicas=3")
        #expect(evidenceRepair("kubectl scale deployment/mysql --replicas=3", "If the deployment mysql's current size is 2, scale it to 3").command
            == "kubectl scale deployment/mysql --replicas=3 --current-replicas=2")
        #expect(evidenceRepair("kubectl scale deployment/mysql --replicas=3", "scale mysql to 3").kinds.isEmpty)
    }

    @Test func argumentsAfterTheDash() {
        #expect(evidenceRepair("kubectl run probe --image=k6:0.49 --restart=Never --command run /scripts/smoke.js",
                               "run pod probe from k6:0.49, never restart, passing the arguments run /scripts/smoke.js to its entrypoint").command
            == "kubectl run probe --image=k6:0.49 --restart=Never -- run /scripts/smoke.js")
        #expect(evidenceRepair("kubectl run probe --image=k6:0.49 --command sleep 3600", "run probe from k6:0.49 with the command sleep 3600").command
            == "kubectl run probe --image=k6:0.49 --command -- sleep 3600")
    }
}

@Suite("RequestEvidence: a container named sidecar")
struct RequestEvidenceSidecarTests {
    @Test func theWordBeforeSidecarUnlessItIsAMarker() {
        #expect(RequestEvidence.namedContainer(RequestText("attach to quill-7 ctr sidecar interactive tty")) == "sidecar")
        #expect(RequestEvidence.namedContainer(RequestText("follow envoy sidecar logs on api-7c9f8-xk2lp")) == "envoy")
        #expect(RequestEvidence.namedContainer(RequestText("logs of the sidecar of api-0")) == nil)
    }
}
