import Testing
@testable import Translate

/// The whole chain an answer goes through (``AnswerFixes``).
private func fixed(_ command: String, _ request: String, context: [String] = []) -> String {
    AnswerFixes.apply(command, request: request, context: context).command
}

@Suite("RequestEvidence: what the request wrote, put back")
struct RequestEvidenceWrittenTests {
    func fix(_ command: String, _ request: String, context: [String] = []) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request, context: context)
    }

    @Test func aMistypedTypeIsTheTypeItIsOneLetterFrom() {
        #expect(fixed("kubectl get deploymnet -n orchard", "get deploymnet in orchard") == "kubectl get deployment -n orchard")
        #expect(fix("kubectl get ingresss -n orchard", "get ingresss in orchard").command.hasPrefix("kubectl get ingress"))
        // A custom resource far from every built-in type stays.
        #expect(fix("kubectl get virtualservices -n mesh", "virtualservices in mesh").kinds.isEmpty)
        #expect(fix("kubectl get certificates -A", "certificates everywhere").kinds.isEmpty)
    }

    @Test func anAdjectiveIsNoNamespace() {
        #expect(fixed("kubectl edit svc orchard -n default", "Edit the service named orchard in the default editor.")
            == "kubectl edit svc orchard")
        #expect(fix("kubectl get pods -n default", "pods in the default namespace").kinds.isEmpty)
        #expect(fix("kubectl get pods -n default", "pods in default").kinds.isEmpty)
        // A bare namespace word before a noun is still the namespace.
        #expect(fixed("kubectl set resources deployment/ledger-api -n billing --limits=cpu=500m",
                      "set resources on deploy ledger-api billing limits cpu 500m")
            == "kubectl set resources deployment/ledger-api -n billing --limits=cpu=500m")
    }

    @Test func aWordThatCarriesTheSentenceIsNoNamespace() {
        #expect(fixed("kubectl get pods -A -n except -l 'env!=prod'",
                      "List the pods in every namespace except those whose env label is prod.")
            == "kubectl get pods -A -l 'env!=prod'")
        #expect(AskedFlags.namedNamespace("List the pods in every namespace except those whose env label is prod.") == nil)
        #expect(fix("kubectl get pods -n only", "pods in ns only", context: ["namespace: only"]).kinds.isEmpty)
    }

    @Test func aMisspeltMarkerIsNoNamespace() {
        #expect(fixed("kubectl delete pod quill-worker-7b9d4 -n namespce --grace-period=0 --force",
                      "force delete po quill-worker-7b9d4 in namespce publishing grace period 0")
            == "kubectl delete pod quill-worker-7b9d4 -n publishing --grace-period=0 --force")
        #expect(AskedFlags.namedNamespace("sh into web-0 ctr agent namepsace queue") == "queue")
    }

    @Test func anExplicitNamespaceMarkerWinsOverIn() {
        #expect(AskedFlags.namedNamespace("exec env in kestrel-0 container agent ns harbor") == "harbor")
        #expect(AskedFlags.namedNamespace("pods in shop or in billing") == nil)
    }

    @Test func aContainerNobodyNamedGoes() {
        #expect(fixed("kubectl logs ledger-0 -c ledger -p", "logs ledger-0 prev container") == "kubectl logs ledger-0 -p")
        #expect(fix("kubectl logs ledger-0 -c ledger", "logs of ledger-0 container ledger").kinds.isEmpty)
        #expect(fix("kubectl logs web-0 -c proxy", "logs web-0 proxy").kinds.isEmpty)
    }

    @Test func aMistypedContainerWordStillNamesIt() {
        #expect(fixed("kubectl logs orchard-db-0 -n orchard --previous --tail=200 --timestamps",
                      "orchard-db-0 ns orchard logs contaner wal-shipper prev crash last 200 lines w/ timestamps")
            == "kubectl logs orchard-db-0 -n orchard --previous --tail=200 --timestamps -c wal-shipper")
        #expect(fixed("kubectl top pod -n queue -l app=quill-worker --containers --sort-by=memory",
                      "top po ns queue label app=quill-worker per contaner sorted by mem")
            == "kubectl top pod -n queue -l app=quill-worker --containers --sort-by=memory")
        #expect(RequestText("pods that contained errors, namespaced").tokens.contains("contained"))
        #expect(RequestText("pods that contained errors, namespaced").tokens.contains("namespaced"))
    }

    @Test func kubectlsFlagsGoBeforeTheProgram() {
        #expect(fixed("kubectl exec -it kestrel-0 -c agent -- sh -n harbor", "exec env in kestrel-0 container agent ns harbor")
            == "kubectl exec kestrel-0 -c agent -n harbor -- env")
        #expect(fixed("kubectl exec -it web-0 -- sh", "exec into web-0 and run env interactively") == "kubectl exec -it web-0 -- sh")
        #expect(fix("kubectl exec web-0 -n shop -- psql -d reports", "run psql -d reports in web-0 ns shop").kinds.isEmpty)
    }

    @Test func aFileKeepsTheNameTheRequestGivesIt() {
        #expect(fixed("kubectl create secret tls quill-cert --cert=certs/quill.pem --key=certs/quill-key.pem",
                      "tls secret quill-cert cert quill.pem key quill-key.pem")
            == "kubectl create secret tls quill-cert --cert=quill.pem --key=quill-key.pem")
        #expect(fixed("kubectl cp ledger-0:/var/log/app.log ./app.log",
                      "Copy the file /var/log/app.log from the pod ledger-0 to the local file app.log.")
            == "kubectl cp ledger-0:/var/log/app.log app.log")
        #expect(fix("kubectl apply -f k8s/web.yaml", "apply k8s/web.yaml").kinds.isEmpty)
    }

    @Test func aTaintKeepsTheKeyAndTheWholeTaintTheRequestWrites() {
        #expect(fixed("kubectl taint nodes worker-ferry-3 dedicated-NoSchedule:NoSchedule-",
                      "Remove the taint with key dedicated and effect NoSchedule from the node worker-ferry-3.")
            == "kubectl taint nodes worker-ferry-3 dedicated:NoSchedule-")
        #expect(fixed("kubectl taint nodes gpu-node-2 dedicated:NoExecute-ml-", "remove taint dedicated=ml:NoSchedule from node gpu-node-2")
            == "kubectl taint nodes gpu-node-2 dedicated=ml:NoSchedule-")
        #expect(fixed("kubectl taint nodes n3 gpu-", "untaint node n3 gpu") == "kubectl taint nodes n3 gpu-")
    }

    @Test func aBindingGrantsTheRoleTheRequestNames() {
        #expect(fixed("kubectl create clusterrolebinding ci-admin --clusterrole=cluster-admin --serviceaccount=ci:builder",
                      "crb ci-admin clusterrole admin sa ci/builder")
            == "kubectl create clusterrolebinding ci-admin --clusterrole=admin --serviceaccount=ci:builder")
        #expect(fix("kubectl create clusterrolebinding ops --clusterrole=cluster-admin --user=ana",
                    "bind clusterrole cluster-admin to user ana as ops").kinds.isEmpty)
    }

    @Test func aOneShotProgramRunsWithoutATerminal() {
        #expect(fixed("kubectl exec -it api-0 -- sh", "exec env in api-0") == "kubectl exec api-0 -- env")
        #expect(fix("kubectl exec -it api-0 -- sh", "exec into api-0").kinds.isEmpty)
    }

    @Test func shorthandIsNoObject() {
        #expect(fixed("kubectl annotate pod w app=quill-worker owner=team-ember --overwrite",
                      "annotate po w/ app=quill-worker owner=team-ember overwrite")
            == "kubectl annotate pod owner=team-ember --overwrite -l app=quill-worker")
        #expect(fixed("kubectl port-forward svc/kestrel-gw local 8443:443 -n edge", "pf svc kestrel-gw local 8443 to 443 ns edge")
            == "kubectl port-forward svc/kestrel-gw 8443:443 -n edge")
        #expect(fix("kubectl port-forward svc/web 8080:80", "forward 8080 to svc web 80").kinds.isEmpty)
    }

    @Test func removalsAreWrittenAsKubectlWritesThem() {
        #expect(fixed("kubectl set env deployment/kestrel-gw LOG_LEVEL=warn --drop DEBUG",
                      "deploy kestrel-gw set env LOG_LEVEL=warn and drop DEBUG")
            == "kubectl set env deployment/kestrel-gw LOG_LEVEL=warn DEBUG-")
        #expect(fixed("kubectl label pod -l canary- -n billing", "remove canary label from all po ns billing")
            == "kubectl label pod -n billing canary- --all")
        #expect(fix("kubectl label pod -l app=web tier-", "remove label tier from pods app=web").kinds.isEmpty)
    }

    @Test func requestWordsAreNoShellArguments() {
        #expect(fixed("kubectl run dnsprobe --image=registry.internal/netshoot:1.2 --restart=Never --rm -it -- sh rm when done",
                      "tmp pod dnsprobe img registry.internal/netshoot:1.2 restart never -it sh rm when done")
            == "kubectl run dnsprobe --image=registry.internal/netshoot:1.2 --restart=Never --rm -it -- sh")
        #expect(fix("kubectl exec web-0 -- sh -c 'ls /tmp'", "run ls /tmp in web-0 with sh").kinds.isEmpty)
    }

    @Test func aLabelPairWhereANameGoesSelects() {
        #expect(fixed("kubectl wait --for=condition=Ready app=orchard-db -n orchard --timeout=3m",
                      "wait till po app=orchard-db ready ns orchard max 3m")
            == "kubectl wait po --for=condition=Ready -n orchard --timeout=3m -l app=orchard-db")
        #expect(fix("kubectl label pods web-0 tier=front", "label web-0 tier=front").kinds.isEmpty)
    }

    @Test func exposeNamesTheServiceTheRequestNames() {
        #expect(fixed("kubectl expose deployment ledger-api --port=443 --target-port=8443 --type=LoadBalancer",
                      "expose deploy ledger-api as svc ledger-api-lb port 443 target 8443 type LoadBalancer")
            == "kubectl expose deployment ledger-api --port=443 --target-port=8443 --type=LoadBalancer --name=ledger-api-lb")
        #expect(fix("kubectl expose deployment web --port=80", "expose deploy web as a service on port 80").kinds.isEmpty)
    }

    @Test func anIngressBackendIsServiceAndPort() {
        #expect(fixed("kubectl create ingress kestrel-web --class=nginx --rule='kestrel.corp.example/*=/kestrel-gw:80' -n edge",
                      "ingress kestrel-web host kestrel.corp.example prefix / to svc kestrel-gw port 80 ns edge")
            == "kubectl create ingress kestrel-web '--rule=kestrel.corp.example/*=kestrel-gw:80' -n edge")
        #expect(evidenceRepair("kubectl create ingress web --rule='a.example/api*=svc/web:80'", "ingress web a.example/api to svc web port 80").command
            == "kubectl create ingress web '--rule=a.example/api*=web:80'")
        #expect(fixed("kubectl create ingress web --class=nginx --rule='a.example/*=web:80'", "ingress web class nginx a.example to web:80")
            == "kubectl create ingress web --class=nginx --rule='a.example/*=web:80'")
    }
}

