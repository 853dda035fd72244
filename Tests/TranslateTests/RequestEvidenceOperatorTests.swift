import Testing
@testable import Translate

/// The whole chain an answer goes through (``AnswerFixes``).
private func fixed(_ command: String, _ request: String, context: [String] = []) -> String {
    AnswerFixes.apply(command, request: request, context: context).command
}

@Suite("RequestEvidence: filler words, field selectors asked for")
struct RequestEvidenceFillerTests {
    @Test func aFillerWordAfterContainerNamesNoContainer() {
        #expect(RequestEvidence.namedContainer(RequestText("logs of that one prev contianer pls")) == nil)
        #expect(fixed("kubectl logs web-0 --previous", "logs of web-0 prev contianer pls") == "kubectl logs web-0 --previous")
        // A real name after "container" is still the container.
        #expect(RequestEvidence.namedContainer(RequestText("logs of web-0 container envoy pls")) == "envoy")
        #expect(fixed("kubectl logs web-0", "logs of web-0 container envoy pls") == "kubectl logs web-0 -c envoy")
    }

    @Test func eventsAskedForWithFieldSelectorsKeepThem() {
        let command = "kubectl get events -n mines --field-selector involvedObject.name=quarry-7f9c4,type=Warning"
        #expect(fixed(command, "warning events for po quarry-7f9c4 in mines using field selectors") == command)
        #expect(fixed(command, "warning events for po quarry-7f9c4 in mines via --field-selector") == command)
        // Without the ask, the events of one object are `events --for`.
        #expect(fixed(command, "warning events for po quarry-7f9c4 in mines")
            == "kubectl events --for pod/quarry-7f9c4 -n mines --types=Warning")
    }
}

