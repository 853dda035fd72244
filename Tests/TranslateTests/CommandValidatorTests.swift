import Testing
@testable import Translate

@Suite("CommandValidator")
struct CommandValidatorTests {
    func kinds(_ line: String) -> [ValidationIssue.Kind] {
        CommandValidator.validate(line).map(\.kind)
    }

    @Test func cleanCommandsHaveNoIssues() {
        for line in ["kubectl get pods -n shop", "kubectl logs -f web-0 -c nginx", "kubectl rollout restart deployment/web",
                     "kubectl get nodes", "kubectl drain worker-2 --ignore-daemonsets", "kubectl apply -f ./k8s",
                     "kubectl exec -it redis-0 -- sh", "kubectl top pods --sort-by=memory"] {
            #expect(CommandValidator.validate(line).isEmpty, "\(line): \(CommandValidator.validate(line))")
        }
    }

    @Test func unknownVerb() {
        #expect(kinds("kubectl show pods") == [.unknownVerb])
    }

    @Test func inventedFlag() {
        let issues = CommandValidator.validate("kubectl get pods --show-all")
        #expect(issues.map(\.kind) == [.unknownFlag])
        #expect(issues.first?.message == "--show-all is not a flag of kubectl get")
    }

    @Test func namespaceOnClusterScopedTypes() {
        #expect(kinds("kubectl get nodes -n shop") == [.namespaceOnClusterScoped])
        #expect(kinds("kubectl cordon worker-2 --namespace=default") == [.namespaceOnClusterScoped])
        #expect(kinds("kubectl get pv -n shop") == [.namespaceOnClusterScoped])
        #expect(kinds("kubectl get clusterroles -n shop") == [.namespaceOnClusterScoped])
        #expect(kinds("kubectl get pods -n shop").isEmpty)
    }

    @Test func missingSubcommand() {
        #expect(kinds("kubectl rollout deployment/web") == [.missingSubcommand])
    }

    @Test func shellSyntaxAndNonKubectl() {
        #expect(kinds("kubectl get pods | grep web") == [.shellSyntax])
        #expect(kinds("helm list") == [.notKubectl])
        #expect(kinds("kubectl get pods -l 'app=web") == [.syntax])
    }

    @Test func placeholders() {
        let issues = CommandValidator.validate("kubectl logs <pod-name> -n shop")
        #expect(issues.map(\.kind) == [.placeholder])
        #expect(issues.first?.message == "fill in <pod-name>")
    }

    @Test func namespaceAndAllNamespaces() {
        #expect(kinds("kubectl get pods -n shop -A") == [.conflictingFlags])
    }
}