@Suite("RequestEvidence: the parts of long requests")
struct RequestEvidenceComplexTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func aNamespaceWrittenBeforeTheNameGoesToN() {
        #expect(fixed("kubectl attach -it aviary/kestrel-shell -n aviary -c repl", "attach to ctr repl of po kestrel-shell ns aviary interactive w/ tty")
            == "kubectl attach -it kestrel-shell -n aviary -c repl")
        #expect(fix("kubectl logs deploy/web -n shop", "logs of deploy web in shop").kinds.isEmpty)
    }

    @Test func aDurationGivenToLogsIsSince() {
        #expect(fixed("kubectl logs pipelines/tern-ingest-5c8d9 -c ingest --previous --tail=80 --timestamps",
                      "Show the last 80 lines of the previous instance of the ingest container in pod tern-ingest-5c8d9 in namespace pipelines, limited to the past 2 hours and with timestamps.")
            == "kubectl logs tern-ingest-5c8d9 -n pipelines -c ingest --previous --tail=80 --timestamps --since=2h")
        #expect(fixed("kubectl logs -l app=quill-worker -n publishing --prefix --since=30m --tail=30 --all-containers",
                      "logs from all ctrs of po w/ app=quill-worker in ns publishing last 30m prefix each line w/ the pod name pls")
            == "kubectl logs -l app=quill-worker -n publishing --prefix --since=30m --all-containers")
        #expect(fix("kubectl logs web-0 --tail=80", "last 80 lines of web-0").kinds.isEmpty)
        #expect(fix("kubectl logs web-0 --since=1h --tail=30", "last 30 lines of web-0 from the past 1h").kinds.isEmpty)
    }

    @Test func kubectlsFlagsAndTheShellAsWritten() {
        #expect(fixed("kubectl create cronjob rec --image=tools:4.2 '--schedule=30 2 * * *' -- reconcile --full --namespace=finance",
                      "create cronjob rec in namespace finance image tools:4.2 at 02:30 daily running reconcile --full")
            .hasSuffix("-n finance -- reconcile --full"))
        #expect(fixed("kubectl exec -it kestrel-6d4f -n aviary -c app -- /bin/bash",
                      "Open an interactive bash shell with a terminal in the app container of pod kestrel-6d4f in namespace aviary.")
            == "kubectl exec -it kestrel-6d4f -n aviary -c app -- bash")
        #expect(fix("kubectl exec -it web-0 -- /bin/bash", "run /bin/bash in web-0").kinds.isEmpty)
    }

    @Test func literalsFilesAndSelectorTerms() {
        #expect(fix("kubectl create configmap s --from-literal=A=1,B=2", "cm s with A=1 and B=2").command
            == "kubectl create configmap s --from-literal=A=1 --from-literal=B=2")
        #expect(fix("kubectl create secret generic c --from-file=./ca.pem", "secret c with ca.crt from file ./ca.pem").command
            == "kubectl create secret generic c --from-file=ca.crt=./ca.pem")
        #expect(fix("kubectl cordon -l 'zone=a,zone=a,pool!=system'", "cordon nodes zone=a pool not system").command
            == "kubectl cordon -l 'zone=a,pool!=system'")
        #expect(fix("kubectl create configmap s --from-literal=LIST=a,b", "cm s with LIST=a,b").kinds.isEmpty)
    }

    @Test func groupsVersionsContextsManagersPolicies() {
        #expect(fix("kubectl api-resources --verbs=list", "api resources in group apps that support list").command
            == "kubectl api-resources --verbs=list --api-group=apps")
        #expect(fix("kubectl explain deployment.spec --recursive", "explain deploy spec recursively for apps/v1").command
            == "kubectl explain deployment.spec --recursive --api-version=apps/v1")
        #expect(fix("kubectl config use-context ops --cluster=eu --user=ana", "set context ops w/ cluster eu user ana").command
            == "kubectl config set-context ops --cluster=eu --user=ana")
        #expect(fix("kubectl config use-context ops", "switch to context ops").kinds.isEmpty)
        #expect(fix("kubectl apply --server-side -f ./k8s", "server side apply ./k8s field manager ci").command
            == "kubectl apply --server-side -f ./k8s --field-manager=ci")
        #expect(fix("kubectl create priorityclass hi --value=10 --never-preempt", "priorityclass hi value 10 never preempt").command
            == "kubectl create priorityclass hi --value=10 --preemption-policy=Never")
    }

    @Test func everyNamespaceButOne() {
        #expect(fix("kubectl get svc -A", "list svc in all ns except kube-system").command
            == "kubectl get svc -A '--field-selector=metadata.namespace!=kube-system'")
        #expect(fix("kubectl get pods -A -l 'env!=prod'", "pods in every namespace except those with env prod").kinds.isEmpty)
    }

    @Test func aTemporaryInteractivePod() {
        #expect(fix("kubectl run p --image=busybox:1.36 --restart=Never -- sh",
                    "Run a temporary interactive pod named p from the image busybox:1.36 that never restarts, running sh.").command
            == "kubectl run p --image=busybox:1.36 --restart=Never -it --rm -- sh")
        #expect(fix("kubectl run p --image=busybox:1.36 --restart=Never -- sleep 10", "run pod p busybox:1.36 sleep 10").kinds.isEmpty)
    }

    @Test func theContainerOfSetEnv() {
        #expect(fixed("kubectl set env deployment/quill-worker -n publishing LOG_LEVEL=debug -c ctr",
                      "set env LOG_LEVEL=debug on the worker ctr of deploy quill-worker ns publishing")
            == "kubectl set env deployment/quill-worker -n publishing LOG_LEVEL=debug -c worker")
    }
}