@Suite("RequestEvidence: names across namespaces, explain trees, secret types, accounts as written")
struct RequestEvidenceOperatorTests {
    @Test func aNameAcrossNamespacesIsAFieldSelector() {
        #expect(fixed("kubectl get svc gauge -A", "svc named gauge in any ns")
            == "kubectl get svc -A --field-selector metadata.name=gauge")
        #expect(fixed("kubectl get pods web-0 -A --field-selector status.phase=Running", "running pod web-0 in every namespace")
            == "kubectl get pods -A --field-selector status.phase=Running,metadata.name=web-0")
        // One namespace, or no name: nothing to do.
        #expect(fixed("kubectl get svc gauge -n ops", "svc gauge in ops") == "kubectl get svc gauge -n ops")
        #expect(fixed("kubectl get svc -A", "svc in every namespace") == "kubectl get svc -A")
    }

    @Test func explainWithEveryFieldIsRecursive() {
        #expect(fixed("kubectl explain deployment.spec.strategy", "explian deploy spec.strategy with all nested fields")
            == "kubectl explain deployment.spec.strategy --recursive")
        #expect(fixed("kubectl explain pod.spec.affinity", "explain pod spec affinity, every field")
            == "kubectl explain pod.spec.affinity --recursive")
        #expect(fixed("kubectl explain pod.spec.affinity", "explain pod spec affinity") == "kubectl explain pod.spec.affinity")
    }

    @Test func secretsOfATypeAreSelectedByIt() {
        #expect(fixed("kubectl delete secret --all -n scratch-42", "delete all tls secrets in ns scratch-42")
            == "kubectl delete secret -n scratch-42 --field-selector type=kubernetes.io/tls")
        #expect(fixed("kubectl get secrets -A", "secrets of type docker-registry everywhere")
            == "kubectl get secrets -A --field-selector type=kubernetes.io/dockerconfigjson")
        // A named secret, or no type word next to "secrets", stays.
        #expect(fixed("kubectl get secret web-tls -n shop", "get tls secret web-tls in shop") == "kubectl get secret web-tls -n shop")
        #expect(fixed("kubectl delete secret --all -n scratch", "delete all secrets in scratch, tls too")
            == "kubectl delete secret --all -n scratch")
    }

    @Test func aCopyNamesItsNamespaceOnce() {
        #expect(fixed("kubectl cp billing/reporter-0:/var/log/app/trace.log ./trace.log -n billing",
                      "copy /var/log/app/trace.log out of po reporter-0 in ns billing to ./trace.log")
            == "kubectl cp billing/reporter-0:/var/log/app/trace.log ./trace.log")
        #expect(fixed("kubectl cp reporter-0:/tmp/a ./a -n billing", "copy /tmp/a from reporter-0 in billing to ./a")
            == "kubectl cp reporter-0:/tmp/a ./a -n billing")
    }

    @Test func anAccountIsNamedAsTheRequestWritesIt() {
        #expect(fixed("kubectl auth can-i --list --as=system:serviceaccount:mines:oresync -n mines", "what can sa ore-sync do in namspace mines?")
            == "kubectl auth can-i --list --as=system:serviceaccount:mines:ore-sync -n mines")
        #expect(fixed("kubectl auth can-i --list --as=system:serviceaccount:mines:ore-sync -n mines", "what can sa ore-sync do in mines")
            == "kubectl auth can-i --list --as=system:serviceaccount:mines:ore-sync -n mines")
    }

    @Test func aPodsWholeNameIsNoLabel() {
        #expect(fixed("kubectl logs -l app=pdf-render-84b6d9c7f-s5lwx -n billing --since=15m --all-containers",
                      "logs of every contianer in po pdf-render-84b6d9c7f-s5lwx, last 15 min, ns billing")
            == "kubectl logs pdf-render-84b6d9c7f-s5lwx -n billing --since=15m --all-containers")
        // A request about a label keeps it.
        #expect(fixed("kubectl logs -l app=pdf-render-84b6 -n billing", "logs of pods labelled app=pdf-render-84b6 in billing")
            == "kubectl logs -l app=pdf-render-84b6 -n billing")
    }

    @Test func wordsAroundTheNamespaceMarker() {
        #expect(AskedFlags.namedNamespace("running pods on node wk-03 across all ns, just names space separated") == nil)
        #expect(AskedFlags.namedNamespace("again but in log-shipper contianer") == nil)
        #expect(AskedFlags.namedNamespace("again but in ns log-shipper") == "log-shipper")
        #expect(RequestText("wait till evry pvc in mines is Bound").set.contains("every"))
    }

    @Test func unaskedEventTypesAndWideListingsGo() {
        #expect(FlagEvidence.prune("kubectl events --for pod/ingest-0 -n ingest --types=Warning", request: "events for po ingest-0 only, ns ingest",
                                   context: []).dropped == ["--types=Warning"])
        #expect(FlagEvidence.prune("kubectl events --for pod/ingest-0 --types=Warning", request: "warnings for po ingest-0", context: []).dropped.isEmpty)
        #expect(FlagEvidence.prune("kubectl get pods -o wide --field-selector spec.nodeName=wk-node-07 -A",
                                   request: "which po are on wk-node-07? all ns", context: []).dropped == ["-o wide"])
        #expect(FlagEvidence.prune("kubectl get pods -o wide", request: "which node is each pod on", context: []).dropped.isEmpty)
    }

    @Test func aManifestNotCreated() {
        #expect(fixed("kubectl create configmap quarry-cfg --from-literal=LOG_LEVEL=debug -n mines",
                      "give me yaml for a cm quarry-cfg with LOG_LEVEL=debug, ns mines, dont actually create it")
            == "kubectl create configmap quarry-cfg --from-literal=LOG_LEVEL=debug -n mines --dry-run=client -o yaml")
    }
}

