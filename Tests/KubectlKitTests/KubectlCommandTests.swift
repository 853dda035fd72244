import Testing
@testable import KubectlKit

@Suite("KubectlCommand")
struct KubectlCommandTests {
    private func parse(_ line: String) throws -> KubectlCommand {
        try KubectlCommand.parse(line: line)
    }

    @Test func prefixIsOptional() throws {
        let with = try parse("kubectl get pods")
        let without = try parse("get pods")
        #expect(with.hasKubectlPrefix && !without.hasKubectlPrefix)
        #expect(with.verb == "get" && without.verb == "get")
        #expect(with.withoutKubectlPrefix == ["get", "pods"])
        #expect(without.withoutKubectlPrefix == ["get", "pods"])
        #expect(try parse("/usr/local/bin/kubectl version").verb == "version")
    }

    @Test func quotingErrorsSurface() {
        #expect(throws: ShellWordsError.unterminatedSingleQuote) { try KubectlCommand.parse(line: "get pods -l 'app=x") }
    }

    @Test func flagsBeforeTheVerb() throws {
        let command = try parse("kubectl -n shop get pods")
        #expect(command.verb == "get")
        #expect(command.namespace == "shop")
        #expect(command.resource?.plural == "pods")
        #expect(command.positionals == ["pods"])
        let context = try parse("kubectl --context prod -n shop logs web-0")
        #expect(context.verb == "logs" && context.context == "prod" && context.namespace == "shop")
        let valued = try parse("kubectl -o wide get pods")
        #expect(valued.verb == "get" && valued.output == "wide")
    }

    @Test func flagsAnywhere() throws {
        let command = try parse("kubectl get pods -o wide web-0")
        #expect(command.output == "wide")
        #expect(command.names == ["web-0"])
        #expect(command.selectedObject == ObjectRef(resourceWord: "pods", name: "web-0"))
        let glued = try parse("get -nshop pods --namespace=other -owide")
        #expect(glued.namespace == "other")
        #expect(glued.output == "wide")
        #expect(glued.flags.map(\.name) == ["namespace", "namespace", "output"])
        #expect(glued.flags.first?.value == "shop")
        let equals = try parse("get pods -n=shop")
        #expect(equals.namespace == "shop")
    }

    @Test func commonFields() throws {
        let command = try parse("kubectl get pods -A -l app=web --field-selector status.phase=Running --context prod")
        #expect(command.allNamespaces)
        #expect(command.selector == "app=web")
        #expect(command.fieldSelector == "status.phase=Running")
        #expect(command.context == "prod")
        #expect(command.namespace == nil)
        #expect(try !parse("get pods --all-namespaces=false").allNamespaces)
        #expect(try parse("get pods --all-namespaces").allNamespaces)
    }

    @Test func unknownFlagsAreKeptWithoutTakingValues() throws {
        let command = try parse("get pods --bogus web-0")
        let flag = try #require(command.flag("bogus"))
        #expect(!flag.isKnown && flag.value == nil)
        #expect(command.names == ["web-0"])
        let short = try parse("get pods -Z")
        #expect(short.flags == [ParsedFlag(name: "Z", value: nil, isKnown: false)])
        #expect(short.flags[0].option == "-Z")
    }

    @Test func commaSeparatedTypes() throws {
        let command = try parse("get pods,svc")
        #expect(command.resourceWord == "pods,svc")
        #expect(command.resourceWords == ["pods", "svc"])
        #expect(command.resource == nil)
        #expect(command.objects.isEmpty)
        let named = try parse("get pods,svc web")
        #expect(named.objects.map(\.description) == ["pod/web", "service/web"])
        #expect(named.selectedObject == nil)
    }

    @Test func slashForms() throws {
        let one = try parse("describe deploy/web")
        #expect(one.resource?.plural == "deployments")
        #expect(one.resourceWord == "deploy")
        #expect(one.names == ["web"])
        #expect(one.selectedObject?.description == "deployment/web")
        let mixed = try parse("get pod/web-0 svc/web")
        #expect(mixed.resource == nil)
        #expect(mixed.resourceWords == ["pod", "svc"])
        #expect(mixed.objects.map(\.description) == ["pod/web-0", "service/web"])
        let qualified = try parse("get deployments.apps/web")
        #expect(qualified.resource?.plural == "deployments")
    }

    @Test func typeAndSeveralNames() throws {
        let command = try parse("delete pods web-0 web-1 --grace-period=0")
        #expect(command.resource?.plural == "pods")
        #expect(command.names == ["web-0", "web-1"])
        #expect(command.objects.count == 2)
        #expect(command.selectedObject == nil)
        #expect(command.flag("grace-period")?.value == "0")
    }

    @Test func customResourcesKeepTheirWord() throws {
        let command = try parse("get widgets.example.com my-widget -n shop")
        #expect(command.resource == nil)
        #expect(command.resourceWord == "widgets.example.com")
        #expect(command.selectedObject == ObjectRef(resource: nil, resourceWord: "widgets.example.com", name: "my-widget"))
    }