@Suite("RequestEvidence: an account's own namespace, labels shown, a pod that is no namespace")
struct RequestEvidenceAccountTests {
    @Test func theAccountsNamespaceIsTheOneTheRequestGivesIt() {
        #expect(fixed("kubectl create rolebinding r --role=log-reader --serviceaccount=quill-runner -n billing",
                      "rolebinding r in ns billing for role log-reader to sa quill-runner from ns queue")
            == "kubectl create rolebinding r --role=log-reader --serviceaccount=queue:quill-runner -n billing")
        #expect(fixed("kubectl get pods --as=system:serviceaccount:ci:deployer", "get pods as sa deployer from ferry")
            == "kubectl get pods --as=system:serviceaccount:ferry:deployer")
        #expect(fixed("kubectl create rolebinding r --role=view --serviceaccount=builder -n ci", "bind role view to sa builder in ns ci")
            == "kubectl create rolebinding r --role=view --serviceaccount=ci:builder -n ci")
    }

    @Test func labelsShownBesideAWideListing() {
        #expect(fixed("kubectl get pods -A '--field-selector=status.phase!=Running,spec.nodeName=n3' -o wide",
                      "all ns po on node n3 thats not running show labels")
            == "kubectl get pods -A '--field-selector=status.phase!=Running,spec.nodeName=n3' --show-labels")
        #expect(fixed("kubectl get pods -o wide", "pods wide and show labels") == "kubectl get pods -o wide --show-labels")
    }

    @Test func theObjectIsNoNamespace() {
        #expect(!fixed("kubectl exec tern-ingest-0 -n tern -- df -h /var/lib/tern", "run df -h /var/lib/tern in tern-ingest-0")
            .contains("-n tern-ingest-0"))
    }
}