@Suite("RequestEvidence: data that makes an object, a name given after call, a set written bare")
struct RequestEvidenceCreateTests {
    @Test func dataGivenMakesTheObject() {
        #expect(fixed("kubectl get configmap feature-flags --from-literal=DARK_MODE=on --from-literal=BETA=off -n web",
                      "cm feature-flags w/ DARK_MODE=on and BETA=off in ns web")
            == "kubectl create configmap feature-flags --from-literal=DARK_MODE=on --from-literal=BETA=off -n web")
        #expect(fixed("kubectl get secret api-keys --from-literal=TOKEN=abc", "secret api-keys with TOKEN=abc")
            == "kubectl create secret generic api-keys --from-literal=TOKEN=abc")
        #expect(fixed("kubectl get configmap feature-flags -n web", "show cm feature-flags in web") == "kubectl get configmap feature-flags -n web")
    }

    @Test func theNameGivenAfterCall() {
        #expect(fixed("kubectl create rolebinding pod-reader-ci-runner --role=pod-reader --serviceaccount=build:ci-runner -n build",
                      "bind role pod-reader to sa ci-runner in ns build, call the binding ci-runner-read")
            == "kubectl create rolebinding ci-runner-read --role=pod-reader --serviceaccount=build:ci-runner -n build")
        #expect(fixed("kubectl create deployment web --image=ghcr.io/acme/web:1", "create a deployment named storefront from ghcr.io/acme/web:1")
            == "kubectl create deployment storefront --image=ghcr.io/acme/web:1")
        // A name the request gives stays.
        #expect(fixed("kubectl create namespace lab", "create ns lab and name it lab") == "kubectl create namespace lab")
    }

    @Test func aSetWrittenWithoutParentheses() {
        #expect(fixed("kubectl get deployments -A notin '(canary,beta)' -l release", "deploys in all namespaces where release notin canary,beta")
            == "kubectl get deployments -A -l 'release notin (canary,beta)'")
        #expect(RequestEvidence.writtenSetTerms("pods in shop,web").isEmpty)
        // The set's values and operator left as terms of their own go.
        #expect(fixed("kubectl get pods -l 'tier notin cache,queue'", "pods where tier notin cache,queue")
            == "kubectl get pods -l 'tier notin (cache,queue)'")
        #expect(fixed("kubectl get pods -l queue,tier!=cache", "pods where tier notin cache,queue")
            == "kubectl get pods -l 'tier notin (cache,queue)'")
    }
}

@Suite("FlagEvidence: what a field selector already says")
struct FlagEvidenceFieldSearchTests {
    @Test func aSearchByIPAsksForNoWideListing() {
        #expect(FlagEvidence.prune("kubectl get pods -o wide --field-selector=status.podIP=10.42.7.19", request: "which pod has ip 10.42.7.19",
                                   context: []).dropped == ["-o wide"])
        #expect(FlagEvidence.prune("kubectl get pods -o wide", request: "pod ips in shop", context: []).dropped.isEmpty)
    }

    @Test func everyNamespaceOnlyForASearchThatLocatesObjects() {
        // The secrets of a type, or pods in a phase, are looked for where the request asks.
        #expect(FlagEvidence.prune("kubectl get secrets -A --field-selector=type=kubernetes.io/tls", request: "secrets of type kubernetes.io/tls",
                                   context: []).dropped == ["-A"])
        #expect(FlagEvidence.prune("kubectl get secrets -A --field-selector=type=kubernetes.io/tls", request: "tls secrets in every namespace",
                                   context: []).dropped.isEmpty)
        // The pods on a node, or the pod with an IP, are looked for everywhere.
        #expect(FlagEvidence.prune("kubectl get pods -A --field-selector spec.nodeName=wk-3", request: "pods on wk-3", context: []).dropped.isEmpty)
        #expect(FlagEvidence.prune("kubectl get pods -A --field-selector status.podIP=10.0.0.9", request: "who has 10.0.0.9", context: []).dropped.isEmpty)
    }
}

