import Testing
@testable import Translate

@Suite("FieldSelectorCheck")
struct FieldSelectorCheckTests {
    func kinds(_ line: String) -> [ValidationIssue.Kind] {
        CommandValidator.validate(line).map(\.kind)
    }

    @Test func fieldsTheServerRejectsAreFlagged() {
        let issues = CommandValidator.validate("kubectl get nodes --field-selector status.phase!=Ready")
        #expect(issues.map(\.kind) == [.fieldSelector])
        #expect(issues.first?.message.hasPrefix("the server rejects --field-selector status.phase on nodes") == true)
        #expect(kinds("kubectl get deployments --field-selector status.replicas=0") == [.fieldSelector])
    }

    @Test func phasesNoObjectHasAreFlagged() {
        let issues = CommandValidator.validate("kubectl get pods --field-selector=status.phase=CrashLoopBackOff")
        #expect(issues.first?.message.hasPrefix("CrashLoopBackOff is not a pods phase") == true)
    }

    @Test func supportedSelectorsPass() {
        for line in ["kubectl get pods --field-selector=status.phase!=Running",
                     "kubectl get pods --field-selector spec.nodeName=worker-1,status.phase=Pending",
                     "kubectl get events --field-selector type=Warning",
                     "kubectl get nodes --field-selector spec.unschedulable=true",
                     "kubectl get deploy --field-selector metadata.name=web",
                     "kubectl get widgets.example.com --field-selector status.anything=x"] {
            #expect(kinds(line).isEmpty, "\(line)")
        }
    }
}