@Suite("RequestEvidence: a program's own flags, folders, a cordon that keeps the pods")
struct RequestEvidenceProgramTests {
    @Test func aProgramsFlagsStayThePrograms() {
        #expect(fixed("kubectl run netcheck --image=curlimages/curl:8.8.0 --restart=Never -- curl -s http://api:8080/healthz",
                      "start one pod netcheck with image curlimages/curl:8.8.0 that never restart, it run command curl -s http://api:8080/healthz")
            == "kubectl run netcheck --image=curlimages/curl:8.8.0 --restart=Never -- curl -s http://api:8080/healthz")
        #expect(fixed("kubectl get pods", "get pods --show-labels") == "kubectl get pods --show-labels")
    }

    @Test func aFolderIsNoNamespace() {
        #expect(fixed("kubectl apply -f ./manifests/finance -R", "apply all manifest in folder ./manifests/finance and the subfolders also")
            == "kubectl apply -f ./manifests/finance -R")
    }

    @Test func aCordonThatKeepsThePods() {
        #expect(fixed("kubectl cordon worker-03", "how do I stop new pods from landing on worker-03 without evicting what already runs there?")
            == "kubectl cordon worker-03")
        #expect(fixed("kubectl cordon worker-03", "cordon worker-03 and evict its pods") == "kubectl drain worker-03")
    }
}