@Suite("RequestEvidence: rollout words, server-side apply, local ports, resources, the current context, selector spacing")
struct RequestEvidenceShorthandOpsTests {
    @Test func stopAndWaitOnARollout() {
        #expect(fixed("kubectl rollout stop deployment/search-api", "please stop the rollout of deployment search-api, i need check something first")
            == "kubectl rollout pause deployment/search-api")
        #expect(fixed("kubectl rollout wait deployment/search-api --timeout=2m", "block until deploy search-api is avialable, timeout 2m")
            == "kubectl wait --for=condition=Available deployment/search-api --timeout=2m")
        #expect(fixed("kubectl rollout status deployment/search-api", "wait for the rollout of search-api to finish")
            == "kubectl rollout status deployment/search-api")
    }

    @Test func aServerSideApply() {
        #expect(fixed("kubectl apply -k overlays/prod-eu", "server-side apply of kustomize dir overlays/prod-eu")
            == "kubectl apply -k overlays/prod-eu --server-side")
        #expect(fixed("kubectl apply --server-side -f manifests/checkout.yaml", "server side dry run of applying manifests/checkout.yaml")
            == "kubectl apply --server-side -f manifests/checkout.yaml --dry-run=server")
        #expect(fixed("kubectl apply -k overlays/prod-eu", "apply overlays/prod-eu") == "kubectl apply -k overlays/prod-eu")
    }

    @Test func theLocalPortTheRequestWrites() {
        #expect(fixed("kubectl port-forward svc/pg-primary 5432:5432 -n data", "porxy localhost:6543 -> svc pg-primary:5432 in ns data")
            == "kubectl port-forward svc/pg-primary 6543:5432 -n data")
        #expect(fixed("kubectl port-forward svc/pg-primary 5432 -n data", "forward svc pg-primary 5432 to local port 15432 in data")
            == "kubectl port-forward svc/pg-primary 15432:5432 -n data")
        #expect(fixed("kubectl port-forward svc/pg-primary 6543:5432", "localhost:6543 to svc pg-primary 5432")
            == "kubectl port-forward svc/pg-primary 6543:5432")
    }

    @Test func requestsAndLimitsAsWritten() {
        #expect(fixed("kubectl set resources deployment/ingest-worker --requests=cpu=250m --limits=cpu=1,memory=1Gi",
                      "deploy ingest-worker: requests cpu=250m mem=256Mi, limits cpu=1 mem=1Gi")
            == "kubectl set resources deployment/ingest-worker --requests=cpu=250m,memory=256Mi --limits=cpu=1,memory=1Gi")
        #expect(fixed("kubectl set resources deployment/web --limits=memory=512Mi", "limit memory of deploy web to 512Mi")
            == "kubectl set resources deployment/web --limits=memory=512Mi")
    }

    @Test func theCurrentContextGetsTheNamespace() {
        #expect(fixed("kubectl config set-context billing", "set ns billing on current ctx")
            == "kubectl config set-context --current --namespace=billing")
        #expect(fixed("kubectl config set-context staging --namespace=billing", "make context staging use ns billing")
            == "kubectl config set-context staging --namespace=billing")
    }

    @Test func aSelectorClosedUp() {
        #expect(fixed("kubectl get pods -l 'env != staging' --show-labels", "po where env != staging, show lables pls")
            == "kubectl get pods -l 'env!=staging' --show-labels")
        #expect(FlagEvidence.prune("kubectl get pods --show-labels", request: "po in shop, show lables pls", context: []).dropped.isEmpty)
        #expect(FlagEvidence.prune("kubectl explain pod.spec --recursive", request: "explain pod.spec recusrively", context: []).dropped.isEmpty)
    }
}

@Suite("RequestEvidence: environment pairs make a config map, an ingress rule says it all")
struct RequestEvidenceDataTests {
    @Test func environmentPairsAreData() {
        #expect(fixed("kubectl get configmap app-settings -l CACHE_TTL=300", "cm app-settings w/ REGION=eu-west-1 and CACHE_TTL=300")
            == "kubectl create configmap app-settings --from-literal=REGION=eu-west-1 --from-literal=CACHE_TTL=300")
        // Labels in a label's spelling select.
        #expect(fixed("kubectl get configmap -l app=web", "cms with app=web") == "kubectl get configmap -l app=web")
    }

    @Test func anIngressRuleHoldsTheHostAndPath() {
        #expect(fixed("kubectl create ingress shop-ing --class=traefik --host=shop.acme.io --path=/ --path-type=Prefix --rule='shop.acme.io/*= storefront-web:80'",
                      "ingres shop-ing, class traefik, host shop.acme.io all paths -> svc storefront-web port 80")
            == "kubectl create ingress shop-ing --class=traefik '--rule=shop.acme.io/*=storefront-web:80'")
    }
}

@Suite("RequestEvidence: a label value the objects must not have")
struct RequestEvidenceLacksTests {
    @Test func notHavingALabelValueExcludesIt() {
        #expect(fixed("kubectl get nodes -l role=infra", "nodes which not have label role=infra") == "kubectl get nodes -l 'role!=infra'")
        #expect(fixed("kubectl get pods -l app=web", "pods that don't have app=web") == "kubectl get pods -l 'app!=web'")
        #expect(fixed("kubectl get pods -l tier=cache", "pods without the label tier=cache") == "kubectl get pods -l 'tier!=cache'")
        // A negation of something else leaves the label alone.
        #expect(fixed("kubectl get pods -l app=web -A", "pods not in kube-system with label app=web, every namespace")
            == "kubectl get pods -l app=web -A")
        #expect(fixed("kubectl get pods -l app=web", "pods with app=web") == "kubectl get pods -l app=web")
    }
}

@Suite("RequestEvidence: a fix keeps the failed command's namespace")
struct RequestEvidenceLastCommandTests {
    static let failed = ["last command (exit 1): kubectl exec -it relay-0 -n intake bash",
                         "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead"]

