import Foundation
import Testing
@testable import Support

@Suite("XDG paths and kubeconfig reading")
struct PathsAndKubeconfigTests {
    @Test("XDG variables win over HOME defaults; relative values are ignored")
    func xdg() {
        let paths = XDGPaths(environment: ["HOME": "/home/u", "XDG_CACHE_HOME": "/c", "XDG_STATE_HOME": "relative"])
        #expect(paths.cache.path == "/c/k1")
        #expect(paths.state.path == "/home/u/.local/state/k1")
        #expect(paths.config.path == "/home/u/.config/k1")
        #expect(paths.historyFile.path == "/home/u/.local/state/k1/history")
        #expect(paths.answerCacheFile.path == "/c/k1/llm_cache.json")
    }

    @Test("Current context and its namespace come from the first file that sets them")
    func kubeconfigMerge() {
        let a = """
        apiVersion: v1
        kind: Config
        current-context: prod-eu
        contexts:
        - name: dev
          context: {cluster: c, namespace: sandbox}
        """
        let b = """
        current-context: ignored
        contexts:
        - name: prod-eu
          context:
            cluster: c
            namespace: shop
        """
        let current = KubeconfigReader.parse([a, b])
        #expect(current.context == "prod-eu")
        #expect(current.namespace == "shop")
        #expect(current.contexts == ["dev", "prod-eu"])
    }

    @Test("Garbage kubeconfig is skipped, not fatal")
    func garbage() {
        #expect(KubeconfigReader.parse(["::: not yaml [", ""]) == KubeconfigReader.Current())
    }

    @Test("KUBECONFIG lists several files")
    func files() {
        let files = KubeconfigReader.files(environment: ["KUBECONFIG": "/a:/b", "HOME": "/h"])
        #expect(files.map(\.path) == ["/a", "/b"])
        #expect(KubeconfigReader.files(environment: ["HOME": "/h"]).map(\.path) == ["/h/.kube/config"])
    }
}
