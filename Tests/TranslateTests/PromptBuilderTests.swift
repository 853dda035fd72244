import LLM
import Session
import Testing
@testable import Translate

@Suite("PromptBuilder and ContextRenderer")
struct PromptBuilderTests {
    static let shopListing = Listing(resource: "pods", namespace: "shop", command: "kubectl get pods -n shop", objects: [
        ListedObject(name: "web-5f6b9c-q8zr4", namespace: "shop", resource: "pods",
                     columns: ["STATUS": "Running", "READY": "1/1", "RESTARTS": "0", "AGE": "3d"], healthy: true),
        ListedObject(name: "payments-api-7d9f8-x2k4q", namespace: "shop", resource: "pods",
                     columns: ["STATUS": "CrashLoopBackOff", "READY": "0/1", "RESTARTS": "14 (2m ago)", "AGE": "3d"], healthy: false),
        ListedObject(name: "redis-0", namespace: "shop", resource: "pods",
                     columns: ["STATUS": "Running", "READY": "1/1", "RESTARTS": "0", "AGE": "9d"], healthy: true),
        ListedObject(name: "worker-6d8f7-abc12", namespace: "shop", resource: "pods",
                     columns: ["STATUS": "Error", "READY": "0/1", "RESTARTS": "3", "AGE": "1h"], healthy: false),
    ])

    func userMessage(_ request: GenerationRequest) -> String {
        request.messages.last?.content ?? ""
    }

    // MARK: - Fixed part

    @Test func examplesLoadFromTheBundle() {
        #expect(PromptTemplate.examples.count >= 24)
        #expect(PromptTemplate.instructions.contains("kubectl"))
        #expect(PromptTemplate.examples.contains { !$0.context.isEmpty })
    }

    @Test func everyExampleIsACleanValidCommand() {
        for example in PromptTemplate.examples {
            #expect(OutputSanitizer.sanitize(example.command).command == example.command, "\(example.command)")
            #expect(CommandValidator.validate(example.command).isEmpty, "\(example.command)")
        }
    }

    @Test func examplesCoverTheCommonVerbs() {
        let commands = PromptTemplate.examples.map(\.command)
        for needle in ["kubectl get ", "kubectl describe ", "kubectl logs ", "kubectl scale ", "kubectl rollout restart ",
                       "kubectl delete ", "kubectl exec ", "kubectl port-forward ", "kubectl top ", "kubectl label ",
                       "kubectl set image ", "kubectl create ", "kubectl apply -f ", "kubectl cordon ", "kubectl drain ",
                       " -A", " -l ", "--sort-by="] {
            #expect(commands.contains { $0.contains(needle) }, "no example uses \(needle)")
        }
    }

    @Test func fixedPrefixIsIdenticalAcrossRequestsAndContexts() {
        let a = PromptBuilder.build(request: "pods", context: SessionContext())
        let b = PromptBuilder.build(request: "restart the failing ones",
                                    context: SessionContext(namespace: "shop", lastResource: "pods",
                                                            selection: ObjectSelection(resource: "deployments", name: "web", namespace: "shop"),
                                                            listing: Self.shopListing))
        // The system message starts with the fixed instructions and examples; only retrieved examples follow them.
        for request in [a, b] {
            #expect(request.messages.count == 2)
            #expect(request.messages[0].content.hasPrefix(PromptTemplate.systemPrompt + "\n\n"))
        }
        #expect(a.messages[0].content != b.messages[0].content, "each request retrieves its own examples")
        #expect(a.messages.first?.role == .system)
        #expect(a.messages.last?.role == .user)
    }

    @Test func examplesLiveInTheSystemMessage() {
        let fixed = PromptTemplate.fixedMessages
        #expect(fixed.count == 1)
        let system = fixed[0].content
        #expect(system.hasPrefix(PromptTemplate.instructions))
        for example in PromptTemplate.examples {
            let block = (example.context + ["request: " + example.request, example.command]).joined(separator: "\n")
            #expect(system.contains(block), "\(example.request)")
        }
    }

    @Test func warmupSharesTheFixedPrefix() {
        let warmup = PromptBuilder.warmupRequest()
        #expect(warmup.messages.first?.content.hasPrefix(PromptTemplate.systemPrompt) == true)
        #expect(warmup.maxTokens == 1)
    }