    @Test func logs() throws {
        let bare = try parse("logs web-0")
        #expect(bare.resource?.plural == "pods")
        #expect(bare.resourceWord == nil)
        #expect(bare.selectedObject == ObjectRef(resource: ResourceCatalog.lookup("pods"), resourceWord: "pods", name: "web-0"))
        let typed = try parse("logs deploy/web -c app -f --tail=20")
        #expect(typed.selectedObject?.resource?.plural == "deployments")
        #expect(typed.flag("container")?.value == "app")
        #expect(typed.hasFlag("follow"))
        #expect(typed.flag("tail")?.value == "20")
        let container = try parse("logs web-0 app")
        #expect(container.names == ["web-0"])
        #expect(container.arguments == ["app"])
        let previous = try parse("logs -p web-0")
        #expect(previous.hasFlag("previous") && previous.names == ["web-0"])
    }

    @Test func exec() throws {
        let command = try parse("exec -it web-0 -- sh -c 'ls -l'")
        #expect(command.verb == "exec")
        #expect(command.flags.map(\.name) == ["stdin", "tty"])
        #expect(command.selectedObject?.name == "web-0")
        #expect(command.selectedObject?.resource?.plural == "pods")
        #expect(command.afterDoubleDash == ["sh", "-c", "ls -l"])
        #expect(command.hasDoubleDash)
        let container = try parse("exec web-0 -c app -- env")
        #expect(container.flag("container")?.value == "app")
        #expect(container.afterDoubleDash == ["env"])
        let deployment = try parse("exec deploy/web -- ls")
        #expect(deployment.selectedObject?.resource?.plural == "deployments")
    }

    @Test func portForwardAttachDebug() throws {
        let forward = try parse("port-forward svc/x 8080:80 9090")
        #expect(forward.selectedObject?.description == "service/x")
        #expect(forward.arguments == ["8080:80", "9090"])
        let attach = try parse("attach web-0 -i")
        #expect(attach.selectedObject?.name == "web-0")
        let debug = try parse("debug node/n1 -it --image=busybox")
        #expect(debug.selectedObject?.description == "node/n1")
        #expect(debug.flag("image")?.value == "busybox")
    }

    @Test func scaleAndRollout() throws {
        let scale = try parse("scale deploy web --replicas=3")
        #expect(scale.selectedObject?.description == "deployment/web")
        #expect(scale.flag("replicas")?.value == "3")
        let separate = try parse("scale --replicas 3 deploy web")
        #expect(separate.flag("replicas")?.value == "3")
        #expect(separate.names == ["web"])
        let restart = try parse("rollout restart deploy/web")
        #expect(restart.verb == "rollout" && restart.subverb == "restart")
        #expect(restart.selectedObject?.description == "deployment/web")
        let status = try parse("rollout -n shop status deployment web")
        #expect(status.subverb == "status" && status.namespace == "shop" && status.names == ["web"])
        let undo = try parse("rollout undo sts/db --to-revision 2")
        #expect(undo.flag("to-revision")?.value == "2")
        #expect(undo.selectedObject?.resource?.plural == "statefulsets")
    }

    @Test func setImageLabelAnnotateTaint() throws {
        let image = try parse("set image deploy/web app=nginx:1.27")
        #expect(image.subverb == "image")
        #expect(image.names == ["web"])
        #expect(image.arguments == ["app=nginx:1.27"])
        let typedImage = try parse("set image deployment web app=nginx:1.27 sidecar=envoy")
        #expect(typedImage.names == ["web"])
        #expect(typedImage.arguments == ["app=nginx:1.27", "sidecar=envoy"])
        let label = try parse("label pods web-0 tier=fe old-")
        #expect(label.names == ["web-0"])
        #expect(label.arguments == ["tier=fe", "old-"])
        let annotate = try parse("annotate deploy web note='hello world' --overwrite")
        #expect(annotate.names == ["web"] && annotate.arguments == ["note=hello world"])
        let taint = try parse("taint nodes n1 k=v:NoSchedule")
        #expect(taint.resource?.plural == "nodes" && taint.names == ["n1"])
        #expect(taint.arguments == ["k=v:NoSchedule"])
        let account = try parse("set serviceaccount deployment web builder")
        #expect(account.subverb == "serviceaccount" && account.names == ["web"] && account.arguments == ["builder"])
        let env = try parse("set env deploy/web LOG=debug")
        #expect(env.names == ["web"] && env.arguments == ["LOG=debug"])
    }

    @Test func top() throws {
        let pods = try parse("top pods")
        #expect(pods.subverb == "pod")
        #expect(pods.resource?.plural == "pods")
        let node = try parse("top node n1")
        #expect(node.subverb == "node" && node.selectedObject?.description == "node/n1")
        let containers = try parse("top pod --containers -n shop")
        #expect(containers.namespace == "shop" && containers.hasFlag("containers"))
    }

    @Test func copy() throws {
        let down = try parse("cp web-0:/tmp/x ./x")
        #expect(down.selectedObject == ObjectRef(resource: ResourceCatalog.lookup("pods"), resourceWord: "pods", name: "web-0"))
        #expect(down.arguments == ["web-0:/tmp/x", "./x"])
        let up = try parse("cp ./x shop/web-0:/tmp/x -c app")
        #expect(up.names == ["web-0"])
        #expect(up.flag("container")?.value == "app")
    }

