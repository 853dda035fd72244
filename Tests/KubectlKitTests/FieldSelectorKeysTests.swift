import Testing
import KubectlKit

@Suite("FieldSelectorKeys: the keys the API server accepts per type")
struct FieldSelectorKeysTests {
    @Test func keysPerType() {
        #expect(FieldSelectorKeys.supports("status.podIP", for: "po"))
        #expect(FieldSelectorKeys.supports("spec.unschedulable", for: "nodes"))
        #expect(!FieldSelectorKeys.supports("status.phase", for: "nodes"))
        #expect(FieldSelectorKeys.supports("involvedObject.kind", for: "ev"))
        #expect(FieldSelectorKeys.supports("metadata.name", for: "configmaps"))
        #expect(!FieldSelectorKeys.supports("data.key", for: "configmaps"))
        #expect(FieldSelectorKeys.supports("spec.anything", for: "widgets.example.com"))
    }

    @Test func termsSplitOnTheirOperator() {
        let terms = FieldSelectorKeys.terms(of: "status.phase!=Running,spec.nodeName==n1")
        #expect(terms.map(\.key) == ["status.phase", "spec.nodeName"])
        #expect(terms.map(\.op) == ["!=", "=="])
        #expect(terms.map(\.value) == ["Running", "n1"])
    }
}