    @Test func theSameCommandKeepsItsNamespace() {
        #expect(fixed("kubectl exec -it relay-0 -- bash", "that didnt go through, pls correct", context: Self.failed)
            == "kubectl exec -it relay-0 -n intake -- bash")
        let listing = ["last command (exit 1): kubectl get pods -n intake -r", "error: unknown shorthand flag: 'r' in -r"]
        #expect(fixed("kubectl get pods -w", "i meant stream them", context: listing) == "kubectl get pods -w -n intake")
    }

    @Test func anotherNamespaceOrAnotherCommandIsLeftAlone() {
        #expect(fixed("kubectl exec -it relay-0 -n ops -- bash", "fix it, its in ops", context: Self.failed)
            == "kubectl exec -it relay-0 -n ops -- bash")
        #expect(fixed("kubectl exec -it relay-1 -- bash", "fix it for relay-1", context: Self.failed) == "kubectl exec -it relay-1 -- bash")
        #expect(fixed("kubectl get pods", "oops, list the pods", context: Self.failed) == "kubectl get pods")
        #expect(fixed("kubectl exec -it relay-0 -- bash", "shell into relay-0") == "kubectl exec -it relay-0 -- bash")
    }
}

@Suite("RequestEvidence: the pod a request names, its shell, a workload's revisions, sets of one value")
struct RequestEvidencePodTests {
    @Test func aPodsGeneratedNameIsThePod() {
        #expect(fixed("kubectl exec -it deploy/relay-7c9d4b8f6-kq2mz -n intake -- sh", "sh in relay-7c9d4b8f6-kq2mz ns intake")
            == "kubectl exec -it relay-7c9d4b8f6-kq2mz -n intake -- sh")
        #expect(fixed("kubectl logs sts/kafka-2 -n intake", "logs kafka-2 in intake") == "kubectl logs kafka-2 -n intake")
        // The type the request names, or a name no pod is given, stays.
        #expect(fixed("kubectl logs deploy/relay -n intake", "logs of deploy relay in intake") == "kubectl logs deploy/relay -n intake")
        #expect(fixed("kubectl logs sts/kafka-2 -n intake", "logs of sts kafka-2 in intake") == "kubectl logs sts/kafka-2 -n intake")
        #expect(RequestEvidence.looksLikePodName("relay-7c9d4b8f6-kq2mz"))
        #expect(!RequestEvidence.looksLikePodName("edge-proxy-green"))
    }

    @Test func thePodTheRequestNamesOverAnObjectItNeverNames() {
        #expect(fixed("kubectl exec deploy/acct -n acct -- env", "run env inside pod tally-worker-0 in namespace acct")
            == "kubectl exec tally-worker-0 -n acct -- env")
        // An object the request writes stays.
        #expect(fixed("kubectl exec tally-api-0 -n acct -- env", "run env in tally-api-0, not pod tally-worker-0, ns acct")
            == "kubectl exec tally-api-0 -n acct -- env")
    }

    @Test func theShellTheRequestNames() {
        #expect(fixed("kubectl exec -it relay-0 -- sh", "bash shell in relay-0 pls") == "kubectl exec -it relay-0 -- bash")
        #expect(fixed("kubectl exec -it relay-0 -- bash", "open a shell in relay-0") == "kubectl exec -it relay-0 -- bash")
        #expect(fixed("kubectl exec -it relay-0 -- psql", "psql in relay-0, not bash") == "kubectl exec -it relay-0 -- psql")
    }

    @Test func aWorkloadsRevisionsAreItsHistory() {
        #expect(fixed("kubectl get deployment/tally -n acct", "how many revisons has deploy tally got, ns acct")
            == "kubectl rollout history deployment/tally -n acct")
        #expect(fixed("kubectl get deployment tally -o jsonpath='{.spec.revisionHistoryLimit}'", "revision history limit of deploy tally")
            == "kubectl get deployment tally -o jsonpath='{.spec.revisionHistoryLimit}'")
    }

    @Test func aSetOfOneValue() {
        #expect(fixed("kubectl get pods -l 'tier in (backend),env!=staging' -A", "pods tier=backend except env=staging, every ns")
            == "kubectl get pods -l 'tier=backend,env!=staging' -A")
        #expect(fixed("kubectl get pods -l 'tier in (web,api)'", "pods with tier web or api") == "kubectl get pods -l 'tier in (web,api)'")
    }

    @Test func aLabelRemovalInASelectorIsTheAbsence() {
        #expect(fixed("kubectl get pods -l 'tracing-,!tracing' -n ops", "pods in ops that dont have the tracing label")
            == "kubectl get pods -l '!tracing' -n ops")
    }
}

