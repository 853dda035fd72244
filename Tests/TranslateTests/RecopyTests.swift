import Testing
@testable import Translate

@Suite("Recopy: garbled copies put back")
struct RecopyTests {
    static let listing = [
        "listed pods in payments:", "NAME STATUS READY RESTARTS",
        "ledger-84c6d-wq5hn CrashLoopBackOff 0/1 9", "payments-api-7d9f8-x2k4q Running 1/1 0",
        "failing: ledger-84c6d-wq5hn",
    ]

    @Test func aGluedWordOrSentenceStop() {
        #expect(Recopy.repair("kubectl logs quartz-5d7ctr --tail=300 -c sidecar", request: "max 300 lines logs quartz-5d7 ctr sidecar", context: []).command
            == "kubectl logs quartz-5d7 --tail=300 -c sidecar")
        #expect(Recopy.repair("kubectl port-forward quartz-5d7.5000:80", request: "Forward local port 5000 to port 80 on the pod quartz-5d7.", context: []).command
            == "kubectl port-forward quartz-5d7 5000:80")
    }

    @Test("fixed", arguments: [
        // A listed name glued to its namespace.
        ("kubectl delete pod payments-ledger-84c6d-wq5hn -n payments", "delete the crashloop one", listing,
         "kubectl delete pod ledger-84c6d-wq5hn -n payments"),
        // A listed name with a character dropped.
        ("kubectl logs payments-api-7d9f8-x2kq", "logs of the api pod", listing, "kubectl logs payments-api-7d9f8-x2k4q"),
        // A key renamed and a value "corrected".
        ("kubectl create secret generic db --from-literal=username=admin --from-literal=password=s3cret",
         "secret db with user=admin and password=s3cr3t", [],
         "kubectl create secret generic db --from-literal=user=admin --from-literal=password=s3cr3t"),
        // A made-up file where the request names one of the same kind.
        ("kubectl create secret tls web-tls --cert=certs/web.crt --key=certs/web.key", "tls secret web-tls from a.crt and a.key", [],
         "kubectl create secret tls web-tls --cert=a.crt --key=a.key"),
        ("kubectl apply -f deployment.yaml", "apply app.yaml", [], "kubectl apply -f app.yaml"),
        // A prefix copied from an example in front of the request's taint.
        ("kubectl taint nodes gpu-1 nvidia.com/gpu=true:NoSchedule", "taint node gpu-1 gpu=true:NoSchedule", [],
         "kubectl taint nodes gpu-1 gpu=true:NoSchedule"),
        // A name copied from an example instead of the request's.
        ("kubectl taint nodes gpu-node-1 dedicated-", "remove the dedicated taint from node gpu-1", [],
         "kubectl taint nodes gpu-1 dedicated-"),
        // The request's `./` put back on its path.
        ("kubectl kustomize deploy/prod", "render ./deploy/prod", [], "kubectl kustomize ./deploy/prod"),
        // A selected object's name, misspelt.
        ("kubectl describe deployment paymnets-api", "describe it", ["selected: deployment/payments-api in shop"],
         "kubectl describe deployment payments-api"),
    ])
    func fixed(command: String, request: String, context: [String], expected: String) {
        let result = Recopy.repair(command, request: request, context: context)
        #expect(result.command == expected)
        #expect(!result.fixes.isEmpty)
    }

    @Test("left alone", arguments: [
        // A path the command already copies from is not also the destination.
        ("kubectl cp web-1:/var/log/app.log ./app.log", "copy /var/log/app.log from pod web-1 to here", []),
        // Copied right.
        ("kubectl delete pod ledger-84c6d-wq5hn -n payments", "delete the crashloop one", listing),
        // A deliberate extension of the request's value.
        ("kubectl taint nodes gpu-1 dedicated=ml:NoSchedule", "taint gpu-1 with dedicated=ml", []),
        // Two listed names would fit: nothing is certain.
        ("kubectl logs web-x", "logs of web", ["listed pods:", "NAME STATUS", "web-a Running", "web-b Running"]),
        // Two names of the request: which one the model meant is not certain.
        ("kubectl logs gpu-node-1", "logs of gpu-1 or gpu-2", []),
        // A remote path built from the request's file.
        ("kubectl cp config.json web-5f6b9c-q8zr4:/app/config.json", "copy config.json into web-5f6b9c-q8zr4 at /app/config.json", []),
        // An image tag is not a file name.
        ("kubectl set image deployment/web web=nginx:1.27", "update web to nginx 1.27", []),
        // The request names no file: the model's file stays for the validator and the user.
        ("kubectl apply -f deploy.yaml", "apply the manifest", []),
        // Shell syntax is never rewritten.
        ("kubectl get pods | grep payments-ap", "payments-api pods", []),
    ])
    func leftAlone(command: String, request: String, context: [String]) {
        let result = Recopy.repair(command, request: request, context: context)
        #expect(result.command == command)
        #expect(result.fixes.isEmpty)
    }

    @Test func replacesWholeWordsOnly() {
        #expect(Recopy.replacingWhole("web", with: "api", in: "kubectl logs web web-0 deploy/web --x=web") == "kubectl logs api web-0 deploy/api --x=api")
    }

    @Test func editDistance() {
        #expect(Recopy.editDistance("kitten", "sitting") == 3)
        #expect(Recopy.editDistance("", "abc") == 3)
        #expect(Recopy.editDistance("same", "same") == 0)
    }
}