    @Test func create() throws {
        let deployment = try parse("create deployment web --image=nginx --replicas 2")
        #expect(deployment.subverb == "deployment")
        #expect(deployment.resource?.plural == "deployments")
        #expect(deployment.selectedObject?.description == "deployment/web")
        #expect(deployment.flag("replicas")?.value == "2")
        let secret = try parse("create secret generic s --from-literal=a=b --from-literal c=d")
        #expect(secret.subverb == "secret generic")
        #expect(secret.resource?.plural == "secrets")
        #expect(secret.names == ["s"])
        #expect(secret.values(of: "from-literal") == ["a=b", "c=d"])
        let alias = try parse("create deploy web --image nginx")
        #expect(alias.subverb == "deployment" && alias.names == ["web"])
        let fromFile = try parse("create -f app.yaml")
        #expect(fromFile.subverb == nil && fromFile.flag("filename")?.value == "app.yaml")
        let token = try parse("create token builder")
        #expect(token.resource?.plural == "serviceaccounts" && token.names == ["builder"])
    }

    @Test func exposeAndNodes() throws {
        let expose = try parse("expose deploy web --port 80 --target-port=8080")
        #expect(expose.selectedObject?.description == "deployment/web")
        #expect(expose.flag("port")?.value == "80")
        let cordon = try parse("cordon node-1")
        #expect(cordon.selectedObject?.description == "node/node-1")
        let drain = try parse("drain node-1 --ignore-daemonsets --delete-emptydir-data")
        #expect(drain.selectedObject?.description == "node/node-1")
        #expect(drain.flags.map(\.name) == ["ignore-daemonsets", "delete-emptydir-data"])
    }

    @Test func configExplainAuthAndFriends() throws {
        let use = try parse("config use-context prod")
        #expect(use.verb == "config" && use.subverb == "use-context")
        #expect(use.names == ["prod"] && use.positionals == ["prod"])
        #expect(use.selectedObject == nil)
        let explain = try parse("explain pods.spec.containers")
        #expect(explain.resource?.plural == "pods")
        #expect(explain.resourceWord == "pods")
        #expect(explain.selectedObject == nil)
        let qualified = try parse("explain deployments.apps")
        #expect(qualified.resource?.plural == "deployments")
        let canI = try parse("auth can-i get pods")
        #expect(canI.subverb == "can-i")
        #expect(canI.arguments == ["get"])
        #expect(canI.resource?.plural == "pods")
        #expect(canI.objects.isEmpty)
        let sub = try parse("auth can-i create pods/exec -n shop")
        #expect(sub.resource?.plural == "pods" && sub.resourceWord == "pods/exec" && sub.namespace == "shop")
        let resources = try parse("api-resources --namespaced=true -o wide")
        #expect(resources.verb == "api-resources" && resources.output == "wide" && resources.flag("namespaced")?.value == "true")
        let approve = try parse("certificate approve csr-abc")
        #expect(approve.selectedObject?.resource?.plural == "certificatesigningrequests")
    }

    @Test func dryRun() throws {
        #expect(try parse("apply -f x.yaml --dry-run=client").isDryRun)
        #expect(try parse("apply -f x.yaml --dry-run=server").isDryRun)
        #expect(try parse("apply -f x.yaml --dry-run").isDryRun)
        #expect(try !parse("apply -f x.yaml --dry-run=none").isDryRun)
        #expect(try !parse("apply -f x.yaml").isDryRun)
        // A bare --dry-run never takes the next word as its value.
        let bare = try parse("create deployment web --dry-run --image=nginx")
        #expect(bare.isDryRun && bare.names == ["web"])
        let following = try parse("delete pod web --dry-run client")
        #expect(following.names == ["web", "client"])
    }

    @Test func runAndDelete() throws {
        let run = try parse("run tmp --image=busybox --rm -it -- sh")
        #expect(run.selectedObject?.description == "pod/tmp")
        #expect(run.afterDoubleDash == ["sh"])
        let deleteAll = try parse("delete pods --all -n shop")
        #expect(deleteAll.hasFlag("all") && deleteAll.names.isEmpty && deleteAll.namespace == "shop")
        let fromFile = try parse("delete -f app.yaml")
        #expect(fromFile.resource == nil && fromFile.values(of: "filename") == ["app.yaml"])
    }

    @Test func onlyFlagsOrNothing() throws {
        let help = try parse("kubectl --help")
        #expect(help.verb == nil && help.hasFlag("help"))
        let empty = KubectlCommand.parse([])
        #expect(empty.verb == nil && empty.words.isEmpty)
        let unknown = try parse("kubectl neat get pod web")
        #expect(unknown.verb == "neat" && !unknown.isKnownVerb)
        #expect(unknown.positionals == ["get", "pod", "web"])
    }

    @Test func valuedFlagAtTheEnd() throws {
        let command = try parse("get pods -n")
        #expect(command.flag("namespace") == ParsedFlag(name: "namespace", value: nil))
        #expect(command.namespace == nil)
    }
}