@Suite("AskedFlags: of two namespaces, the one no identity takes")
struct AskedFlagsIdentityNamespaceTests {
    @Test func theAccountsNamespaceIsNotWhereTheBindingGoes() {
        #expect(fixed("kubectl create rolebinding view-all --clusterrole=view --serviceaccount=obsv:agent",
                      "rolebinding view-all in acct, clusterrole view for sa agent (the sa lives in obsv)")
            == "kubectl create rolebinding view-all --clusterrole=view --serviceaccount=obsv:agent -n acct")
        // Two namespaces and no identity that takes one: none is guessed.
        #expect(fixed("kubectl get pods", "pods in acct or in obsv") == "kubectl get pods")
    }
}

@Suite("RequestEvidence: switches by their words, a split selector, bracketed namespaces, one-object verbs")
struct RequestEvidenceOperatorWordsTests {
    @Test func aSwitchTheRequestNamesByItsWords() {
        #expect(fixed("kubectl get svc -n relay", "svc in relay, show kind too") == "kubectl get svc -n relay --show-kind")
        #expect(fixed("kubectl get deploy -n relay -o 'jsonpath={.items[*].metadata.name}'", "deploys in relay, show labels")
            == "kubectl get deploy -n relay --show-labels")
        #expect(fixed("kubectl drain wk-3", "drain wk-3 and ignore daemonsets") == "kubectl drain wk-3 --ignore-daemonsets")
        // Words that only share a flag's parts out of order, or a switch already there, change nothing.
        #expect(fixed("kubectl get pods -n relay", "pods in relay, kind of show") == "kubectl get pods -n relay")
        #expect(fixed("kubectl get pods --show-labels", "pods, show labels") == "kubectl get pods --show-labels")
    }

    @Test func aSelectorSplitAtItsOperator() {
        #expect(fixed("kubectl get svc -l tier '!=' cache", "svcs where tier != cache") == "kubectl get svc -l 'tier!=cache'")
    }

    @Test func aBracketedWordIsTheNamespace() {
        #expect(fixed("kubectl create job sweep-now --from=cronjob/sweep", "run cronjob sweep now as job sweep-now (quarry)")
            == "kubectl create job sweep-now --from=cronjob/sweep -n quarry")
        #expect(fixed("kubectl exec -it ledgerd-0 -c quarry -- sh", "shell into ledgerd-0 (quarry) pls")
            == "kubectl exec -it ledgerd-0 -n quarry -- sh")
        // A tool in brackets is no namespace.
        #expect(fixed("kubectl apply -k overlays/blue", "apply overlays/blue (kustomize)") == "kubectl apply -k overlays/blue")
    }

    @Test func aWordAfterTheOneObjectIsItsNamespace() {
        #expect(fixed("kubectl autoscale deployment sluice quarry --min=2 --max=5", "hpa deploy sluice quarry min 2 max 5")
            == "kubectl autoscale deployment sluice --min=2 --max=5 -n quarry")
    }

    @Test func theLabelTheRequestDrops() {
        #expect(fixed("kubectl label pod ledgerd-0 tier=db quarry.beta=false --overwrite", "on po ledgerd-0 set tier=db and drop the beta label")
            == "kubectl label pod ledgerd-0 tier=db --overwrite beta-")
        #expect(fixed("kubectl annotate pod ledgerd-0 owner-", "remove the annotation named owner from ledgerd-0")
            == "kubectl annotate pod ledgerd-0 owner-")
    }

    @Test func topHasNoOutputFormat() {
        #expect(fixed("kubectl top pod -n quarry --sort-by=cpu -o wide", "heaviest cpu pods in quarry") == "kubectl top pod -n quarry --sort-by=cpu")
        #expect(fixed("kubectl top pod lumen", "whats eating cpu in lumen") == "kubectl top pod -n lumen")
    }

    @Test func aServiceAccountsPermissions() {
        #expect(fixed("kubectl auth can-i list secrets -n quarry", "can the quarry/sweeper service acount list secrets in quarry?")
            == "kubectl auth can-i list secrets -n quarry --as=system:serviceaccount:quarry:sweeper")
        #expect(fixed("kubectl describe sa sweeper -n quarry", "everything sa sweeper in quarry is allowed to do")
            == "kubectl auth can-i --list --as=system:serviceaccount:quarry:sweeper -n quarry")
        // A question about the caller keeps no identity.
        #expect(fixed("kubectl auth can-i list secrets -n quarry", "can i list secrets in quarry") == "kubectl auth can-i list secrets -n quarry")
    }

    @Test func aNumberedRevisionAndTheNodeOfAPod() {
        #expect(fixed("kubectl get deployment -n quarry", "whats in rev 4 of deploy sweeper? ns quarry")
            == "kubectl rollout history deployment/sweeper --revision=4 -n quarry")
        #expect(fixed("kubectl get nodes", "which node is ledgerd-2 on? ns quarry") == "kubectl get pod ledgerd-2 -o wide -n quarry")
        #expect(fixed("kubectl get nodes -l gpu=true", "which nodes have gpu=true") == "kubectl get nodes -l gpu=true")
    }

    @Test func lastLinesAskForNoDuration() {
        #expect(fixed("kubectl logs ledgerd-0 --since=3h --tail=300", "last 300 lines of ledgerd-0") == "kubectl logs ledgerd-0 --tail=300")
        #expect(fixed("kubectl logs ledgerd-0 --since=3h --tail=300", "last 300 lines of ledgerd-0 from the past 3h")
            == "kubectl logs ledgerd-0 --since=3h --tail=300")
    }

    @Test func aClusterRoleNamedAfterItsName() {
        #expect(fixed("kubectl create rolebinding sweep-view --role=view --serviceaccount=quarry:sweeper -n quarry",
                      "rb sweep-view in quarry giving sa quarry:sweeper the view clusterrole")
            == "kubectl create rolebinding sweep-view --serviceaccount=quarry:sweeper -n quarry --clusterrole=view")
    }
}