    @Test func retrievedExamplesFollowTheFixedOnesNearestLast() {
        let bank = ExampleBank(examples: [
            PromptExample(request: "scale payments to 3", command: "kubectl scale deployment/payments --replicas=3"),
            PromptExample(request: "scale web up to 7 replicas", command: "kubectl scale deployment/web --replicas=7"),
            PromptExample(request: "list secrets", command: "kubectl get secrets"),
        ])
        let retriever = ExampleRetriever(bank: bank)
        let prompt = PromptBuilder.prepare(request: "scale checkout to 5 replicas", context: SessionContext(),
                                           options: PromptBuilder.Options(retrievedExamples: 2), retriever: retriever)
        #expect(prompt.retrieved.map(\.command) == ["kubectl scale deployment/web --replicas=7",
                                                    "kubectl scale deployment/payments --replicas=3"])
        let system = prompt.generation.messages[0].content
        let tail = system.dropFirst(PromptTemplate.systemPrompt.count)
        #expect(tail == "\n\nrequest: scale payments to 3\nkubectl scale deployment/payments --replicas=3"
                     + "\n\nrequest: scale web up to 7 replicas\nkubectl scale deployment/web --replicas=7")
        let none = PromptBuilder.prepare(request: "scale checkout to 5 replicas", context: SessionContext(),
                                         options: PromptBuilder.Options(retrievedExamples: 0), retriever: retriever)
        #expect(none.generation.messages[0].content == PromptTemplate.systemPrompt)
        #expect(none.retrieved.isEmpty)
    }

    @Test func fixedExamplesCanBeLeftOut() {
        let retriever = ExampleRetriever(bank: ExampleBank(examples: [
            PromptExample(request: "scale web up to 7 replicas", command: "kubectl scale deployment/web --replicas=7"),
        ]))
        let prompt = PromptBuilder.prepare(request: "scale checkout to 5 replicas", context: SessionContext(),
                                           options: PromptBuilder.Options(fixedExamples: false), retriever: retriever)
        #expect(prompt.generation.messages[0].content == PromptTemplate.instructions
                + "\n\nExamples:\n\nrequest: scale web up to 7 replicas\nkubectl scale deployment/web --replicas=7")
        let bare = PromptBuilder.prepare(request: "scale checkout to 5 replicas", context: SessionContext(),
                                         options: PromptBuilder.Options(retrievedExamples: 0, fixedExamples: false),
                                         retriever: retriever)
        #expect(bare.generation.messages[0].content == PromptTemplate.instructions)
    }

    @Test func samplingSettings() {
        let request = PromptBuilder.build(request: "pods", context: SessionContext())
        #expect(request.temperature == 0)
        #expect(request.seed != nil)
        #expect(request.stop == ["\n"])
        #expect((40...120).contains(request.maxTokens))
        #expect(request.grammar == PromptTemplate.grammar)
        let free = PromptBuilder.build(request: "pods", context: SessionContext(), options: PromptBuilder.Options(useGrammar: false))
        #expect(free.grammar == nil)
        // The newline must stay optional, or a chat model cannot end its turn and rambles.
        #expect(PromptTemplate.grammar.hasSuffix("\"\\n\"?"))
        // The answer starts with `kubectl`, which llama-server continues; the grammar constrains what follows it.
        #expect(request.answerPrefix == "kubectl")
        #expect(PromptTemplate.grammar.hasPrefix(#"root ::= " " "#))
    }

    // MARK: - Context

    @Test func noContextMeansOnlyTheRequest() {
        let request = PromptBuilder.build(request: "  ?show   pods ", context: SessionContext())
        #expect(userMessage(request) == "request: show pods")
        #expect(PromptBuilder.contextFields(SessionContext(), request: "show pods").isEmpty)
    }

    @Test func kubeconfigDefaultsAreNotPlaceholderNoise() {
        let context = SessionContext(kubeconfigContext: "kind-dev", kubeconfigNamespace: "default")
        let message = userMessage(PromptBuilder.build(request: "cordon worker-2", context: context))
        #expect(message == "request: cordon worker-2")
        #expect(!message.contains("default"))
        #expect(!message.lowercased().contains("none"))
    }

    @Test func sessionNamespaceAndSelection() {
        let context = SessionContext(namespace: "shop", selection: ObjectSelection(resource: "deployments", name: "web", namespace: "shop"))
        let message = userMessage(PromptBuilder.build(request: "scale it to 5", context: context))
        #expect(message == "ns: shop\nselected: deployment/web in shop\nrequest: scale it to 5")
        #expect(PromptBuilder.contextFields(context, request: "scale it to 5") ==
                ["namespace": "shop", "selection": "deployment/web in shop"])
    }

    @Test func onlyTheSessionNamespaceIsTheNsLine() {
        // k1 adds -n only for the session namespace; a selection's namespace stays on its own line.
        let context = SessionContext(lastNamespace: "batch", selection: ObjectSelection(resource: "pods", name: "api-0", namespace: "batch"))
        #expect(userMessage(PromptBuilder.build(request: "its logs", context: context))
                == "selected: pod/api-0 in batch\nrequest: its logs")
    }

    @Test func lastTypeOnlyWhenTheRequestNamesNoTypeOrRefersBack() {
        let context = SessionContext(lastResource: "deployments")
        #expect(userMessage(PromptBuilder.build(request: "same in all namespaces", context: context))
                == "last type: deployments\nrequest: same in all namespaces")
        #expect(userMessage(PromptBuilder.build(request: "show services in shop", context: context))
                == "request: show services in shop")
        // "in all namespaces" says where to look, not what.
        #expect(userMessage(PromptBuilder.build(request: "now in all namespaces", context: context))
                == "last type: deployments\nrequest: now in all namespaces")
        #expect(userMessage(PromptBuilder.build(request: "delete namespace shop", context: context))
                == "request: delete namespace shop")
    }

    @Test func listingShowsFailingRowsFirstWithTrimmedCells() {
        let context = SessionContext(namespace: "shop", listing: Self.shopListing)
        let message = userMessage(PromptBuilder.build(request: "describe the one using the most memory", context: context))
        #expect(message == """
        ns: shop
        listed pods in shop:
        NAME STATUS READY RESTARTS
        payments-api-7d9f8-x2k4q CrashLoopBackOff 0/1 14
        worker-6d8f7-abc12 Error 0/1 3
        web-5f6b9c-q8zr4 Running 1/1 0
        redis-0 Running 1/1 0
        failing: payments-api-7d9f8-x2k4q worker-6d8f7-abc12
        request: describe the one using the most memory
        """)
        let fields = PromptBuilder.contextFields(context, request: "describe the one using the most memory")
        #expect(fields["listing"]?.hasPrefix("listed pods in shop:") == true)
    }

    @Test func rowsK1PicksAreTheOnlyRowsShown() {
        let context = SessionContext(namespace: "shop", listing: Self.shopListing)
        let prompt = PromptBuilder.prepare(request: "restart the failing ones", context: context)
        #expect(userMessage(prompt.generation) == """
        ns: shop
        listed pods in shop:
        NAME STATUS READY RESTARTS
        payments-api-7d9f8-x2k4q CrashLoopBackOff 0/1 14
        worker-6d8f7-abc12 Error 0/1 3
        failing: payments-api-7d9f8-x2k4q worker-6d8f7-abc12
        request: restart the failing ones
        """)
        // The cache key sees the same rows; an answer's names are checked against every listed row.
        #expect(PromptBuilder.contextFields(context, request: "restart the failing ones")["listing"]
                == prompt.contextFields["listing"])
        #expect(prompt.knownLines.contains("redis-0 Running 1/1 0"))
        #expect(!prompt.contextLines.contains("redis-0 Running 1/1 0"))
    }

    @Test func rowsNamedInTheRequestAreTheOnlyRowsShown() {
        let context = SessionContext(namespace: "shop", listing: Self.shopListing)
        #expect(userMessage(PromptBuilder.build(request: "show the logs of redis-0", context: context)) == """
        ns: shop
        listed pods in shop:
        NAME STATUS READY RESTARTS
        redis-0 Running 1/1 0
        request: show the logs of redis-0
        """)
    }

    @Test func listingRespectsTheRowBudget() {
        var objects = (0..<30).map { ListedObject(name: "job-\($0)", columns: ["STATUS": "Completed"], healthy: true) }
        objects.append(ListedObject(name: "job-broken", columns: ["STATUS": "Failed"], healthy: false))
        let listing = Listing(resource: "pods", namespace: "batch", command: "kubectl get pods -n batch", objects: objects)
        let lines = ContextRenderer.listingText(listing, maxRows: 12)
        #expect(lines.count == 2 + 12 + 2)
        #expect(lines[2] == "job-broken Failed")
        #expect(lines[lines.count - 2] == "(+19 more)")
        #expect(lines.last == "failing: job-broken")
        let rendered = ContextRenderer.render(SessionContext(listing: listing), request: "delete those", maxRows: 5)
        #expect(rendered.lines.filter { $0.hasPrefix("job-") }.count == 5)
    }

    @Test func listingIsLeftOutWhenTheRequestDoesNotReferToIt() {
        let context = SessionContext(namespace: "shop", listing: Self.shopListing)
        #expect(userMessage(PromptBuilder.build(request: "show deployments", context: context)) == "ns: shop\nrequest: show deployments")
        #expect(PromptBuilder.contextFields(context, request: "show deployments")["listing"] == nil)
        for request in ["delete them", "logs of the crashing one", "describe payments-api", "what's wrong with worker-6d8f7-abc12",
                        "restart the first one"] {
            #expect(PromptBuilder.contextFields(context, request: request)["listing"] != nil, "\(request)")
        }
    }

    @Test func allNamespacesListingShowsANamespaceColumn() {
        let listing = Listing(resource: "pods", namespace: nil, command: "kubectl get pods -A", objects: [
            ListedObject(name: "coredns-1", namespace: "kube-system", columns: ["STATUS": "Running"], healthy: true),
            ListedObject(name: "api-0", namespace: "shop", columns: ["STATUS": "Pending"], healthy: false),
        ])
        #expect(ContextRenderer.listingText(listing, maxRows: 12) == [
            "listed pods in all namespaces:", "NAMESPACE NAME STATUS", "shop api-0 Pending", "kube-system coredns-1 Running",
            "failing: api-0",
        ])
    }

    @Test func exampleContextsMatchWhatTheRendererWrites() {
        // The fixed examples show context exactly as real requests get it.
        let selection = SessionContext(namespace: "shop", selection: ObjectSelection(resource: "deployments", name: "web", namespace: "shop"))
        #expect(ContextRenderer.render(selection, request: "scale it to 5").lines == ["ns: shop", "selected: deployment/web in shop"])
        let listing = Listing(resource: "pods", namespace: "prod", command: "kubectl get pods -n prod", objects: [
            ListedObject(name: "gateway-5f6b9c-q8zr4", columns: ["STATUS": "Running", "READY": "1/1", "RESTARTS": "0"], healthy: true),
            ListedObject(name: "orders-7d9f8-x2k4q", columns: ["STATUS": "CrashLoopBackOff", "READY": "0/1", "RESTARTS": "14"], healthy: false),
            ListedObject(name: "mailer-6d8f7-abc12", columns: ["STATUS": "Error", "READY": "0/1", "RESTARTS": "3"], healthy: false),
        ])
        let example = PromptTemplate.examples.first { $0.request == "restart the failing ones" }
        #expect(ContextRenderer.render(SessionContext(listing: listing), request: "restart the failing ones").lines
                == example?.context)
        let nodes = Listing(resource: "nodes", namespace: nil, command: "kubectl get nodes", objects: [
            ListedObject(name: "node-a", columns: ["STATUS": "Ready"], healthy: true),
            ListedObject(name: "node-c", columns: ["STATUS": "NotReady"], healthy: false),
            ListedObject(name: "node-b", columns: ["STATUS": "Ready"], healthy: true),
        ])
        let request = "what is wrong with the broken node"
        let nodeExample = PromptTemplate.examples.first { $0.request == request }
        #expect(nodeExample != nil)
        #expect(ContextRenderer.render(SessionContext(listing: nodes), request: request).lines == nodeExample?.context)
    }

    @Test func examplesFileParserReportsBadBlocks() {
        #expect(throws: TranslateError.badResource(file: "examples.txt", line: 1,
                                                   problem: "a block needs one request: and one command: line")) {
            try PromptExample.parse("request: pods\n")
        }
        #expect(throws: TranslateError.badResource(file: "examples.txt", line: 1,
                                                   problem: "expected context:, request: or command:")) {
            try PromptExample.parse("bogus line\n")
        }
        let parsed = try? PromptExample.parse("# comment\n\ncontext: ns: a\nrequest: r\ncommand: kubectl get pods\n\n")
        #expect(parsed == [PromptExample(context: ["ns: a"], request: "r", command: "kubectl get pods")])
    }
}

@Suite("PromptBuilder.describe: the prompt as text")
struct PromptDescriptionTests {
    @Test func theFixedPartEndsWhereTheMarkerSays() {
        let prompt = PromptBuilder.prepare(request: "scale web to 3", context: SessionContext(namespace: "shop"))
        let text = PromptBuilder.describe(prompt.generation)
        let marker = "--- (the fixed part ends here; what follows is new for each request) ---"
        let parts = text.components(separatedBy: marker)
        #expect(parts.count == 2)
        #expect(parts[0] == "--- system ---\n" + PromptTemplate.systemPrompt + "\n")
        // The retrieved examples, then the user message, then the answer's start.
        #expect(parts[1].hasSuffix("--- user ---\nns: shop\nrequest: scale web to 3\n--- assistant ---\nkubectl\n"))
        #expect(prompt.retrieved.allSatisfy { parts[1].contains("request: " + $0.request + "\n" + $0.command) })
    }
}
