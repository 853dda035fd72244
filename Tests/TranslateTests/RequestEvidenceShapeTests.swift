import Testing
@testable import Translate

@Suite("RequestEvidence: selectors, identities, names, schedules and usage in kubectl's shapes")
struct RequestEvidenceShapeTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    func fixed(_ command: String, _ request: String) -> String {
        AnswerFixes.apply(command, request: request, context: []).command
    }

    @Test func selectorsKubectlReadsWhole() {
        #expect(fix("kubectl get pods -n glade -l stage!=dev -l stage!=test",
                    "List the pods in the namespace glade whose label stage is neither dev nor test.").command
            == "kubectl get pods -n glade -l 'stage notin (dev,test)'")
        #expect(fix("kubectl get pods -l app=web -l tier=db", "pods app=web tier=db").command == "kubectl get pods -l app=web,tier=db")
        #expect(fix("kubectl get pods -l app=web", "pods app=web").kinds.isEmpty)
    }

    @Test func anUnaskedPhaseGoes() {
        #expect(fix("kubectl get pods -n mesa '--field-selector=status.phase!=Running' -l 'app!=legacy'", "pods app!=legacy in ns mesa").command
            == "kubectl get pods -n mesa -l 'app!=legacy'")
        #expect(fix("kubectl get pods --field-selector=status.phase!=Running", "pods that are not up").kinds.isEmpty)
        #expect(fix("kubectl get pods --field-selector=status.phase=Failed", "delete the broken ones").kinds.isEmpty)
    }

    @Test func theIdentityARequestActsAs() {
        #expect(fix("kubectl get nodes", "get nodes as grp admins user bob").command == "kubectl get nodes --as=bob --as-group=admins")
        #expect(fix("kubectl get pods", "list pods as user jane").command == "kubectl get pods --as=jane")
        #expect(fix("kubectl get pods --as=jane", "list pods as user jane").kinds.isEmpty)
        #expect(fix("kubectl get pods -o wide", "show pods as a wide table").kinds.isEmpty)
    }

    @Test func namesTypesAndImages() {
        #expect(fix("kubectl scale deployment a,b --replicas=2", "scale deploy a,b to 2").command == "kubectl scale deployment a b --replicas=2")
        #expect(fix("kubectl set image deployment/ledger api=registry.local/ledger:5", "img for ctr api in sts ledger -> ledger:5").command
            == "kubectl set image statefulset/ledger api=ledger:5")
        #expect(fix("kubectl run web --image=docker.io/nginx:1.27", "run web with nginx:1.27").command == "kubectl run web --image=nginx:1.27")
        // A type the request does not give, or the same one: unchanged.
        #expect(fix("kubectl rollout restart deployment/web", "restart web").kinds.isEmpty)
        #expect(fix("kubectl rollout restart deployment/web", "restart deploy web").kinds.isEmpty)
    }

    @Test func plainSchedules() {
        #expect(RequestEvidence.plainSchedule(RequestText("runs the image busybox every hour")) == "0 * * * *")
        #expect(RequestEvidence.plainSchedule(RequestText("every 15 minutes")) == "*/15 * * * *")
        #expect(RequestEvidence.plainSchedule(RequestText("nightly backup")) == "0 0 * * *")
        #expect(RequestEvidence.plainSchedule(RequestText("every day at 3am")) == nil)
        #expect(RequestEvidence.plainSchedule(RequestText("run busybox:1.36 hourly")) == "0 * * * *")
        #expect(RequestEvidence.plainSchedule(RequestText("every day 02:30")) == nil)
        #expect(fix("kubectl create cronjob tidy --image=busybox --schedule='* * * * *'",
                    "Create a cron job named tidy that runs the image busybox every hour.").command
            == "kubectl create cronjob tidy --image=busybox '--schedule=0 * * * *'")
    }

    @Test func usageIsSortedByTop() {
        #expect(fix("kubectl get pods -n fin --sort-by=memory", "pods by mem usage ns fin").command == "kubectl top pods -n fin --sort-by=memory")
        #expect(fix("kubectl get pods --sort-by=.metadata.name", "pods by name").kinds.isEmpty)
    }

    @Test func copiesPutBack() {
        #expect(fixed("kubectl taint nodes store-4 db:NoSchedule", "Add the taint role=db:NoSchedule to the node store-4.")
            == "kubectl taint nodes store-4 role=db:NoSchedule")
        #expect(fixed("kubectl kustomize envs/prod", "kustomize ./env/prod") == "kubectl kustomize ./env/prod")
        #expect(fixed("kubectl port-forward pod/db-0 5432:5432", "pf pod db-0 5432") == "kubectl port-forward pod/db-0 5432")
        #expect(fixed("kubectl port-forward db-0 8080:8080", "forward 8080 to 8080 of db-0") == "kubectl port-forward db-0 8080:8080")
        #expect(fixed("kubectl create configmap site-html --from-dir=./html", "Create a config map named site-html from the directory ./html.")
            == "kubectl create configmap site-html --from-file=./html")
    }

    @Test func containersByName() {
        #expect(fixed("kubectl cp tern-0:/var/log/app.log ./app.log", "Copy the file /var/log/app.log from the container main of the pod tern-0 to ./app.log.")
            == "kubectl cp tern-0:/var/log/app.log ./app.log -c main")
        #expect(fixed("kubectl logs statefulset/db", "logs sts db all ctrs") == "kubectl logs statefulset/db --all-containers")
        #expect(fixed("kubectl logs web-0", "logs of the main container of web-0") == "kubectl logs web-0")
    }

    @Test func warningEventsStreamed() {
        #expect(fix("kubectl get events -n pier --field-selector=type=Warning --watch", "Stream the warning events of the namespace pier.").command
            == "kubectl events -n pier --types=Warning --watch")
        #expect(fix("kubectl get events -n cash --field-selector=type=Deployment -l name=mint", "evts for deploy mint ns cash").command
            == "kubectl events --for deployment/mint -n cash")
    }

    @Test func removalsDebuggingAndCommands() {
        #expect(fix("kubectl taint nodes nd-5 dedicated:NoSchedule-", "untaint node nd-5 dedicated").command == "kubectl taint nodes nd-5 dedicated-")
        #expect(fix("kubectl taint nodes nd-5 dedicated:NoSchedule-", "untaint nd-5 dedicated NoSchedule").kinds.isEmpty)
        #expect(fix("kubectl debug vat-1 --image=busybox --target=app", "debug vat-1 with busybox targeting app").command
            == "kubectl debug vat-1 -it --image=busybox --target=app")
        #expect(fix("kubectl debug vat-1 --image=busybox -- ls /", "run ls / in a busybox debug container of vat-1").kinds.isEmpty)
        #expect(fix("kubectl create job pi --image=perl --command=perl -v", "job pi with perl running perl -v").command
            == "kubectl create job pi --image=perl -- perl -v")
        #expect(fix("kubectl exec -it wkr-8 -- sh", "node shell wkr-8 busybox").command == "kubectl debug node/wkr-8 -it --image=busybox")
    }

    @Test func eventsOfTheNamedObjectOnly() {
        #expect(fix("kubectl events --for pod/redis-0 -w -n stream", "events sts kafka ns stream").command
            == "kubectl events --for statefulset/kafka -n stream -w")
        #expect(fix("kubectl events --for pod/kafka-0 -n stream", "events of pod kafka-0 of sts kafka").kinds.isEmpty)
    }

    @Test func aCronJobRunAsANamedJob() {
        #expect(fix("kubectl create job sync-now --from=cronjob/sync-now -n ops", "kick cronjob sync now as sync-now ns ops").command
            == "kubectl create job sync-now --from=cronjob/sync -n ops")
    }
}