@Suite("RequestEvidence: the namespace written last, describe asked for, debug copies, run's program")
struct RequestEvidenceLongTailTests {
    @Test func theNamespaceWrittenLast() {
        #expect(fixed("kubectl delete pod kiln-api-7b6f9d8c5-p4rtz kiln-ops --force", "force delete po kiln-api-7b6f9d8c5-p4rtz, grace 0, kiln-ops")
            == "kubectl delete pod kiln-api-7b6f9d8c5-p4rtz --grace-period=0 --force -n kiln-ops")
        #expect(fixed("kubectl logs kiln-db-0 -c migrate --previous", "prev logs of container migrate in kiln-db-0, ns kiln")
            == "kubectl logs kiln-db-0 -c migrate --previous -n kiln")
        // A list of names is no namespace.
        #expect(AskedFlags.trailingNamespace("delete svc edge-a, edge-b") == nil)
        #expect(AskedFlags.trailingNamespace("restart deploy api, kiln-ops") == "kiln-ops")
        #expect(AskedFlags.trailingNamespace("logs of web, kiln-7c9d4b8f6-kq2mz") == nil)
    }

    @Test func anImagesPathIsNoUseOfTheNamespace() {
        #expect(fixed("kubectl set image deploy/gw '*=reg.corp.io/kiln/gw:2'", "all containers of deploy gw to reg.corp.io/kiln/gw:2, ns kiln")
            == "kubectl set image deploy/gw '*=reg.corp.io/kiln/gw:2' -n kiln")
    }

    @Test func describeAskedForWithATypo() {
        #expect(fixed("kubectl get pods -l app=kiln -n kiln", "descirbe pods w/ app=kiln in kiln, skip the events")
            == "kubectl describe pods -l app=kiln -n kiln --show-events=false")
        // A listing with an output format the request writes stays a listing.
        #expect(fixed("kubectl get pods -l app=kiln", "describe how many pods have app=kiln -o name") == "kubectl get pods -l app=kiln -o name")
    }

    @Test func smallFormsOfTheLongTail() {
        #expect(fixed("kubectl api-resources --namespaced=false --api-group=apps", "which kinds are cluster-scoped?")
            == "kubectl api-resources --namespaced=false")
        #expect(fixed("kubectl api-resources --api-group=apps", "resources of api group apps") == "kubectl api-resources --api-group=apps")
        #expect(fixed("kubectl cluster-info dump --output-directory=/tmp/d", "dump cluster info for all ns into /tmp/d")
            == "kubectl cluster-info dump --output-directory=/tmp/d -A")
        #expect(fixed("kubectl config set-context kiln", "set default ns to kiln on my current ctx")
            == "kubectl config set-context --current --namespace=kiln")
        #expect(fixed("kubectl port-forward svc/kiln-db 5432 -n kiln", "port-forward svc kiln-db 5432 on all interfaces, ns kiln")
            == "kubectl port-forward svc/kiln-db 5432 -n kiln --address=0.0.0.0")
        #expect(fixed("kubectl logs -l app=gw --max-concurrent-streams=8", "logs of app=gw, 8 streams at most")
            == "kubectl logs -l app=gw --max-log-requests=8")
    }

    @Test func aDebugCopyWithEveryContainersImage() {
        #expect(fixed("kubectl debug kiln-0 -it --copy-to=kiln-dbg --image=reg.io/kiln:dbg", "copy of kiln-0 as kiln-dbg with every container's image set to reg.io/kiln:dbg")
            == "kubectl debug kiln-0 --copy-to=kiln-dbg '--set-image=*=reg.io/kiln:dbg'")
        #expect(fixed("kubectl debug kiln-0 -it --copy-to=kiln-dbg --image=busybox", "debug a copy of kiln-0 called kiln-dbg with busybox")
            == "kubectl debug kiln-0 -it --copy-to=kiln-dbg --image=busybox")
    }

    @Test func whatARunPodRunsGoesAfterTheDash() {
        #expect(fixed("kubectl run probe -i --rm --image alpine \"nslookup kiln-db\"", "throwaway pod probe, image alpine, interactive, never restart, run nslookup kiln-db")
            == "kubectl run probe --rm --image alpine -it --restart=Never -- nslookup kiln-db")
    }
}

