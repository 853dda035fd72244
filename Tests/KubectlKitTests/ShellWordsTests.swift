import Testing
@testable import KubectlKit

@Suite("ShellWords")
struct ShellWordsTests {
    @Test("splits words", arguments: [
        ("kubectl get pods", ["kubectl", "get", "pods"]),
        ("  get   pods\t-n  shop  ", ["get", "pods", "-n", "shop"]),
        ("", []),
        ("   ", []),
        ("echo 'a b'  c", ["echo", "a b", "c"]),
        ("echo \"a b\"", ["echo", "a b"]),
        ("echo a\"b c\"d", ["echo", "ab cd"]),
        ("echo 'it'\\''s'", ["echo", "it's"]),
        ("echo \"say \\\"hi\\\"\"", ["echo", "say \"hi\""]),
        ("echo \"a\\\\b\"", ["echo", "a\\b"]),
        ("echo \"\\$HOME\"", ["echo", "$HOME"]),
        ("echo \"\\n stays\"", ["echo", "\\n stays"]),
        ("echo a\\ b", ["echo", "a b"]),
        ("echo \\'x", ["echo", "'x"]),
        ("echo '' \"\"", ["echo", "", ""]),
        ("echo 'a\\b'", ["echo", "a\\b"]),
        ("get pods -o jsonpath='{.items[*].metadata.name}'", ["get", "pods", "-o", "jsonpath={.items[*].metadata.name}"]),
        ("label pods web 'note=héllo wörld'", ["label", "pods", "web", "note=héllo wörld"]),
        ("a\\\nb", ["ab"]),
    ])
    func splits(line: String, expected: [String]) throws {
        #expect(try ShellWords.split(line) == expected)
    }

    @Test("rejects unbalanced quoting", arguments: [
        ("echo 'abc", ShellWordsError.unterminatedSingleQuote),
        ("echo \"abc", .unterminatedDoubleQuote),
        ("echo \"abc\\\"", .unterminatedDoubleQuote),
        ("echo abc\\", .trailingBackslash),
    ])
    func rejects(line: String, error: ShellWordsError) {
        #expect(throws: error) { try ShellWords.split(line) }
    }

    @Test func errorDescriptionsTellTheFix() {
        #expect(ShellWordsError.unterminatedSingleQuote.description.contains("closing '"))
        #expect(ShellWordsError.unterminatedDoubleQuote.description.contains("closing \""))
        #expect(ShellWordsError.trailingBackslash.description.contains("backslash"))
    }

    @Test("detects shell syntax", arguments: [
        "kubectl get pods | grep web",
        "kubectl get pods || true",
        "kubectl get pods && kubectl get svc",
        "kubectl get pods; ls",
        "kubectl get pods &",
        "kubectl get pods > pods.txt",
        "kubectl apply -f - < x.yaml",
        "kubectl get pods 2>&1",
        "kubectl logs $(kubectl get pods -o name | head -1)",
        "kubectl logs `whoami`",
        "kubectl get pods -n ${NS}",
        "kubectl get pods -n $NS",
        "kubectl get pods\nkubectl get svc",
        "kubectl logs \"$(whoami)\"",
    ])
    func shellSyntax(line: String) {
        #expect(ShellWords.hasShellSyntax(line))
    }

    @Test("plain lines need no shell", arguments: [
        "kubectl get pods",
        "kubectl get pods -l 'app=web,tier!=db'",
        "kubectl get pods -o jsonpath='{.items[*].metadata.name}'",
        "kubectl get pods -o 'custom-columns=NAME:.metadata.name|x'",
        "kubectl exec web -- sh -c 'ls | wc -l; echo $HOME > /tmp/x'",
        "kubectl get pods \"a|b\"",
        "kubectl get pods a\\|b",
        "kubectl get --raw '/api?x=1&y=2'",
        "kubectl get pods -o jsonpath=\"{.items[?(@.status.phase=='Running')].metadata.name}\"",
        "kubectl cost 5$",
    ])
    func noShellSyntax(line: String) {
        #expect(!ShellWords.hasShellSyntax(line))
    }

    @Test("quotes only what needs it", arguments: [
        ("web-0", "web-0"),
        ("app=web,tier=fe", "app=web,tier=fe"),
        ("deploy/web", "deploy/web"),
        ("--output=wide", "--output=wide"),
        ("", "''"),
        ("a b", "'a b'"),
        ("it's", "'it'\\''s'"),
        ("{.items[*]}", "'{.items[*]}'"),
        ("$HOME", "'$HOME'"),
        ("héllo", "'héllo'"),
    ])
    func quotes(word: String, expected: String) {
        #expect(ShellWords.quote(word) == expected)
    }

    @Test func joinRoundTrips() throws {
        let words = ["kubectl", "exec", "web-0", "--", "sh", "-c", "echo 'hi' && ls \"$HOME\"", "", "a\\b"]
        let line = ShellWords.join(words)
        #expect(try ShellWords.split(line) == words)
        #expect(!ShellWords.hasShellSyntax(line))
    }
}
