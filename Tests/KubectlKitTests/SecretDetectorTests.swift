import Testing
@testable import KubectlKit

@Suite("SecretDetector")
struct SecretDetectorTests {
    @Test("literal secret values are found", arguments: [
        "kubectl create secret generic db --from-literal=password=hunter2",
        "?create secret generic db --from-literal=password=hunter2",
        "kubectl create secret generic db --from-literal pass=hunter2",
        "kubectl create secret docker-registry reg --docker-server=r.io --docker-username=u --docker-password=s3cr3t",
        "kubectl create secret docker-registry reg --docker-password s3cr3t",
        "kubectl get pods --token eyJhbGciOi",
        "kubectl get pods --token=eyJhbGciOi",
        "?make a secret with password=hunter2",
        "?create a secret db with DB_PASSWORD=hunter2",
        "?secret api with token=abc123",
        "?create a secret with password hunter2",
        "?call the api with Authorization: Bearer abc",
        "?set api_key=abcd on deploy web",
        "kubectl set env deploy/web PGPASSWORD=hunter2",
    ])
    func found(line: String) {
        #expect(SecretDetector.containsSecret(line))
    }

    @Test("commands and requests without a secret value are not flagged", arguments: [
        "kubectl get pods -n shop",
        "kubectl create secret generic db --from-file=key.pem",
        "kubectl create secret generic db --from-env-file=.env",
        "kubectl create secret generic db --from-file=password=./pw.txt",
        "kubectl get secret db -o jsonpath='{.data.password}'",
        "kubectl describe secret token-xyz",
        "?show the token of the default service account",
        "?decode the password in secret db",
        "?list secrets",
        "?get the service account token",
        "kubectl create secret generic db --from-literal=",
        "kubectl create token default -n shop",
        "create token build-bot --duration=10m",
    ])
    func notFound(line: String) {
        #expect(!SecretDetector.containsSecret(line))
    }
}
