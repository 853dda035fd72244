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
