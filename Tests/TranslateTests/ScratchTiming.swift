import Foundation
import Session
import Testing
@testable import Translate

@Suite struct ScratchTiming {
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    @Test func timeCacheHits() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("llm_cache.json")
        let cache = AnswerCache(url: url, maxEntries: 5000)
        // Fill 5000 entries in one write.
        var entries: [AnswerCacheEntry] = []
        let now = Date()
        for index in 0..<5000 {
            let key = AnswerCacheKey(request: "request number \(index)", contextFields: ["namespace": "shop"], model: "m", promptVersion: PromptTemplate.promptVersion)
            entries.append(AnswerCacheEntry(key: key.value, request: "request number \(index)", command: "kubectl get pods -n shop -l app=web-\(index)", created: now, lastUsed: now, model: "m", promptVersion: PromptTemplate.promptVersion, source: .model))
        }
        try AnswerCacheFile.encode(entries).write(to: url)
        let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let clock = ContinuousClock()
        var cold: [Double] = []
        for _ in 0..<5 {
            let fresh = AnswerCache(url: url, maxEntries: 5000)
            let key = AnswerCacheKey(request: "request number 7", contextFields: ["namespace": "shop"], model: "m", promptVersion: PromptTemplate.promptVersion)
            let t = clock.now
            _ = fresh.lookup(key)
            cold.append(ms(clock.now - t))
        }
        _ = cache.lookup(AnswerCacheKey(value: "warm"))
        var warm: [Double] = []
        for index in 0..<2000 {
            let key = AnswerCacheKey(request: "request number \(index)", contextFields: ["namespace": "shop"], model: "m", promptVersion: PromptTemplate.promptVersion)
            let t = clock.now
            _ = cache.lookup(key)
            warm.append(ms(clock.now - t))
        }
        let translator = Translator(backendProvider: { fatalError("no backend on a hit") }, modelName: "m", cache: cache)
        let context = SessionContext(namespace: "shop")
        var full: [Double] = []
        for index in 0..<500 {
            let t = clock.now
            let result = try await translator.translate("request number \(index)", context: context)
            full.append(ms(clock.now - t))
            precondition(result.cached)
        }
        let t = clock.now
        try cache.flush()
        let flush = ms(clock.now - t)
        print("TIMING file \(size) bytes, 5000 entries; cold first lookup median \(median(cold)) ms; warm lookup median \(median(warm)) ms; Translator.translate hit median \(median(full)) ms (p90 \(full.sorted()[450])); flush \(flush) ms")
    }

    func ms(_ d: Duration) -> Double {
        let (s, a) = d.components
        return Double(s) * 1000 + Double(a) / 1e15
    }
}
