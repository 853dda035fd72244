import Testing
@testable import Translate

@Suite("SyntaxOracleClassifier")
struct SyntaxOracleClassifierTests {
    func classify(_ output: String, status: Int32 = 1, timedOut: Bool = false) -> SyntaxOracleVerdict {
        SyntaxOracleClassifier.classify(exitStatus: status, output: output, timedOut: timedOut)
    }

    @Test(arguments: [
        "Error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.",
        "Error: unknown command \"frobnicate\" for \"kubectl\"",
        #"E1125 03:51:28.680082   16474 run.go:72] "command failed" err="required flag(s) \"replicas\" not set""#,
        "error: --sort-by accepts only cpu or memory",
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command",
        "Error: invalid argument \"x\" for \"--replicas\" flag: strconv.ParseInt: parsing \"x\": invalid syntax",
        "error: you must specify at least one command for the container",
        "error: one of src or dest must be a remote file specification",
        "Display resource (CPU/memory) usage.\n\n The top command allows you to see the resource consumption.",
        "Error: flags cannot be placed before plugin name: -n",
    ])
    func usageErrorsAreInvalid(output: String) {
        let verdict = classify(output)
        #expect(!verdict.valid)
        #expect(verdict.reason == .usageError)
        #expect(!verdict.message.isEmpty)
    }

    @Test(arguments: [
        #"E1125 03:51:44.598924   17534 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: Get \"http://127.0.0.1:1/api?timeout=32s\": dial tcp 127.0.0.1:1: connect: connection refused""#,
        "The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?",
        "error: failed to create token: Post \"http://127.0.0.1:1/api/v1/namespaces/default/serviceaccounts/sa/token\": dial tcp 127.0.0.1:1: connect: connection refused",
    ])
    func connectionErrorsMeanTheSyntaxPassed(output: String) {
        #expect(classify(output) == SyntaxOracleVerdict(valid: true, reason: .reachedServer, message: classify(output).message))
    }

    @Test(arguments: [
        "error: the path \"deploy.yaml\" does not exist",
        "error: error reading config.yaml: no such file or directory",
        "error: config.json doesn't exist in local filesystem",
        "error: no context exists with the name: \"prod-eu\"",
        "Error in configuration: context was not found for specified context: prod",
        "error: cannot rename the context \"old\", it's not in /tmp/k1-oracle/kubeconfig",
        "error: cannot delete context old, not in /tmp/k1-oracle/kubeconfig",
        "CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\nerror: context prod not found",
    ])
    func missingLocalFilesAndContextsAreNotSyntaxErrors(output: String) {
        let verdict = classify(output)
        #expect(verdict.valid)
        #expect(verdict.reason == .missingLocalState)
    }

    @Test func successAndTimeout() {
        #expect(classify("Client Version: v1.32.4", status: 0) == SyntaxOracleVerdict(valid: true, reason: .succeeded))
        #expect(classify("Starting to serve on 127.0.0.1:8001", status: 143, timedOut: true).reason == .timedOut)
        #expect(classify("", status: 143, timedOut: true).valid)
        // A usage error printed before the time limit is still a usage error.
        let late = classify("error: --sort-by accepts only cpu or memory", status: 143, timedOut: true)
        #expect(!late.valid)
        #expect(late.reason == .usageError)
    }

    @Test func usageErrorWinsOverDiscoveryChatter() {
        let output = """
        E1125 03:51:44.598924   17534 memcache.go:265] "Unhandled Error" err="couldn't get current server API group list: dial tcp 127.0.0.1:1: connect: connection refused"
        error: unknown flag: --foo
        """
        #expect(classify(output).reason == .usageError)
        #expect(classify(output).message == "error: unknown flag: --foo")
    }

    @Test func klogPrefixIsRemovedFromMessages() {
        let verdict = classify(#"E1125 03:52:18.763268   19015 run.go:72] "command failed" err="required flag(s) \"image\" not set""#)
        #expect(verdict.message == #""command failed" err="required flag(s) \"image\" not set""#)
    }

    @Test func unrecognisedFailuresAreInvalid() {
        #expect(!classify("something odd happened").valid)
    }
}