@Suite("RequestEvidence: a workload's account, a binding's new subject, a debug copy's images")
struct RequestEvidenceSubjectTests {
    @Test func aWorkloadRunsAsTheAccountTheRequestNames() {
        #expect(fixed("kubectl apply -f kiln.yaml", "deploy kiln use sa kiln-runner") == "kubectl set serviceaccount deployment/kiln kiln-runner")
        #expect(fixed("kubectl patch sts osprey -p '{}'", "switch sts osprey in birds to sa osprey-rt")
            == "kubectl set serviceaccount statefulset/osprey osprey-rt -n birds")
        // A binding or a permission check for the account is no change of the workload's account.
        #expect(fixed("kubectl create rolebinding r --clusterrole=view --serviceaccount=birds:osprey-rt -n birds",
                      "bind view to sa osprey-rt in birds so deploy osprey can use it, rb r")
            == "kubectl create rolebinding r --clusterrole=view --serviceaccount=birds:osprey-rt -n birds")
    }

    @Test func aBindingsNewSubject() {
        #expect(fixed("kubectl create serviceaccount ops:deployer", "add sa ops:deployer to crb deploy-admin subjects")
            == "kubectl set subject clusterrolebinding deploy-admin --serviceaccount=ops:deployer")
        #expect(fixed("kubectl create rolebinding viewers --user=ana", "add user ana to rb viewers in kiln")
            == "kubectl set subject rolebinding viewers --user=ana -n kiln")
    }

    @Test func aDebugCopysImagesForAllContainers() {
        #expect(fixed("kubectl debug -it kiln-0 --image=redis:7 --copy-to kiln-fix --set-image all=redis:7",
                      "debug kiln-0 copy to kiln-fix, set image of all containers to redis:7")
            == "kubectl debug kiln-0 --copy-to kiln-fix --set-image '*=redis:7'")
    }
}

@Suite("RequestEvidence: the namespace once the identity is put right")
struct RequestEvidenceIdentityOrderTests {
    @Test func theOtherNamespaceOnceTheAccountIsRight() {
        #expect(fixed("kubectl auth can-i delete pods --as=system:serviceaccount:sweeper:ops-kiln",
                      "can the serviceaccount sweeper from ns ops delete pods in kiln?")
            == "kubectl auth can-i delete pods --as=system:serviceaccount:ops:sweeper -n kiln")
        #expect(fixed("kubectl auth can-i delete pods --as=system:serviceaccount:ops:sweeper -n ops", "can sa sweeper in ops delete pods")
            == "kubectl auth can-i delete pods --as=system:serviceaccount:ops:sweeper -n ops")
    }
}