@Suite("RequestEvidence: sets, fields waited for, events left out, each image's container")
struct RequestEvidenceSetTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func aLabelSetInAFieldSelectorIsALabels() {
        #expect(fix("kubectl get pods --field-selector='tier in (api,worker)' -l 'env!=staging'",
                    "pods whose tier is api or worker and env is not staging").command
            == "kubectl get pods -l 'tier in (api,worker),env!=staging'")
        #expect(fix("kubectl get pods --field-selector=status.phase!=Running", "pods not running").kinds.isEmpty)
    }

    @Test func looseWordsOfASetAreOneSet() {
        #expect(fix("kubectl describe po -l app=orchard-db,role in primary replica", "describe po w/ app=orchard-db and role in primary or replica").command
            == "kubectl describe po -l 'app=orchard-db,role in (primary,replica)'")
        #expect(fixed("kubectl describe pods -l app=db", "describe pods app=db skip the events")
            == "kubectl describe pods -l app=db --show-events=false")
        #expect(fix("kubectl describe pods -l app=db", "describe pods app=db and their events").kinds.isEmpty)
    }

    @Test func aFieldWaitedForIsAJSONPathCondition() {
        #expect(fix("kubectl wait --for=condition=Ready pods -l app=h -n relay --timeout=120s",
                    "Wait up to 120 seconds until every pod labelled app=h in namespace relay has a status.phase of Running.").command
            == "kubectl wait '--for=jsonpath={.status.phase}=Running' pods -l app=h -n relay --timeout=120s")
        #expect(fix("kubectl wait --for=jsonpath='{.status.phase}'=Running pod/w -n data --timeout=90s",
                    "Wait up to 90 seconds until the status.phase field of pod w in the data namespace reports Running.").kinds.isEmpty)
        #expect(fix("kubectl wait --for=condition=Ready pod/w", "wait for pod w to be ready").kinds.isEmpty)
    }

    @Test func eachImageGoesToTheContainerTheRequestGivesIt() {
        #expect(fix("kubectl set image deployment/ledger-api ledger-api=ledger-api:5.0.2 migrate=ledger-migrate:5.0.2",
                    "update the deployment ledger-api so that the api container uses ledger-api:5.0.2 and the migrate container uses ledger-migrate:5.0.2").command
            == "kubectl set image deployment/ledger-api api=ledger-api:5.0.2 migrate=ledger-migrate:5.0.2")
        #expect(fix("kubectl set image deploy/web web=web:2", "set image of deploy web to web:2").kinds.isEmpty)
    }

    @Test func aNamesOnlyJSONPathIsOName() {
        #expect(fixed("kubectl get po -o 'jsonpath={.items[*].metadata.name}'", "po names only") == "kubectl get po -o name")
        #expect(fixed("kubectl get nodes -o jsonpath='{.items[*].metadata.name}'", "node names only jsonpath")
            == "kubectl get nodes -o jsonpath='{.items[*].metadata.name}'")
    }
}

