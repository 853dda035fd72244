import Testing
@testable import Translate

@Suite("Grounding: a label selector made out of a namespace")
struct SelectorAsNamespaceTests {
    @Test("becomes -n", arguments: [
        ("kubectl get pods -l app=shop --field-selector=status.phase!=Running", "pods not running in shop",
         "kubectl get pods -n shop --field-selector=status.phase!=Running"),
        ("kubectl get pods -l app=shop -o name", "pod names only in ns shop", "kubectl get pods -n shop -o name"),
        ("kubectl get pods --selector=team=data", "pods in namespace data", "kubectl get pods -n data"),
    ])
    func becomesNamespace(command: String, request: String, expected: String) {
        let result = Grounding.selectorAsNamespace(command, request: request, context: [])
        #expect(result.command == expected)
        #expect(result.replaced != nil)
    }

    @Test("kept", arguments: [
        // The request asks for the label.
        ("kubectl get pods -l app=shop", "pods with app=shop"),
        ("kubectl get pods -l app=shop", "pods labelled app shop in shop"),
        // The command already has a namespace.
        ("kubectl get pods -n shop -l app=shop", "pods in shop"),
        // The value is not what the request puts after "in".
        ("kubectl get pods -l tier=web", "web pods in shop"),
    ])
    func kept(command: String, request: String) {
        #expect(Grounding.selectorAsNamespace(command, request: request, context: []).command == command)
    }
}
