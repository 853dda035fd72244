import Testing
@testable import Translate

@Suite("RequestEvidence: values on the wrong side, and programs and files nobody asked for")
struct RequestEvidenceSideTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func theLocalPortComesFirst() {
        #expect(fix("kubectl port-forward etl-0 5005:15005", "pf pod etl-0 5005 to local 15005").command
            == "kubectl port-forward etl-0 15005:5005")
        #expect(fix("kubectl port-forward svc/api 80:9090", "forward svc api port 80 to localhost:9090").command
            == "kubectl port-forward svc/api 9090:80")
        // Already local first, or no side named: unchanged.
        #expect(fix("kubectl port-forward etl-0 15005:5005", "pf pod etl-0 5005 to local 15005").kinds.isEmpty)
        #expect(fix("kubectl port-forward etl-0 8080:5005", "forward 8080 to 5005 of etl-0").kinds.isEmpty)
    }

    @Test func aProgramThatOnlyRepeatsTheImage() {
        #expect(fix("kubectl run curl --image=curlimages/curl --rm -it --restart=Never -- curl http://web:80",
                    "run tmp pod curl img curlimages/curl interactive rm").command
            == "kubectl run curl --image=curlimages/curl --rm -it --restart=Never")
        // A program the request gives stays.
        #expect(fix("kubectl run curl --image=curlimages/curl --rm -it -- curl http://web:80",
                    "run a curl pod that curls http://web:80").kinds.isEmpty)
        #expect(fix("kubectl run sleeper --image=busybox -- sleep 3600", "run busybox sleep 3600 name sleeper").kinds.isEmpty)
    }

    @Test func kustomizePrintsYAML() {
        #expect(fix("kubectl kustomize ./overlays/prod -o yaml", "Show the kustomization in the directory ./overlays/prod rendered as YAML.").command
            == "kubectl kustomize ./overlays/prod")
        #expect(fix("kubectl kustomize ./overlays/prod -o out.yaml", "render ./overlays/prod into out.yaml").kinds.isEmpty)
    }

    @Test func requestsAndLimitsOnTheirSides() {
        #expect(fix("kubectl set resources deployment/reporter --requests=cpu=250m,memory=512Mi",
                    "Set CPU requests of 250m and memory limits of 512Mi on the deployment reporter.").command
            == "kubectl set resources deployment/reporter --requests=cpu=250m --limits=memory=512Mi")
        #expect(fix("kubectl set resources deploy api --limits=cpu=1,memory=1Gi", "set resources deploy api cpu request 1 mem limit 1Gi").command
            == "kubectl set resources deploy api --requests=cpu=1 --limits=memory=1Gi")
        // Already on their sides, or no side named: unchanged.
        #expect(fix("kubectl set resources deployment/reporter --requests=cpu=250m --limits=memory=512Mi",
                    "Set CPU requests of 250m and memory limits of 512Mi on the deployment reporter.").kinds.isEmpty)
        #expect(fix("kubectl set resources deploy api --limits=cpu=1", "give deploy api 1 cpu").kinds.isEmpty)
    }

    @Test func aNamespaceCalledStreamAsksForNoWatch() {
        #expect(!fix("kubectl get pods -n stream", "pods ns stream not on node kf-3").kinds.contains(.output))
        #expect(fix("kubectl get pods -n stream", "stream the pods of ns stream as they change").kinds.contains(.output))
        #expect(!fix("kubectl logs kafka-1 -n stream", "logs of kafka-1 in namespace stream").kinds.contains(.output))
    }
}

@Suite("RequestEvidence: paths the request does not write")
struct RequestEvidencePathTests {
    func fix(_ command: String, _ request: String) -> (command: String, kinds: [EvidenceFix.Kind]) {
        evidenceRepair(command, request)
    }

    @Test func explainStopsAtTheLastWrittenField() {
        #expect(fix("kubectl explain pod.spec.affinity --recursive", "explain pod spec recursively").command
            == "kubectl explain pod.spec --recursive")
        #expect(fix("kubectl explain pod.spec.containers.ports", "explain the ports of a pod's containers").kinds.isEmpty)
        #expect(fix("kubectl explain deployment.spec.strategy", "what is the strategy field of a deployment").kinds.isEmpty)
    }

    @Test func anImagePatchIsSetImage() {
        let patch = #"kubectl patch deployment lab-api --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"lab-api:5"}]'"#
        #expect(fix(patch, "Replace the image of every container in the deployment lab-api with lab-api:5.").command
            == "kubectl set image deployment/lab-api '*=lab-api:5'")
        let strategic = #"kubectl patch deploy api -n shop -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"api:2"}]}}}}'"#
        #expect(fix(strategic, "change the image of container web in deploy api ns shop to api:2").command
            == "kubectl set image deployment/api web=api:2 -n shop")
        // A patch of something else, or no container named: unchanged.
        #expect(fix(#"kubectl patch deployment api -p '{"spec":{"replicas":3}}'"#, "patch deploy api replicas 3 image stays").kinds.isEmpty)
        #expect(fix(strategic, "patch deploy api ns shop to image api:2").kinds.isEmpty)
    }

    @Test func theEndpointsOfAServiceByName() {
        #expect(fix("kubectl get endpoints -l kubernetes.io/service-name=lab-api -n lab", "svc endpoints for lab-api ns lab").command
            == "kubectl get endpoints lab-api -n lab")
        #expect(fix("kubectl get endpointslices -l kubernetes.io/service-name=lab-api", "endpoint slices of svc lab-api").kinds.isEmpty)
    }
}