@Suite("RequestEvidence: the session's own namespace, defaults, ports of the last command")
struct RequestEvidenceSessionTests {
    @Test func theSessionsNamespaceIsAddedByK1() {
        #expect(fixed("kubectl rollout status statefulset/orchard-db -n orchard --watch",
                      "Watch the rollout status of the selected statefulset until it completes.",
                      context: ["ns: orchard", "selected: statefulset/orchard-db"])
            == "kubectl rollout status statefulset/orchard-db")
        #expect(fixed("kubectl get pods -n orchard", "pods in orchard", context: ["ns: orchard"]) == "kubectl get pods -n orchard")
        #expect(fixed("kubectl rollout status deploy/web --watch=false", "rollout status of deploy web once")
            == "kubectl rollout status deploy/web --watch=false")
    }

    @Test func aMistypedDescribeStillDescribes() {
        #expect(fixed("kubectl describe nodes", "descrbe the nodes") == "kubectl describe nodes")
    }

    @Test func theRemotePortOfTheLastCommandIsNoGuess() {
        #expect(fixed("kubectl port-forward svc/ledger-api 9090:8080", "Try again, but use local port 9090 instead.",
                      context: ["last command (exit 1): kubectl port-forward svc/ledger-api 8080:8080"])
            == "kubectl port-forward svc/ledger-api 9090:8080")
        #expect(fixed("kubectl port-forward svc/web 8080:80", "forward 8080 to svc web") == "kubectl port-forward svc/web 8080")
    }
}

@Suite("RequestEvidence: questions and second-language requests")
struct RequestEvidenceQuestionTests {
    @Test func theContainerIsTheWordAfterIs() {
        #expect(fixed("kubectl exec -it kestrel-7d9f -n aviary -c is -- bash",
                      "need open bash shell inside pod kestrel-7d9f, the container is agent and namespace aviary")
            == "kubectl exec -it kestrel-7d9f -n aviary -c agent -- bash")
    }

    @Test func nsClosesTheNamespaceBeforeIt() {
        #expect(AskedFlags.namedNamespace("create ingress ledger-web in finance ns, host ledger.example.com") == "finance")
        #expect(fixed("kubectl create ingress ledger-web --rule='ledger.example.com/api*=ledger-api:8080' -n host",
                      "create ingress ledger-web in finance ns, host ledger.example.com path prefix /api send to service ledger-api port 8080")
            == "kubectl create ingress ledger-web '--rule=ledger.example.com/api*=ledger-api:8080' -n finance")
    }

    @Test func anInteractiveTerminalHasStdin() {
        #expect(fixed("kubectl attach quill-worker-6f5d -c worker --tty", "attach to pod quill-worker-6f5d, container worker, interactive with tty")
            == "kubectl attach quill-worker-6f5d -c worker --tty -i")
        #expect(fixed("kubectl attach web-0 --tty", "attach web-0 with a tty") == "kubectl attach web-0 --tty")
    }

    @Test func aBindingInsideANamespace() {
        #expect(fixed("kubectl create clusterrolebinding deployer-edit --clusterrole=edit --serviceaccount ci:deployer",
                      "bind clusterrole edit to serviceaccount deployer from ci namespace, binding name deployer-edit and it must be inside relay namespace")
            == "kubectl create rolebinding deployer-edit --clusterrole=edit --serviceaccount ci:deployer -n relay")
    }

    @Test func questionsAnsweredByTheirVerb() {
        #expect(fixed("kubectl rollout history deployment/quill-worker --revision=4 -n relay",
                      "how do I see what changed across the rollouts of the quill-worker deployment in relay?")
            == "kubectl rollout history deployment/quill-worker -n relay")
        #expect(fixed("kubectl apply -f deploy/ledger-api.yaml", "what would change on the cluster if I applied deploy/ledger-api.yaml?")
            == "kubectl diff -f deploy/ledger-api.yaml")
        #expect(fixed("kubectl apply -f web.yaml", "apply web.yaml") == "kubectl apply -f web.yaml")
        #expect(fixed("kubectl drain worker-03 --ignore-daemonsets",
                      "how do I stop new pods from landing on worker-03 while I fix it, without evicting what already runs there?")
            == "kubectl cordon worker-03")
        #expect(fixed("kubectl drain worker-03 --ignore-daemonsets", "drain worker-03 ignoring daemonsets")
            == "kubectl drain worker-03 --ignore-daemonsets")
        #expect(fixed("kubectl config set-context --current --namespace=default", "how do I make relay the default namespace for my current context?")
            == "kubectl config set-context --current --namespace=relay")
        #expect(fixed("kubectl config set-context --current --namespace=default", "set the default namespace of this context to default")
            == "kubectl config set-context --current --namespace=default")
    }
}

@Suite("RequestEvidence: an absent label replaces every term on its key")
struct RequestEvidenceAbsentKeyTests {
    @Test func everyTermOnTheKeyGoes() {
        #expect(fixed("kubectl get deployments -l 'team~=,!team'", "deployments without a team label") == "kubectl get deployments -l '!team'")
        #expect(fixed("kubectl get deployments -l 'app=web,team=x'", "deployments app=web without a team label")
            == "kubectl get deployments -l 'app=web,!team'")
    }
}

@Suite("RequestEvidence: short flags beside long ones, cordoned nodes, selectors on manifests, an object as written")
struct RequestEvidenceFlagFormTests {
    @Test func aShortFlagTheVerbLacksBesideTheLongOne() {
        #expect(fixed("kubectl drain -f --ignore-daemonsets --force gpu-7", "evict everything off gpu-7, ignore daemonsets, force")
            == "kubectl drain --ignore-daemonsets --force gpu-7")
        // `-f` is delete's own flag (a file), not a stand-in for --force.
        #expect(fixed("kubectl delete -f web.yaml --force", "force delete what web.yaml defines").contains("-f web.yaml"))
    }

    @Test func cordonedOrNot() {
        #expect(fixed("kubectl get nodes -o wide", "nodes not cordoned") == "kubectl get nodes --field-selector=spec.unschedulable=false")
        #expect(fixed("kubectl get nodes", "cordoned nodes") == "kubectl get nodes --field-selector=spec.unschedulable=true")
        #expect(fixed("kubectl get nodes -o wide", "nodes wide") == "kubectl get nodes -o wide")
    }

    @Test func manifestsAreNotFilteredUnasked() {
        #expect(fixed("kubectl diff -k overlays/edge -l app=live", "diff the kustomize dir overlays/edge against live")
            == "kubectl diff -k overlays/edge")
        #expect(fixed("kubectl apply -f ./k8s -l tier=web", "apply ./k8s only the tier=web objects") == "kubectl apply -f ./k8s -l tier=web")
    }

    @Test func theEventsOfAnObjectAsWritten() {
        #expect(fixed("kubectl get events -n orchard", "evnts for deploy/beacon in ns orchard") == "kubectl events --for deploy/beacon -n orchard")
    }
}
